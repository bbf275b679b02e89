"""Craving and mood over weeks: daily values with gaps, and a plain trend word."""

from __future__ import annotations

import datetime as dt

import pytest

from workbook.tracker.journal import CheckIn, save_checkin, trends_for
from workbook.tracker.trends import trend_word, trends

D = dt.date
TODAY = D(2026, 3, 14)


def test_a_window_has_one_value_per_day_with_gaps_as_none():
    found = trends(
        [CheckIn(D(2026, 3, 12), craving=7, mood="low"), CheckIn(TODAY, craving=2)], TODAY, 30
    )
    assert len(found.craving.days) == len(found.craving.values) == 30
    assert found.craving.days[0] == D(2026, 2, 13)
    assert found.craving.days[-1] == TODAY
    assert found.craving.values[-3:] == (7, None, 2)
    assert found.mood.values[-3:] == (2, None, None)  # "low" is 2 on the 1-5 scale
    assert found.craving.trend is None  # two days say too little


def test_check_ins_outside_the_window_are_left_out():
    found = trends([CheckIn(D(2025, 12, 1), craving=9)], TODAY, 90)
    assert set(found.craving.values) == {None}
    assert len(found.craving.values) == 90


@pytest.mark.parametrize(
    ("values", "word"),
    [
        ([8, None, 7, 6, None, 4, 3], "falling"),
        ([2, 3, None, 5, 6], "rising"),
        ([5, 5, 6, 5, 5, 6, 5], "steady"),
        ([4, 4, 4], "steady"),
        ([None, 3, None, 9], None),
        ([], None),
    ],
)
def test_trend_words(values, word):
    assert trend_word(values, 10) == word


def test_a_small_move_on_a_small_scale_still_counts():
    # Mood moves on 1-5: one step up in four days is a real change; on 0-10 it is not.
    assert trend_word([3, 3, 3, 4], 4) == "rising"
    assert trend_word([3, 3, 3, 4], 10) == "steady"


def test_trends_from_the_store_over_30_and_90_days(store):
    for n, (craving, mood) in enumerate([(9, "struggling"), (7, "low"), (4, "okay"), (2, "good")]):
        save_checkin(store, CheckIn(TODAY - dt.timedelta(days=40 - 10 * n), craving, mood), TODAY)
    month = trends_for(store, TODAY, 30)
    quarter = trends_for(store, TODAY, 90)
    assert [v for v in month.craving.values if v is not None] == [4, 2]
    assert month.craving.trend is None
    assert quarter.craving.trend == "falling"
    assert quarter.mood.trend == "rising"
