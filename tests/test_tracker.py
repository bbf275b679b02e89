"""The tracker on a real store: start date, check-ins, urges, slips, history, progress."""

from __future__ import annotations

import datetime as dt
from itertools import islice
from pathlib import Path

import msgspec
import pytest
from msgspec.structs import replace

from workbook.content.models import Catalog, parse_exercise
from workbook.paths import Paths
from workbook.store.database import WorkbookStore
from workbook.tracker.journal import (
    CheckIn,
    TrackerInputError,
    checkin_for,
    checkins,
    history,
    if_i_slip,
    known_triggers,
    local_today,
    log_urge,
    newest_first,
    progress_facts,
    record_slip,
    save_checkin,
    set_start_date,
    slips,
    start_date,
    streak_for,
    streak_of,
    update_urge,
    urge_counts,
    urge_kit,
    urges,
    withdraw_slip,
)

D = dt.date
UTC = dt.timezone.utc
# A fixed zone five hours behind UTC, so tests never depend on the machine's own.
UTC_MINUS_5 = dt.timezone(dt.timedelta(hours=-5))
TODAY = D(2026, 3, 14)  # the day of the `clock` fixture


# --- the start date ----------------------------------------------------------------------


def test_no_start_date_until_one_is_given(store):
    assert start_date(store) is None
    assert streak_for(store, TODAY).days is None


def test_the_start_date_comes_from_the_abstinence_plan(store):
    store.save_answer("abstinence-plan", "no-contact-start", "2026-03-01")
    assert start_date(store) == D(2026, 3, 1)
    assert streak_for(store, TODAY).days == 13


def test_a_start_date_set_in_the_tracker_wins_over_the_plan(store):
    store.save_answer("abstinence-plan", "no-contact-start", "2026-03-01")
    set_start_date(store, D(2026, 3, 10))
    assert start_date(store) == D(2026, 3, 10)
    assert store.setting("no_contact_start") == "2026-03-10"


def test_an_unreadable_start_answer_is_no_start_date(store):
    store.save_answer("abstinence-plan", "no-contact-start", "soon")
    assert start_date(store) is None


# --- days in the user's time zone --------------------------------------------------------


def test_a_check_in_at_half_past_eleven_at_night_belongs_to_that_local_day(paths: Paths):
    # 23:30 on 14 March in UTC-5 is already 04:30 on 15 March in UTC.
    late = dt.datetime(2026, 3, 15, 4, 30, tzinfo=UTC)
    with WorkbookStore.open(paths, lambda: late) as store:
        today = local_today(store, UTC_MINUS_5)
        assert today == D(2026, 3, 14)
        save_checkin(store, CheckIn(today, craving=6, mood="low", contact="none"), today)
        assert [c.day for c in checkins(store)] == [D(2026, 3, 14)]
        # The UTC date is still tomorrow where the user is.
        with pytest.raises(TrackerInputError, match="has not happened yet"):
            save_checkin(store, CheckIn(D(2026, 3, 15), craving=1), today)


def test_an_urge_late_at_night_is_on_the_local_day_in_history(paths: Paths):
    late = dt.datetime(2026, 3, 15, 4, 30, tzinfo=UTC)
    with WorkbookStore.open(paths, lambda: late) as store:
        log_urge(store, 7)
        (entry,) = history(store, UTC_MINUS_5)
        assert entry.day == D(2026, 3, 14)
        assert entry.at.hour == 23
        assert history(store, UTC)[0].day == D(2026, 3, 15)
        assert urge_counts(store, since=D(2026, 3, 14), tz=UTC_MINUS_5).logged == 1
        assert urge_counts(store, since=D(2026, 3, 15), tz=UTC_MINUS_5).logged == 0


# --- check-ins ---------------------------------------------------------------------------


def test_a_check_in_is_kept_whole(store):
    checkin = CheckIn(
        TODAY,
        craving=4,
        mood="okay",
        contact="allowed",
        triggers=["His birthday", "A song"],
        helped="  Called my sister ",
        note="Hard morning.",
    )
    save_checkin(store, checkin, TODAY)
    kept = checkin_for(store, TODAY)
    assert kept == CheckIn(
        TODAY, 4, "okay", "allowed", ["His birthday", "A song"], "Called my sister", "Hard morning."
    )
    assert store.record("checkins", "2026-03-14")["craving"] == 4


