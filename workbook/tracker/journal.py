"""Living the abstinence plan one day at a time: the start date, check-ins, urges, slips.

Every tracker screen action is one call here, and nothing here imports Textual. All data goes
through the store's record API (tables "checkins", "urges", "slips"; the start date is the
setting "no_contact_start"), so export and import carry it as they are.

Days belong to the user's local calendar: the store's clock gives UTC, and `local_date`
turns it into the local day (a tz can be given, so tests do not depend on the machine).
Functions that depend on the day take `today` so that a test can pin it.

The pieces live beside this file: records (the entries), streak (the
arithmetic of days), trends (craving and mood over weeks), progress (what the plan shows).
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterator
from operator import attrgetter
from typing import Any

import msgspec

from workbook.content.models import OTHER_PREFIX, Catalog, as_pairs
from workbook.store.database import SETTINGS_TABLE, WorkbookStore, to_stamp
from workbook.tracker.progress import ProgressFacts
from workbook.tracker.records import (
    CHECKINS_TABLE,
    SLIPS_TABLE,
    URGES_TABLE,
    CheckIn,
    Slip,
    TrackerInputError,
    Urge,
    check_not_future,
    contact_value,
    parse_day,
)
from workbook.tracker.records import (
    CONTACT_ALLOWED as CONTACT_ALLOWED,
)
from workbook.tracker.records import (
    CONTACT_NONE as CONTACT_NONE,
)
from workbook.tracker.records import (
    CONTACT_OUTSIDE as CONTACT_OUTSIDE,
)
from workbook.tracker.records import (
    CONTACT_WORDS as CONTACT_WORDS,
)
from workbook.tracker.records import (
    CONTACTS as CONTACTS,
)
from workbook.tracker.records import (
    MOODS as MOODS,  # re-exported for screens: the words a check-in offers
)
from workbook.tracker.streak import MILESTONES as MILESTONES
from workbook.tracker.streak import Streak, streak
from workbook.tracker.trends import Trends, trends

PLAN_EXERCISE = "abstinence-plan"
TRUTHS_EXERCISE = "truth-realizations"
TRUTHS_SECTION = "truths"
START_SETTING = "no_contact_start"
_by_day = attrgetter("day")


# --- days --------------------------------------------------------------------------------


def local_date(moment: dt.datetime, tz: dt.tzinfo | None = None) -> dt.date:
    """The calendar day `moment` falls on where the user is (the machine's zone unless `tz`)."""
    return moment.astimezone(tz).date()


def local_today(store: WorkbookStore, tz: dt.tzinfo | None = None) -> dt.date:
    return local_date(store.clock(), tz)


# --- the start date ----------------------------------------------------------------------


def _answer_day(store: WorkbookStore, prompt_id: str) -> dt.date | None:
    value = store.answer(PLAN_EXERCISE, prompt_id)
    try:
        return parse_day(value) if isinstance(value, str) else None
    except TrackerInputError:
        return None


def start_date(store: WorkbookStore) -> dt.date | None:
    """The no-contact start: the one the user set here, else their abstinence plan's answer."""
    chosen = store.setting(START_SETTING)
    if isinstance(chosen, str):
        try:
            return parse_day(chosen)
        except TrackerInputError:
            pass  # an odd value from an old import: fall back to the plan's answer
    return _answer_day(store, "no-contact-start")


def set_start_date(store: WorkbookStore, day: dt.date) -> None:
    """Remember the start date. A day ahead is allowed: some people plan the day they begin."""
    store.put_record(SETTINGS_TABLE, START_SETTING, {"value": day.isoformat()})


# --- the user's own words from the abstinence plan ---------------------------------------


def _as_texts(value: Any) -> list[str]:
    """An answer as a list of plain lines: a list's entries, a text, a checklist's ticks."""
    items = value if isinstance(value, list) else [value]
    texts = []
    for item in items:
        if not isinstance(item, str):
            continue
        text = item.removeprefix(OTHER_PREFIX).strip()
        if text:
            texts.append(text)
    return texts


def known_triggers(store: WorkbookStore) -> list[str]:
    """The triggers the user named in the abstinence plan, to pick from in a check-in: only
    the trigger itself (the first column), not what they will do instead."""
    value = store.answer(PLAN_EXERCISE, "triggers")
    return _as_texts([first for first, _ in as_pairs(value)])


def if_i_slip(store: WorkbookStore) -> str | None:
    """What the user wrote to themselves for after a slip, to show beside recording one."""
    words = _as_texts(store.answer(PLAN_EXERCISE, "if-i-slip"))
    return "\n".join(words) or None


class UrgeKit(msgspec.Struct, frozen=True):
    """The user's own words for the moment a craving hits. Any of them may be empty."""

    reasons: list[str] = msgspec.field(default_factory=list)
    truths: list[str] = msgspec.field(default_factory=list)
    craving_steps: list[str] = msgspec.field(default_factory=list)
    support_people: list[str] = msgspec.field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.reasons or self.truths or self.craving_steps or self.support_people)


