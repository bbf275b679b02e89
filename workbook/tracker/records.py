"""The tracker's entries: a daily check-in, an urge, a slip. Checking them, storing them as records.

Mood is one of five words, not a number: a word is easier to pick on a hard day than a number,
and it cannot be confused with the craving scale beside it. For trends the words stand on a
scale from 1 (the first) to 5 (the last).

Records come back from the store, and so from imported backups: reading one never trusts its
fields. A record that cannot be a tracker entry is skipped; a field of the wrong kind is read
as not given.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import msgspec

from workbook.store.database import from_stamp

CHECKINS_TABLE = "checkins"
URGES_TABLE = "urges"
SLIPS_TABLE = "slips"

MOODS = ("struggling", "low", "okay", "good", "great")
# Contact on a day has one meaning everywhere (the app, `workbook checkin`, the tracker, the
# plan's progress): none; only the contact the user's plan allows (children, work, a court
# date), which keeps the days counting; or contact outside the plan, which is a slip.
CONTACT_NONE, CONTACT_ALLOWED, CONTACT_OUTSIDE = "none", "allowed", "outside"
CONTACTS = (CONTACT_NONE, CONTACT_ALLOWED, CONTACT_OUTSIDE)
CONTACT_WORDS = {
    CONTACT_NONE: "no contact",
    CONTACT_ALLOWED: "only what my plan allows",
    CONTACT_OUTSIDE: "outside my plan (a slip)",
}
CRAVING_MIN, CRAVING_MAX = 0, 10
DAY_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class TrackerInputError(ValueError):
    """A value the user gave that the tracker cannot keep; the message says how to fix it."""


def mood_level(mood: str | None) -> int | None:
    """A mood word's place on the 1-5 scale, for trends."""
    return MOODS.index(mood) + 1 if mood in MOODS else None


def parse_day(text: str) -> dt.date:
    """A "YYYY-MM-DD" date, or TrackerInputError in words a person can act on."""
    if not isinstance(text, str) or not DAY_SHAPE.fullmatch(text):
        raise TrackerInputError(
            f"{text!r} is not a date; write it as year-month-day, like 2026-03-14"
        )
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise TrackerInputError(f"there is no day {text} in the calendar") from None


def check_not_future(day: dt.date, today: dt.date) -> None:
    if day > today:
        raise TrackerInputError(
            f"{day.isoformat()} has not happened yet; choose today ({today.isoformat()}) "
            "or an earlier day"
        )


def check_zero_to_ten(value: Any, what: str) -> None:
    if type(value) is not int or not CRAVING_MIN <= value <= CRAVING_MAX:
        raise TrackerInputError(f"{what} is a number from 0 to 10 (you gave {value!r})")


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _texts(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return [item.strip() for item in value if isinstance(item, str) and item.strip()]


def _zero_to_ten(value: Any) -> int | None:
    return value if type(value) is int and CRAVING_MIN <= value <= CRAVING_MAX else None


def _flag(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def contact_value(value: Any) -> str | None:
    """A stored contact: one of CONTACTS; an old true/false (before schema 2, normally
    migrated) reads as allowed/none, so reading it never changes the day count."""
    if value in CONTACTS:
        return value
    if isinstance(value, bool):
        return CONTACT_ALLOWED if value else CONTACT_NONE
    return None


def _day_key(record: dict[str, Any]) -> dt.date | None:
    try:
        return parse_day(record.get("key"))
    except TrackerInputError:
        return None


# The entries are left out of garbage collection (gc=False: none can refer back to itself):
# thousands of them, read for a screen, would otherwise bring on collections of the whole app.
class CheckIn(msgspec.Struct, frozen=True, gc=False):
    """How one day went. Contact outside the user's plan on that day is a slip."""

    day: dt.date
    craving: int | None = None
    mood: str | None = None
    contact: str | None = None  # one of CONTACTS
    # The user's own triggers (from the abstinence plan) or their own words.
    triggers: list[str] = msgspec.field(default_factory=list)
    helped: str = ""
    note: str = ""

    def check(self, today: dt.date) -> None:
        """Raise TrackerInputError when this check-in cannot be kept as it is."""
        check_not_future(self.day, today)
        if self.craving is not None:
            check_zero_to_ten(self.craving, "The craving")
        if self.mood is not None and self.mood not in MOODS:
            words = ", ".join(MOODS)
            raise TrackerInputError(f"The mood is one of: {words} (you gave {self.mood!r})")
        if self.contact is not None and self.contact not in CONTACTS:
            raise TrackerInputError("Contact is one of: " + ", ".join(CONTACTS))

    @property
    def is_slip(self) -> bool:
        return self.contact == CONTACT_OUTSIDE

    def fields(self) -> dict[str, Any]:
        return {
            "craving": self.craving,
            "mood": self.mood,
            "contact": self.contact,
            "triggers": _texts(self.triggers),
            "helped": self.helped.strip(),
            "note": self.note.strip(),
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> CheckIn | None:
        day = _day_key(record)
        if day is None:
            return None
        mood = record.get("mood")
        return cls(
            day=day,
            craving=_zero_to_ten(record.get("craving")),
            mood=mood if mood in MOODS else None,
            contact=contact_value(record.get("contact")),
            triggers=_texts(record.get("triggers")),
            helped=_text(record.get("helped")),
            note=_text(record.get("note")),
        )


class Urge(msgspec.Struct, frozen=True, gc=False):
    """One craving, logged as it happened."""

    # Aware, in UTC; the key of its record.
    at: dt.datetime
    intensity: int
    trigger: str = ""
    # What the user did while it lasted.
    did: str = ""
    # None until the user says; an urge is often logged before it has passed.
    passed: bool | None = None

    def check(self) -> None:
        check_zero_to_ten(self.intensity, "The strength of the urge")
        if self.passed is not None and not isinstance(self.passed, bool):
            raise TrackerInputError("Whether the urge passed is yes or no")

    def fields(self) -> dict[str, Any]:
        return {
            "intensity": self.intensity,
            "trigger": self.trigger.strip(),
            "did": self.did.strip(),
            "passed": self.passed,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Urge | None:
        try:
            at = from_stamp(record.get("key"))
        except (TypeError, ValueError):
            return None
        intensity = _zero_to_ten(record.get("intensity"))
        if at.tzinfo is None or intensity is None:
            return None
        return cls(
            at=at,
            intensity=intensity,
            trigger=_text(record.get("trigger")),
            did=_text(record.get("did")),
            passed=_flag(record.get("passed")),
        )


class Slip(msgspec.Struct, frozen=True, gc=False):
    """A day with contact that the user counts as a slip. Information, kept without judgement."""

    day: dt.date
    note: str = ""
    # Recorded by mistake and taken back; kept, because nothing the user wrote is thrown away.
    withdrawn: bool = False

    def fields(self) -> dict[str, Any]:
        return {"note": self.note.strip(), "withdrawn": self.withdrawn}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Slip | None:
        day = _day_key(record)
        if day is None:
            return None
        withdrawn = record.get("withdrawn") is True
        return cls(day=day, note=_text(record.get("note")), withdrawn=withdrawn)
