"""Search over a real store: every kind of result, where it lives, ranking, and the index kept
between searches."""

from __future__ import annotations

import datetime as dt

import pytest

from workbook.content.models import CrisisLine, Region, Resources
from workbook.search import places as kinds
from workbook.search.index import SearchIndex, search
from workbook.search.places import date_words, where_words
from workbook.tracker.journal import CheckIn, log_urge, record_slip, save_checkin

D = dt.date
UTC = dt.timezone.utc
TODAY = D(2026, 3, 14)  # the day of the `clock` fixture


def found(results, kind=None):
    every = results.current + results.versions
    return [r for r in every if kind is None or r.place.kind == kind]


def test_a_current_answer_says_where_it_lives(store, mini_content):
    store.save_answer("mini", "story", "We met at my sister's wedding.")
    results = search(store, "wedding", catalog=mini_content.catalog)
    [result] = results.current
    place = result.place
    assert place.kind == kinds.ANSWER
    assert (place.exercise_id, place.prompt_id) == ("mini", "story")
    assert where_words(place) == "A small exercise › What happened?"
    assert date_words(place, UTC) == "2026-03-14"
    assert [result.text[s:e] for s, e in result.spans] == ["wedding"]


def test_an_earlier_version_is_its_own_kind_with_its_own_date(store, clock, mini_content):
    store.save_answer("mini", "story", "The funeral was in May.")
    clock.advance(days=3)
    store.save_answer("mini", "story", "I do not want to write about it.")
    results = search(store, "funeral", catalog=mini_content.catalog)
    assert results.current == []
    [version] = results.versions
    assert version.place.kind == kinds.VERSION
    assert version.place.saved_at == dt.datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
    assert version.text == "The funeral was in May."


def test_earlier_versions_can_be_left_out(store, clock):
    store.save_answer("mini", "story", "The funeral was in May.")
    clock.advance(days=1)
    store.save_answer("mini", "story", "Something else.")
    results = search(store, "funeral", versions=False)
    assert results.versions == [] and results.versions_total is None
    assert not results.found


def test_check_in_notes_triggers_and_what_helped(store):
    checkin = CheckIn(
        D(2026, 3, 10),
        craving=6,
        mood="low",
        triggers=["Sunday evening", "his birthday"],
        helped="Walked by the river",
        note="Thought about the river house",
    )
    save_checkin(store, checkin, TODAY)
    results = search(store, "river")
    assert {r.place.kind for r in results.current} == {kinds.CHECKIN_NOTE, kinds.HELPED}
    [trigger] = found(search(store, "birthday"), kinds.TRIGGER)
    assert trigger.place.day == D(2026, 3, 10)
    assert where_words(trigger.place) == "Check-in · what set it off"
    assert date_words(trigger.place) == "2026-03-10"


def test_urges_what_set_them_off_and_what_the_user_did(store, clock):
    log_urge(store, 8, trigger="a song on the radio", did="called Ann")
    [set_off] = found(search(store, "radio"), kinds.URGE)
    [did] = found(search(store, "Ann"), kinds.URGE)
    assert (set_off.place.part, did.place.part) == ("trigger", "did")
    assert set_off.place.saved_at == clock()
    assert where_words(did.place, tz=UTC) == "Urge at 09:30 · what you did"


def test_a_slip_note_even_one_taken_back(store):
    record_slip(store, D(2026, 3, 12), "He wrote and I answered.", TODAY)
    [slip] = found(search(store, "answered"), kinds.SLIP)
    assert slip.place.day == D(2026, 3, 12)
    assert where_words(slip.place) == "Slip · note"


def test_the_users_own_crisis_lines(store):
    own = Resources(
        note="Ring Maria first.",
        regions=[
            Region(
                id="mine",
                name="My people",
                lines=[CrisisLine(name="Maria (sister)", call="555 0101", hours="evenings")],
            )
        ],
    )
    results = search(store, "maria", own_lines=own)
    assert sorted(where_words(r.place) for r in results.current) == [
        "Your own crisis lines · My people · Maria (sister)",
        "Your own crisis lines · note",
    ]
    assert all(r.place.kind == kinds.CRISIS_LINE for r in results.current)
    assert search(store, "555 0101", own_lines=own).current  # the number, as two words


def test_accents_are_found_both_ways(store):
    store.save_answer("mini", "story", "We always met at the Café Müller.")
    store.save_answer("mini", "name", "cafe")
    results = search(store, "café muller")
    [result] = results.current
    assert [result.text[s:e] for s, e in result.spans] == ["Café", "Müller"]
    assert {r.place.prompt_id for r in search(store, "CAFE").current} == {"story", "name"}