def _truth_prompt_ids(catalog: Catalog | None) -> list[str]:
    exercise = catalog.get(TRUTHS_EXERCISE) if catalog else None
    if exercise is None:
        return []
    return [p.id for p in exercise.prompts() if p.plan == TRUTHS_SECTION]


def urge_kit(store: WorkbookStore, catalog: Catalog | None) -> UrgeKit:
    """Reasons, truths, craving steps and support people, from the user's answers.

    Truths are the truth-realizations answers whose prompts feed the plan's "truths" section,
    in the exercise's order; the catalog says which those are (no catalog: no truths).
    """
    plan = store.answers_for(PLAN_EXERCISE)
    truth_answers = store.answers_for(TRUTHS_EXERCISE)
    truths = [
        text
        for prompt_id in _truth_prompt_ids(catalog)
        for text in _as_texts(truth_answers.get(prompt_id))
    ]
    return UrgeKit(
        reasons=_as_texts(plan.get("reasons")),
        truths=truths,
        craving_steps=_as_texts(plan.get("craving-steps")),
        support_people=_as_texts(plan.get("support-people")),
    )


# --- check-ins ---------------------------------------------------------------------------


def checkins(store: WorkbookStore) -> list[CheckIn]:
    """Every check-in, oldest day first."""
    return sorted(store.records_as(CHECKINS_TABLE, CheckIn.from_record), key=_by_day)


def checkin_for(store: WorkbookStore, day: dt.date) -> CheckIn | None:
    record = store.record(CHECKINS_TABLE, day.isoformat())
    return None if record is None else CheckIn.from_record(record)


def save_checkin(store: WorkbookStore, checkin: CheckIn, today: dt.date) -> CheckIn:
    """Keep the check-in for its day (one per day: saving again replaces that day's)."""
    checkin.check(today)
    store.put_record(CHECKINS_TABLE, checkin.day.isoformat(), checkin.fields())
    return checkin


# --- urges -------------------------------------------------------------------------------


def urges(store: WorkbookStore) -> list[Urge]:
    """Every urge logged, oldest first."""
    return sorted(store.records_as(URGES_TABLE, Urge.from_record), key=attrgetter("at"))


def log_urge(
    store: WorkbookStore,
    intensity: int,
    trigger: str = "",
    did: str = "",
    passed: bool | None = None,
) -> Urge:
    """Log an urge happening now. Two in the same instant are kept apart, a microsecond on."""
    at = store.clock().astimezone(dt.timezone.utc)
    urge = Urge(at, intensity, trigger, did, passed)
    urge.check()
    while store.record(URGES_TABLE, to_stamp(at)) is not None:
        at += dt.timedelta(microseconds=1)
    urge = msgspec.structs.replace(urge, at=at)
    store.put_record(URGES_TABLE, to_stamp(at), urge.fields())
    return urge


def update_urge(store: WorkbookStore, urge: Urge) -> Urge:
    """Save changes to a logged urge: that it passed, what the user did."""
    urge.check()
    store.put_record(URGES_TABLE, to_stamp(urge.at), urge.fields())
    return urge


# --- slips -------------------------------------------------------------------------------


def slips(store: WorkbookStore, *, include_withdrawn: bool = False) -> list[Slip]:
    found = store.records_as(SLIPS_TABLE, Slip.from_record)
    return sorted((s for s in found if include_withdrawn or not s.withdrawn), key=_by_day)


def record_slip(store: WorkbookStore, day: dt.date, note: str, today: dt.date) -> Slip:
    """Note a slip on `day`. The days before it stay counted; a new stretch begins that day."""
    check_not_future(day, today)
    slip = Slip(day, note)
    store.put_record(SLIPS_TABLE, day.isoformat(), slip.fields())
    return slip


def withdraw_slip(store: WorkbookStore, day: dt.date) -> Slip | None:
    """Take back a slip recorded by mistake. Its note is kept; it just no longer counts."""
    record = store.record(SLIPS_TABLE, day.isoformat())
    slip = None if record is None else Slip.from_record(record)
    if slip is None:
        return None
    slip = msgspec.structs.replace(slip, withdrawn=True)
    store.put_record(SLIPS_TABLE, day.isoformat(), slip.fields())
    return slip


# --- looking at it all -------------------------------------------------------------------


def slip_days(store: WorkbookStore) -> list[dt.date]:
    """Days a stretch ended: a slip recorded, or a check-in with contact outside the plan.
    The app, `workbook checkin`, the tracker and the plan's progress all count these."""

    def slipped(record: dict[str, Any]) -> dt.date | None:
        # Only a check-in with contact outside the plan is built: ten years of daily
        # check-ins are 3,650, and the home screen counts the days each time it comes back.
        if contact_value(record.get("contact")) != CONTACT_OUTSIDE:
            return None
        checkin = CheckIn.from_record(record)
        return None if checkin is None else checkin.day

    days = {s.day for s in slips(store)} | set(store.records_as(CHECKINS_TABLE, slipped))
    return sorted(days)