def test_contact_the_plan_allows_is_not_a_slip(store):
    set_start_date(store, D(2026, 3, 1))
    save_checkin(store, CheckIn(TODAY, craving=2, mood="good", contact="allowed"), TODAY)
    assert slips(store) == []
    assert streak_for(store, TODAY).days == 13


def test_contact_outside_the_plan_is_a_slip_for_the_count_and_the_plan(store):
    set_start_date(store, D(2026, 3, 1))
    save_checkin(store, CheckIn(D(2026, 3, 11), contact="outside"), TODAY)
    current = streak_for(store, TODAY)
    assert (current.days, current.longest) == (3, 10)
    assert progress_facts(store, TODAY).days_without_contact == 3


def test_an_old_true_or_false_contact_is_migrated_without_moving_the_count(paths, clock):
    import json

    paths.data_dir.mkdir(parents=True)
    old = {
        "_meta": {"1": {"schema_version": 1}},
        "settings": {"1": {"key": "no_contact_start", "value": "2026-03-01"}},
        "checkins": {
            "1": {"key": "2026-03-05", "contact": True},
            "2": {"key": "2026-03-09", "contact": True},
            "3": {"key": "2026-03-10", "contact": False},
            "4": {"key": "2026-03-12", "contact": None},
        },
        "slips": {"1": {"key": "2026-03-09", "note": "", "withdrawn": False}},
    }
    paths.data_file.write_text(json.dumps(old))
    with WorkbookStore.open(paths, clock) as store:
        assert [c.contact for c in checkins(store)] == ["allowed", "outside", "none", None]
        assert streak_for(store, TODAY).days == 5  # since the slip on the 9th, as before
        assert store.record("checkins", "2026-03-05")["contact"] == "allowed"


def test_one_check_in_per_day_saving_again_replaces_it(store):
    save_checkin(store, CheckIn(TODAY, craving=8, mood="struggling"), TODAY)
    save_checkin(store, CheckIn(TODAY, craving=3, mood="okay"), TODAY)
    assert len(checkins(store)) == 1
    assert checkin_for(store, TODAY).craving == 3


def test_back_dated_check_ins_are_allowed_and_sorted_by_day(store):
    save_checkin(store, CheckIn(TODAY, craving=2), TODAY)
    save_checkin(store, CheckIn(D(2026, 2, 28), craving=5), TODAY)
    save_checkin(store, CheckIn(D(2026, 3, 1), craving=4), TODAY)
    assert [c.day for c in checkins(store)] == [D(2026, 2, 28), D(2026, 3, 1), TODAY]


@pytest.mark.parametrize(
    ("checkin", "words"),
    [
        (CheckIn(D(2026, 3, 15), craving=1), "has not happened yet"),
        (CheckIn(TODAY, craving=11), "0 to 10"),
        (CheckIn(TODAY, craving=-1), "0 to 10"),
        (CheckIn(TODAY, craving=True), "0 to 10"),
        (CheckIn(TODAY, mood="fine"), "struggling, low, okay, good, great"),
        (CheckIn(TODAY, contact="yes"), "none, allowed, outside"),
    ],
)
def test_a_check_in_that_cannot_be_kept_changes_nothing(store, checkin, words):
    with pytest.raises(TrackerInputError, match=words):
        save_checkin(store, checkin, TODAY)
    assert store.records("checkins") == []


def test_odd_imported_records_are_skipped_or_read_as_not_given(store):
    store.put_record("checkins", "not a day", {"craving": 3})
    store.put_record("checkins", "2026-03-01", {"craving": "high", "mood": 5, "triggers": "x"})
    (only,) = checkins(store)
    assert only == CheckIn(D(2026, 3, 1))
    store.put_record("urges", "yesterday", {"intensity": 3})
    store.put_record("urges", "2026-03-01T10:00:00+00:00", {"intensity": 12})
    assert urges(store) == []


def test_known_triggers_are_the_users_own(store):
    assert known_triggers(store) == []
    store.save_answer("abstinence-plan", "triggers", ["Sunday evenings", " ", "Our song"])
    assert known_triggers(store) == ["Sunday evenings", "Our song"]


def test_known_triggers_are_only_the_first_column_of_the_pairs(store):
    pairs = [["Sunday evenings alone", "call my sister"], ["", "a walk"], ["Payday", ""]]
    store.save_answer("abstinence-plan", "triggers", pairs)
    assert known_triggers(store) == ["Sunday evenings alone", "Payday"]


