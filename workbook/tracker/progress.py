"""What the tracker tells the plan: a small value both can import without the other."""

from __future__ import annotations

import msgspec


class ProgressFacts(msgspec.Struct, frozen=True):
    """What the tracker knows, for the progress part of the plan."""

    days_without_contact: int | None = None
    longest_streak: int | None = None
    urges_logged: int = 0
    urges_passed: int = 0
    # "falling", "steady" or "rising"; None when there are too few check-ins to tell.
    craving_trend: str | None = None
    check_ins: int = 0
