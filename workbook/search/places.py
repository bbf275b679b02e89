"""Where a found text lives: which kind of thing it is, and enough to open it again.

A place is an answer (exercise, section, question, when it was saved), an earlier version of
one (the same, with the version's own date), a field of a tracker entry (its day, and for an
urge the moment it was noted), or one of the user's own crisis lines. `where_words` and
`date_words` put it in plain words, for the screen and the command line alike.

Pure data; imports nothing of the workbook.
"""

from __future__ import annotations

import datetime as dt

import msgspec

# The kinds of result, in the words scripts see (`workbook search --json`).
ANSWER = "answer"
VERSION = "earlier-version"
CHECKIN_NOTE = "checkin-note"
TRIGGER = "checkin-trigger"
HELPED = "checkin-helped"
URGE = "urge"
SLIP = "slip"
CRISIS_LINE = "crisis-line"

KINDS = (ANSWER, VERSION, CHECKIN_NOTE, TRIGGER, HELPED, URGE, SLIP, CRISIS_LINE)
TRACKER_KINDS = (CHECKIN_NOTE, TRIGGER, HELPED, URGE, SLIP)

# What each part of a tracker entry is called on screen.
PART_WORDS = {
    CHECKIN_NOTE: "Check-in · note",
    TRIGGER: "Check-in · what set it off",
    HELPED: "Check-in · what helped",
    SLIP: "Slip · note",
}
URGE_PARTS = {"trigger": "what set it off", "did": "what you did"}


class Place(msgspec.Struct, frozen=True, kw_only=True):
    kind: str
    # Answers and earlier versions.
    exercise_id: str | None = None
    exercise_title: str | None = None
    section_title: str | None = None
    prompt_id: str | None = None
    prompt_label: str | None = None
    # When an answer or version was saved, or an urge noted (aware, UTC).
    saved_at: dt.datetime | None = None
    # The day of a check-in, urge or slip.
    day: dt.date | None = None
    # An urge's field ("trigger" or "did"); a crisis line's region and name.
    part: str | None = None
    region: str | None = None
    line: str | None = None

    @property
    def is_tracker(self) -> bool:
        return self.kind in TRACKER_KINDS


def where_words(place: Place, *, tz: dt.tzinfo | None = None) -> str:
    """Where it is, in a line: 'Truth realizations › What did the highs feel like?'. The
    question says where an answer is; its section would only make the line longer."""
    if place.kind in (ANSWER, VERSION):
        exercise = place.exercise_title or place.exercise_id or ""
        return f"{exercise} › {place.prompt_label or place.prompt_id or ''}"
    if place.kind == URGE:
        moment = f" at {place.saved_at.astimezone(tz):%H:%M}" if place.saved_at else ""
        return f"Urge{moment} · {URGE_PARTS.get(place.part or '', 'note')}"
    if place.kind == CRISIS_LINE:
        if place.line is None:
            return "Your own crisis lines · note"
        return " · ".join(p for p in ("Your own crisis lines", place.region, place.line) if p)
    return PART_WORDS.get(place.kind, place.kind)


def local_day(place: Place, tz: dt.tzinfo | None = None) -> dt.date | None:
    """The day it belongs to, in the user's calendar: a tracker day, or the day it was saved."""
    if place.day is not None:
        return place.day
    if place.saved_at is not None:
        return place.saved_at.astimezone(tz).date()
    return None


def date_words(place: Place, tz: dt.tzinfo | None = None) -> str:
    """Its day as YYYY-MM-DD, or nothing (a crisis line has no date)."""
    day = local_day(place, tz)
    return day.isoformat() if day else ""
