"""The arithmetic of days without contact: pure functions, no store."""

from __future__ import annotations

import datetime as dt

import pytest

from workbook.tracker.streak import MILESTONES, milestones_reached, streak, stretches

D = dt.date


@pytest.mark.parametrize(
    ("start", "today", "days"),
    [
        (D(2026, 3, 14), D(2026, 3, 14), 0),  # the start day itself is not yet behind you
        (D(2026, 3, 14), D(2026, 3, 15), 1),
        (D(2026, 1, 31), D(2026, 2, 1), 1),  # month end
        (D(2026, 2, 28), D(2026, 3, 1), 1),  # no leap day in 2026
        (D(2028, 2, 28), D(2028, 3, 1), 2),  # 2028-02-29 counts
        (D(2028, 2, 29), D(2029, 2, 28), 365),
        (D(2025, 12, 31), D(2026, 1, 1), 1),  # year end
        (D(2026, 4, 30), D(2026, 7, 31), 92),  # three month ends of 30 and 31 days
    ],
)
def test_days_without_contact_counts_calendar_days(start, today, days):
    current = streak(start, [], today)
    assert current.days == days
    assert current.longest == days
    assert current.current_start == start


def test_no_start_date_means_nothing_is_counted_yet():
    current = streak(None, [D(2026, 3, 1)], D(2026, 3, 14))
    assert current.days is None
    assert current.longest is None
    assert current.reached == ()
    assert current.next_milestone == 1


def test_a_start_date_ahead_is_waiting_not_negative():
    current = streak(D(2026, 3, 20), [], D(2026, 3, 14))
    assert current.days is None
    assert current.not_started_yet
    assert current.stretches == ()


def test_a_slip_begins_a_new_stretch_on_its_day_and_the_longest_is_kept():
    start, slip, today = D(2026, 1, 1), D(2026, 1, 21), D(2026, 1, 26)
    current = streak(start, [slip], today)
    assert current.current_start == slip
    assert current.days == 5
    assert current.longest == 20
    first, second = current.stretches
    assert (first.start, first.end, first.days) == (start, slip, 20)
    assert (second.start, second.ongoing, second.days) == (slip, True, 5)


def test_the_day_after_a_slip_already_counts_one_day():
    current = streak(D(2026, 1, 1), [D(2026, 1, 10)], D(2026, 1, 11))
    assert current.days == 1


def test_when_the_new_stretch_grows_past_the_old_it_becomes_the_longest():
    current = streak(D(2026, 1, 1), [D(2026, 1, 4)], D(2026, 2, 1))
    assert current.longest == current.days == 28


def test_a_back_dated_slip_recomputes_from_the_same_data():
    start, today = D(2026, 2, 1), D(2026, 3, 1)
    assert streak(start, [], today).days == 28
    # Recorded today about a day earlier in the week: the count follows, nothing is lost.
    later = streak(start, [D(2026, 2, 27)], today)
    assert later.days == 2
    assert later.longest == 26


def test_slips_across_a_leap_day():
    current = streak(D(2028, 2, 1), [D(2028, 2, 29)], D(2028, 3, 2))
    assert [s.days for s in current.stretches] == [28, 2]


def test_slips_outside_the_counted_time_are_left_out():
    start, today = D(2026, 3, 1), D(2026, 3, 10)
    before, ahead = D(2026, 2, 20), D(2026, 3, 12)
    assert streak(start, [before, ahead], today).days == 9
    assert len(stretches(start, [before, ahead], today)) == 1


def test_two_slips_on_one_day_are_one_cut():
    runs = stretches(D(2026, 3, 1), [D(2026, 3, 5), D(2026, 3, 5)], D(2026, 3, 8))
    assert [(r.start, r.days) for r in runs] == [(D(2026, 3, 1), 4), (D(2026, 3, 5), 3)]


def test_a_slip_on_the_start_day_leaves_the_count_at_that_day():
    current = streak(D(2026, 3, 1), [D(2026, 3, 1)], D(2026, 3, 4))
    assert current.days == 3
    assert current.longest == 3


def test_milestones_reached_and_the_next_one():
    assert milestones_reached(0) == ()
    assert milestones_reached(13) == (1, 3, 7)
    assert milestones_reached(400) == MILESTONES
    current = streak(D(2026, 1, 1), [], D(2026, 1, 21))  # 20 days
    assert current.reached == (1, 3, 7, 14)
    assert current.latest_milestone == 14
    assert current.milestone_today is None
    assert current.next_milestone == 30


@pytest.mark.parametrize("milestone", MILESTONES)
def test_a_milestone_is_marked_on_the_day_it_is_reached(milestone):
    start = D(2026, 1, 1)
    on_the_day = streak(start, [], start + dt.timedelta(days=milestone))
    day_after = streak(start, [], start + dt.timedelta(days=milestone + 1))
    assert on_the_day.milestone_today == milestone
    assert on_the_day.latest_milestone == milestone
    assert day_after.milestone_today is None
    assert day_after.latest_milestone == milestone


def test_milestones_follow_the_current_stretch_after_a_slip():
    current = streak(D(2026, 1, 1), [D(2026, 2, 1)], D(2026, 2, 4))
    assert current.longest == 31
    assert current.reached == (1, 3)
    assert current.milestone_today == 3
    assert current.next_milestone == 7


def test_past_a_year_there_is_no_next_milestone():
    assert streak(D(2024, 1, 1), [], D(2026, 1, 1)).next_milestone is None
