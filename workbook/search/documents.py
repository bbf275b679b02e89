"""The texts a search looks through, each with where it lives and how recent it is.

Answers are generic JSON values (a text, a list of entries, pairs, a ticked checklist): they
are read as plain lines, and numbers, yes/no and empty answers have no words to find. The
tracker's entries are read through the tracker's own records, which never trust a field; the
user's crisis lines come from their own crisis-lines file.

`when` is a sortable string (an ISO moment in UTC, or a day): comparing strings is all the
ranking needs, and it spares parsing 50,000 timestamps for a search that shows fifty.

Reads the store, the tracker and content; writes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import msgspec

from workbook.content.models import OTHER_PREFIX, Catalog, Resources
from workbook.search import places as kinds
from workbook.search.places import Place
from workbook.store.database import WorkbookStore, from_stamp
from workbook.tracker.journal import checkins, local_date, slips, urges

# Crisis lines have no date: they rank after everything dated.
UNDATED = ""


class Document(msgspec.Struct, frozen=True):
    text: str
    place: Place
    when: str


def answer_text(value: Any) -> str:
    """An answer's words as lines: a list's entries one a line, a pair as 'a → b'."""
    if isinstance(value, str):
        return value.removeprefix(OTHER_PREFIX)
    if isinstance(value, list):
        lines = (_entry_text(item) for item in value)
        return "\n".join(line for line in lines if line)
    if isinstance(value, dict):
        return "\n".join(answer_text(item) for item in value.values() if answer_text(item))
    return ""  # a number, yes or no, nothing: no words to find


def _entry_text(item: Any) -> str:
    if isinstance(item, list):  # one pair of a "pairs" answer: ["Sunday evenings", "call Ann"]
        return " → ".join(answer_text(part) for part in item if answer_text(part))
    return answer_text(item)


def day_when(day: dt.date) -> str:
    # Noon: a day's entries rank beside what was saved that day.
    return f"{day.isoformat()}T12:00:00"


class Labels:
    """Exercise titles, section titles and question labels by id, from the loaded exercises.
    An answer whose exercise is no longer loaded is still found, under its ids."""

    def __init__(self, catalog: Catalog | None) -> None:
        self._titles: dict[str, str] = {}
        self._prompts: dict[tuple[str, str], tuple[str, str]] = {}
        for exercise in catalog.exercises if catalog else []:
            self._titles[exercise.id] = exercise.title
            for section in exercise.sections:
                for prompt in section.prompts:
                    self._prompts[(exercise.id, prompt.id)] = (section.title, prompt.label)

    def place(
        self, kind: str, exercise_id: str, prompt_id: str, saved_at: dt.datetime | None
    ) -> Place:
        section, label = self._prompts.get((exercise_id, prompt_id), (None, None))
        return Place(
            kind=kind,
            exercise_id=exercise_id,
            exercise_title=self._titles.get(exercise_id),
            section_title=section,
            prompt_id=prompt_id,
            prompt_label=label,
            saved_at=saved_at,
        )


def answer_id(doc: dict[str, Any]) -> tuple[str, str] | None:
    exercise, prompt = doc.get("exercise"), doc.get("prompt")
    if isinstance(exercise, str) and isinstance(prompt, str):
        return exercise, prompt
    return None


def stamp_of(revision: Any) -> str:
    stamp = revision.get("saved_at") if isinstance(revision, dict) else None
    return stamp if isinstance(stamp, str) else UNDATED


def moment_of(stamp: str) -> dt.datetime | None:
    try:
        return from_stamp(stamp)
    except ValueError:
        return None


def current_answers(answer_docs: list[dict[str, Any]], labels: Labels) -> Iterator[Document]:
    for doc in answer_docs:
        ids, revisions = answer_id(doc), doc.get("revisions")
        if ids is None or not isinstance(revisions, list) or not revisions:
            continue
        newest = revisions[-1]
        text = answer_text(newest.get("value") if isinstance(newest, dict) else None)
        if text.strip():
            stamp = stamp_of(newest)
            yield Document(text, labels.place(kinds.ANSWER, *ids, moment_of(stamp)), stamp)


def tracker_entries(store: WorkbookStore, tz: dt.tzinfo | None = None) -> Iterator[Document]:
    """Check-in notes, triggers and what helped; what set off an urge and what the user did;
    a slip's note (one taken back too: it is still the user's words)."""
    for checkin in checkins(store):
        when = day_when(checkin.day)
        parts = (
            (kinds.CHECKIN_NOTE, checkin.note),
            (kinds.TRIGGER, "\n".join(checkin.triggers)),
            (kinds.HELPED, checkin.helped),
        )
        for kind, text in parts:
            if text:
                yield Document(text, Place(kind=kind, day=checkin.day), when)
    for urge in urges(store):
        day = local_date(urge.at, tz)
        for part, text in (("trigger", urge.trigger), ("did", urge.did)):
            if text:
                place = Place(kind=kinds.URGE, day=day, saved_at=urge.at, part=part)
                yield Document(text, place, urge.at.isoformat())
    for slip in slips(store, include_withdrawn=True):
        if slip.note:
            part = "taken back" if slip.withdrawn else None
            place = Place(kind=kinds.SLIP, day=slip.day, part=part)
            yield Document(slip.note, place, day_when(slip.day))


def crisis_lines(own: Resources | None) -> Iterator[Document]:
    """The user's own crisis lines: a name, how to reach it, when, what for; and their note."""
    if own is None:
        return
    if own.note.strip():
        yield Document(own.note, Place(kind=kinds.CRISIS_LINE), UNDATED)
    for region in own.regions:
        for line in region.lines:
            details = (line.name, line.call, line.text, line.hours, line.purpose)
            text = "\n".join(part for part in details if part)
            place = Place(kind=kinds.CRISIS_LINE, region=region.name, line=line.name)
            yield Document(text, place, UNDATED)
