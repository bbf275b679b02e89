"""Craving and mood over the last weeks: one value per day, gaps kept as None, and a trend word.

The word comes from a least-squares line through the days that have a value. It is "steady"
unless the line moves by at least a tenth of the scale across the window, and there is no word
at all with fewer than MIN_POINTS days: three check-ins say little, but they say something.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

import msgspec

from workbook.tracker.records import CRAVING_MAX, CRAVING_MIN, MOODS, CheckIn, mood_level

FALLING, STEADY, RISING = "falling", "steady", "rising"
# The words a person reads for a trend, the same in the app and in the plan.
CRAVING_TREND_WORDS = {FALLING: "easing", STEADY: "steady", RISING: "stronger lately"}
MOOD_TREND_WORDS = {FALLING: "lower lately", STEADY: "steady", RISING: "lifting"}
MIN_POINTS = 3
# The share of a scale's range the line must move across the window to be a trend.
TREND_SHARE = 0.1


class Series(msgspec.Struct, frozen=True):
    days: tuple[dt.date, ...]
    values: tuple[int | None, ...]
    trend: str | None


class Trends(msgspec.Struct, frozen=True):
    """Daily craving (0-10) and mood (1-5) over `window` days ending today, oldest first."""

    window: int
    craving: Series
    mood: Series


def window_days(today: dt.date, window: int) -> tuple[dt.date, ...]:
    first = today - dt.timedelta(days=window - 1)
    return tuple(first + dt.timedelta(days=n) for n in range(window))


def trend_word(values: Iterable[float | None], scale_range: float) -> str | None:
    points = [(x, y) for x, y in enumerate(values) if y is not None]
    if len(points) < MIN_POINTS:
        return None
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    if spread == 0:
        return STEADY
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / spread
    # How far the line moves from the first day that has a value to the last.
    change = slope * (points[-1][0] - points[0][0])
    if abs(change) < TREND_SHARE * scale_range:
        return STEADY
    return RISING if change > 0 else FALLING


def _series(
    days: tuple[dt.date, ...],
    by_day: dict[dt.date, CheckIn],
    value_of: Callable[[CheckIn], int | None],
    scale_range: float,
) -> Series:
    values = tuple(value_of(by_day[day]) if day in by_day else None for day in days)
    return Series(days, values, trend_word(values, scale_range))


def trends(checkins: Iterable[CheckIn], today: dt.date, window: int = 30) -> Trends:
    days = window_days(today, window)
    by_day = {checkin.day: checkin for checkin in checkins}
    return Trends(
        window=window,
        craving=_series(days, by_day, lambda c: c.craving, CRAVING_MAX - CRAVING_MIN),
        mood=_series(days, by_day, lambda c: mood_level(c.mood), len(MOODS) - 1),
    )
