"""Days without contact, computed from the start date and the slips; nothing is ever erased.

Counting: on the start day the count is 0, the next day 1 (today - start): a day counts once
it is behind you.

A slip on day D closes the stretch before it at D - start days and begins a new one on D
itself, so the day after a slip already reads 1. That is what sobriety apps such as I Am Sober
and Nomo do: "reset" restarts the clock at the moment of the slip, not at the next midnight.
It also spares the user two days in a row at 0. Earlier stretches stay in the history, and
the longest one is remembered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import msgspec

MILESTONES = (1, 3, 7, 14, 30, 60, 90, 180, 365)


class Stretch(msgspec.Struct, frozen=True):
    """One run of days without contact: from `start` up to `end` (a slip day), or ongoing."""

    start: dt.date
    end: dt.date | None
    days: int

    @property
    def ongoing(self) -> bool:
        return self.end is None


class Streak(msgspec.Struct, frozen=True):
    """Everything a screen shows about the days without contact, as of `today`."""

    today: dt.date
    # The no-contact start date, or None when it was never given.
    start: dt.date | None
    # Where the current stretch began: the start date, or the day of the latest slip.
    current_start: dt.date | None
    # None before the start date, or when there is none.
    days: int | None
    longest: int | None
    # Every stretch, oldest first; the last one is ongoing.
    stretches: tuple[Stretch, ...]
    # Milestones of the current stretch, passed so far.
    reached: tuple[int, ...]
    # The milestone reached exactly today, for a quiet mark; None on other days.
    milestone_today: int | None
    next_milestone: int | None

    @property
    def latest_milestone(self) -> int | None:
        return self.reached[-1] if self.reached else None

    @property
    def not_started_yet(self) -> bool:
        return self.start is not None and self.start > self.today


def stretches(start: dt.date, slip_days: Iterable[dt.date], today: dt.date) -> list[Stretch]:
    """The runs of days without contact between `start` and `today`, cut at each slip day.

    Slips before the start date belong to an earlier time and are left out; slips after
    today cannot have happened and are left out too. Several slips on one day are one cut.
    """
    if start > today:
        return []
    cuts = sorted({day for day in slip_days if start <= day <= today})
    runs = []
    begin = start
    for cut in cuts:
        runs.append(Stretch(begin, cut, (cut - begin).days))
        begin = cut
    runs.append(Stretch(begin, None, (today - begin).days))
    return runs


def milestones_reached(days: int) -> tuple[int, ...]:
    return tuple(m for m in MILESTONES if m <= days)


def streak(start: dt.date | None, slip_days: Iterable[dt.date], today: dt.date) -> Streak:
    if start is None or start > today:
        return Streak(today, start, None, None, None, (), (), None, MILESTONES[0])
    runs = stretches(start, slip_days, today)
    current = runs[-1]
    reached = milestones_reached(current.days)
    return Streak(
        today=today,
        start=start,
        current_start=current.start,
        days=current.days,
        longest=max(run.days for run in runs),
        stretches=tuple(runs),
        reached=reached,
        milestone_today=current.days if current.days in MILESTONES else None,
        next_milestone=next((m for m in MILESTONES if m > current.days), None),
    )