# --- urges -------------------------------------------------------------------------------


def test_logging_an_urge_and_saying_later_that_it_passed(store, clock):
    urge = log_urge(store, 8, trigger="A photo", did="Went for a walk")
    assert urge.at == clock.now
    assert urge.passed is None
    update_urge(store, replace(urge, passed=True))
    (kept,) = urges(store)
    assert kept.passed is True
    assert kept.did == "Went for a walk"
    assert urge_counts(store).passed == 1


def test_two_urges_in_the_same_instant_are_both_kept(store):
    first = log_urge(store, 5)
    second = log_urge(store, 6)
    assert first.at != second.at
    assert [u.intensity for u in urges(store)] == [5, 6]


def test_an_urge_stronger_than_ten_is_not_logged(store):
    with pytest.raises(TrackerInputError, match="0 to 10"):
        log_urge(store, 11)
    assert store.records("urges") == []


def _catalog(*exercises: dict) -> Catalog:
    return Catalog([parse_exercise(raw, Path("test.json"), None) for raw in exercises])


TRUTHS = {
    "id": "truth-realizations",
    "title": "Truths",
    "summary": "s",
    "intro": "i",
    "sections": [
        {
            "id": "s",
            "title": "S",
            "prompts": [
                {"id": "harms", "type": "list", "label": "Harms", "plan": "truths"},
                {"id": "pull", "type": "scale", "label": "Pull", "min_label": "a",
                 "max_label": "b"},
                {"id": "kinds", "type": "checklist", "label": "Kinds", "plan": "truths",
                 "options": ["Lies", "Silence"], "other": True},
                {"id": "before", "type": "longtext", "label": "Before"},
                {"id": "note", "type": "longtext", "label": "Note", "plan": "truths"},
            ],
        }
    ],
}  # fmt: skip


def test_the_urge_kit_gathers_the_users_own_words(store):
    store.save_answer("abstinence-plan", "reasons", ["My sleep", "My friends"])
    store.save_answer("abstinence-plan", "craving-steps", ["Breathe", "Read my truths"])
    store.save_answer("abstinence-plan", "support-people", ["Ana: 555 0100"])
    store.save_answer("truth-realizations", "harms", ["He read my messages"])
    store.save_answer("truth-realizations", "kinds", ["Lies", "Other: The silent weeks"])
    store.save_answer("truth-realizations", "before", "Not a truth for the plan")
    store.save_answer("truth-realizations", "note", "You left for good reasons.")
    kit = urge_kit(store, _catalog(TRUTHS))
    assert kit.reasons == ["My sleep", "My friends"]
    assert kit.craving_steps == ["Breathe", "Read my truths"]
    assert kit.support_people == ["Ana: 555 0100"]
    assert kit.truths == [
        "He read my messages",
        "Lies",
        "The silent weeks",
        "You left for good reasons.",
    ]
    assert not kit.empty


def test_the_urge_kit_tolerates_everything_missing(store):
    kit = urge_kit(store, _catalog(TRUTHS))
    assert kit.empty
    store.save_answer("truth-realizations", "harms", ["Kept"])
    assert urge_kit(store, None).truths == []  # without the catalog nobody knows which feed it


# --- slips -------------------------------------------------------------------------------


def test_a_slip_restarts_the_count_and_keeps_the_longest(store):
    set_start_date(store, D(2026, 1, 1))
    assert streak_for(store, TODAY).days == 72
    record_slip(store, D(2026, 3, 10), "Answered a message", TODAY)
    current = streak_for(store, TODAY)
    assert current.days == 4
    assert current.longest == 68
    assert [s.note for s in slips(store)] == ["Answered a message"]
    assert start_date(store) == D(2026, 1, 1)  # the start date itself is untouched


def test_a_slip_cannot_be_dated_ahead(store):
    with pytest.raises(TrackerInputError):
        record_slip(store, D(2026, 3, 15), "", TODAY)
    assert store.records("slips") == []