def test_every_word_must_appear_in_any_order(store):
    store.save_answer("mini", "story", "My sister came to the funeral.")
    store.save_answer("mini", "name", "sister")
    assert [r.place.prompt_id for r in search(store, "funeral sister").current] == ["story"]
    assert search(store, "funeral brother").current == []


def test_a_phrase_must_appear_as_written(store):
    store.save_answer("mini", "story", "At the\nfuneral he left early.")
    store.save_answer("mini", "name", "funeral, the")
    [result] = search(store, '"the funeral"').current
    assert result.place.prompt_id == "story"
    assert [result.text[s:e] for s, e in result.spans] == ["the\nfuneral"]


def test_list_checklist_and_pair_answers_are_searched_as_lines(store):
    store.save_answer("mini", "reasons", ["My sleep", "My sister"])
    store.save_answer("mini", "blocked", ["Phone", "Other: the gym locker"])
    store.save_answer("abstinence-plan", "plan-pairs", [["Sunday evenings", "call my sister"]])
    assert {r.place.prompt_id for r in search(store, "sister").current} == {
        "reasons",
        "plan-pairs",
    }
    [pairs] = [r for r in search(store, "sunday").current]
    assert pairs.text == "Sunday evenings → call my sister"
    [blocked] = search(store, "locker").current
    assert blocked.text == "Phone\nthe gym locker"


def test_an_answer_to_an_exercise_no_longer_loaded_is_still_found(store):
    store.save_answer("gone", "old-prompt", "the lake house")
    [result] = search(store, "lake").current
    assert where_words(result.place) == "gone › old-prompt"


def test_whole_words_rank_first_then_the_most_recent(store, clock):
    store.save_answer("mini", "story", "our sisterhood")  # a word start, newest
    clock.advance(days=-10)
    store.save_answer("mini", "name", "my sister, long ago")  # a whole word, oldest
    clock.advance(days=5)
    store.save_answer("mini", "reasons", ["my sister now"])  # a whole word, in between
    order = [r.place.prompt_id for r in search(store, "sister").current]
    assert order == ["reasons", "name", "story"]


def test_earlier_versions_never_crowd_out_current_answers(store, clock):
    for day in range(12):
        store.save_answer("mini", "story", f"the funeral, draft {day}")
        clock.advance(days=1)
    store.save_answer("mini", "name", "after the funeral")
    results = search(store, "funeral", limit=3)
    assert [r.place.prompt_id for r in results.current] == ["name", "story"]
    assert len(results.versions) == 3 and results.versions_total == 11
    # Newest earlier version first.
    assert results.versions[0].text == "the funeral, draft 10"


def test_one_version_per_answer_stands_for_the_others(store, clock):
    for day in range(5):
        store.save_answer("mini", "story", f"the funeral, draft {day}")
        store.save_answer("mini", "name", f"funeral {day}")
        clock.advance(days=1)
    store.save_answer("mini", "story", "now")
    store.save_answer("mini", "name", "now")
    results = SearchIndex(store).search("funeral", one_version_per_answer=True)
    assert results.versions_total == 10  # every matching version is counted
    assert {(r.text, r.other_versions) for r in results.versions} == {
        ("the funeral, draft 4", 4),
        ("funeral 4", 4),
    }
    assert all(r.other_versions == 0 for r in search(store, "funeral").versions)


def test_the_index_sees_new_versions_and_answers_between_searches(store, clock):
    index = SearchIndex(store)
    store.save_answer("mini", "story", "the lake")
    clock.advance(days=1)
    store.save_answer("mini", "story", "the lake house")
    assert len(index.search("lake").versions) == 1
    clock.advance(days=1)
    store.save_answer("mini", "story", "the sea")
    results = index.search("lake")
    assert results.current == [] and len(results.versions) == 2
    store.save_answer("mini", "name", "lake")
    assert len(index.search("lake").current) == 1


def test_a_search_asked_to_stop_gives_nothing(store, clock):
    store.save_answer("mini", "story", "one")
    clock.advance(days=1)
    store.save_answer("mini", "story", "two")
    assert SearchIndex(store).search("one", stop=lambda: True) is None


@pytest.mark.parametrize("query", ["", "  ", '""'])
def test_an_empty_query_finds_nothing(store, query):
    store.save_answer("mini", "story", "words")
    results = search(store, query)
    assert not results.found and results.current == []