def slip_days_of(found_slips: list[Slip], found_checkins: list[CheckIn]) -> list[dt.date]:
    """`slip_days` of entries already read."""
    return sorted({s.day for s in found_slips} | {c.day for c in found_checkins if c.is_slip})


def streak_for(store: WorkbookStore, today: dt.date) -> Streak:
    return streak(start_date(store), slip_days(store), today)


def streak_of(
    store: WorkbookStore, found_slips: list[Slip], found_checkins: list[CheckIn], today: dt.date
) -> Streak:
    """`streak_for` with the slips and check-ins already read (a screen that shows them)."""
    return streak(start_date(store), slip_days_of(found_slips, found_checkins), today)


class HistoryEntry(msgspec.Struct, frozen=True, gc=False):
    kind: str  # "checkin", "urge" or "slip"
    day: dt.date
    entry: CheckIn | Urge | Slip
    # The local time of an urge; check-ins and slips belong to a whole day.
    at: dt.datetime | None = None


def history(store: WorkbookStore, tz: dt.tzinfo | None = None) -> list[HistoryEntry]:
    """Check-ins, urges and slips together, newest first (within a day: latest urge first)."""
    return history_of(checkins(store), slips(store, include_withdrawn=False), urges(store), tz)


def history_of(
    found_checkins: list[CheckIn],
    found_slips: list[Slip],
    found_urges: list[Urge],
    tz: dt.tzinfo | None = None,
) -> list[HistoryEntry]:
    """`history` of entries already read (a screen reads each table once for all it shows)."""
    return list(newest_first(found_checkins, found_slips, found_urges, tz))


# Within a day: a day's summary (its check-in, a slip) goes above that day's urges.
_KIND_ORDER = {"urge": 0, "slip": 1, "checkin": 2}


def _history_order(entry: HistoryEntry) -> tuple[dt.date, dt.time, int]:
    moment = entry.at.time() if entry.at else dt.time.max
    return (entry.day, moment, _KIND_ORDER[entry.kind])


def newest_first(
    found_checkins: list[CheckIn],
    found_slips: list[Slip],
    found_urges: list[Urge],
    tz: dt.tzinfo | None = None,
) -> Iterator[HistoryEntry]:
    """The entries of `history_of` one at a time, each built only when it is reached: a
    screen lists a page of ten years of entries, and needs only the page built."""

    def local(urge: Urge) -> dt.datetime:
        return urge.at.astimezone(tz)

    def urge_entry(urge: Urge) -> HistoryEntry:
        moment = local(urge)
        return HistoryEntry("urge", moment.date(), urge, moment)

    # Each kind newest first (a sort keeps equal ones in their order, as one sort of all
    # did), then merged: a check-in and a slip never tie with each other or with an urge.
    newest_checkins = sorted(found_checkins, key=_by_day, reverse=True)
    newest_slips = sorted(found_slips, key=_by_day, reverse=True)
    newest_urges = sorted(found_urges, key=lambda u: local(u).replace(tzinfo=None), reverse=True)
    return heapq.merge(
        (HistoryEntry("checkin", c.day, c) for c in newest_checkins),
        (HistoryEntry("slip", s.day, s) for s in newest_slips),
        map(urge_entry, newest_urges),
        key=_history_order,
        reverse=True,
    )


def trends_for(store: WorkbookStore, today: dt.date, window: int = 30) -> Trends:
    """Daily craving and mood over `window` days (30 and 90 on the screen)."""
    return trends(checkins(store), today, window)


class UrgeCounts(msgspec.Struct, frozen=True):
    logged: int
    passed: int


def urge_counts(
    store: WorkbookStore, since: dt.date | None = None, tz: dt.tzinfo | None = None
) -> UrgeCounts:
    """How many urges were logged (on or after `since`, a local day) and how many passed."""
    return urge_counts_of(urges(store), since, tz)


def urge_counts_of(
    found_urges: list[Urge], since: dt.date | None = None, tz: dt.tzinfo | None = None
) -> UrgeCounts:
    chosen = [u for u in found_urges if since is None or local_date(u.at, tz) >= since]
    return UrgeCounts(len(chosen), sum(1 for u in chosen if u.passed))


def progress_facts(store: WorkbookStore, today: dt.date) -> ProgressFacts:
    """All-time counts; the craving trend over the last 30 days."""
    current = streak_for(store, today)
    counts = urge_counts(store)
    return ProgressFacts(
        days_without_contact=current.days,
        longest_streak=current.longest,
        urges_logged=counts.logged,
        urges_passed=counts.passed,
        craving_trend=trends_for(store, today, 30).craving.trend,
        check_ins=len(checkins(store)),
    )