def test_a_slip_recorded_by_mistake_can_be_taken_back_and_its_note_is_kept(store):
    set_start_date(store, D(2026, 3, 1))
    record_slip(store, D(2026, 3, 12), "Pressed the wrong thing", TODAY)
    withdraw_slip(store, D(2026, 3, 12))
    assert streak_for(store, TODAY).days == 13
    assert slips(store) == []
    (kept,) = slips(store, include_withdrawn=True)
    assert kept.note == "Pressed the wrong thing"
    assert withdraw_slip(store, D(2026, 3, 2)) is None


def test_the_if_i_slip_answer_is_there_to_show(store):
    assert if_i_slip(store) is None
    store.save_answer("abstinence-plan", "if-i-slip", "Call Ana. Sleep. Start again tomorrow.")
    assert if_i_slip(store) == "Call Ana. Sleep. Start again tomorrow."


# --- looking back ------------------------------------------------------------------------


def test_history_merges_everything_newest_first(store, clock):
    save_checkin(store, CheckIn(D(2026, 3, 12), craving=5), TODAY)
    record_slip(store, D(2026, 3, 13), "", TODAY)
    morning = log_urge(store, 4)
    clock.advance(hours=3)
    noon = log_urge(store, 6)
    save_checkin(store, CheckIn(TODAY, craving=3), TODAY)
    entries = history(store, UTC)
    assert [(e.kind, e.day) for e in entries] == [
        ("checkin", TODAY),
        ("urge", TODAY),
        ("urge", TODAY),
        ("slip", D(2026, 3, 13)),
        ("checkin", D(2026, 3, 12)),
    ]
    assert [entries[1].entry, entries[2].entry] == [noon, morning]


def test_history_one_entry_at_a_time_is_the_whole_history_in_order(store, clock):
    """`newest_first` builds only what is taken (a screen's page), in `history`'s order."""
    for n in range(40):
        day = TODAY - dt.timedelta(days=n)
        if n % 7 == 3:
            record_slip(store, day, "", TODAY)
        if n % 2 == 0:
            save_checkin(store, CheckIn(day, craving=n % 11), TODAY)
    for n in range(30):
        log_urge(store, n % 11)  # several on one local day, and some on the day before
        clock.advance(hours=5)
    found = (checkins(store), slips(store), urges(store))
    for tz in (UTC, UTC_MINUS_5):
        whole = history(store, tz)
        assert len(whole) == sum(len(kind) for kind in found) == 56
        assert list(islice(newest_first(*found, tz), 25)) == whole[:25]
        assert list(newest_first(*found, tz)) == whole
        # Newest day first; within a day the check-in, then a slip, then urges, latest first.
        rank = {"checkin": 2, "slip": 1, "urge": 0}
        assert whole == sorted(
            whole,
            key=lambda e: (e.day, e.at.time() if e.at else dt.time.max, rank[e.kind]),
            reverse=True,
        )


def test_the_days_counted_from_entries_already_read_are_the_same(store):
    set_start_date(store, D(2026, 2, 1))
    save_checkin(store, CheckIn(D(2026, 2, 20), contact="outside"), TODAY)
    save_checkin(store, CheckIn(D(2026, 3, 2), contact="allowed"), TODAY)
    record_slip(store, D(2026, 3, 9), "", TODAY)
    store.put_record("checkins", "not a day", {"contact": "outside"})  # skipped, as when read
    expected = streak_for(store, TODAY)
    assert [s.end for s in expected.stretches] == [D(2026, 2, 20), D(2026, 3, 9), None]
    assert streak_of(store, slips(store), checkins(store), TODAY) == expected


def test_progress_facts_for_the_plan(store):
    assert msgspec.structs.asdict(progress_facts(store, TODAY)) == {
        "days_without_contact": None,
        "longest_streak": None,
        "urges_logged": 0,
        "urges_passed": 0,
        "craving_trend": None,
        "check_ins": 0,
    }
    set_start_date(store, D(2026, 2, 1))
    record_slip(store, D(2026, 3, 1), "", TODAY)
    for n, craving in enumerate([9, 8, 6, 5, 3]):
        save_checkin(store, CheckIn(D(2026, 3, 10 + n), craving=craving), TODAY)
    log_urge(store, 6, passed=True)
    log_urge(store, 7, passed=False)
    log_urge(store, 3)
    facts = progress_facts(store, TODAY)
    assert facts.days_without_contact == 13
    assert facts.longest_streak == 28
    assert (facts.urges_logged, facts.urges_passed) == (3, 1)
    assert facts.craving_trend == "falling"
    assert facts.check_ins == 5
