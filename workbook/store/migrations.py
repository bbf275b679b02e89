"""Schema migrations of the data file: each step takes the raw tables of version N and
returns those of version N+1. The store runs them in order on an older file, after a backup.

`MIGRATIONS[0]` turns version 1 into 2, and so on; SCHEMA_VERSION is 1 + len(MIGRATIONS).
A step works on plain dicts and lists (the store does not know the tracker's types, and no
content files are read: a step knows the few prompt ids whose answers changed shape) and never
loses a field: a value it does not understand is left as it is, for the reader to skip.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Tables = dict[str, Any]


def contact_as_words(tables: Tables) -> Tables:
    """Version 1 -> 2: a check-in's contact was true/false/null; it becomes "none",
    "allowed" (contact the plan allows) or "outside" (contact outside the plan, a slip).

    The day count must not move: true becomes "outside" only on a day with a slip recorded
    (the user had called it a slip), otherwise "allowed"; false becomes "none".
    """
    slip_days = {
        doc.get("key")
        for doc in tables.get("slips", {}).values()
        if isinstance(doc, dict) and doc.get("withdrawn") is not True
    }
    for doc in tables.get("checkins", {}).values():
        if not isinstance(doc, dict):
            continue
        contact = doc.get("contact")
        if contact is True:
            doc["contact"] = "outside" if doc.get("key") in slip_days else "allowed"
        elif contact is False:
            doc["contact"] = "none"
    return tables


# Prompts of the bundled abstinence plan that became two-column `pairs` prompts in schema 3:
# their list answers were typed as "trigger → what I'll do instead".
BECAME_PAIRS = {
    ("abstinence-plan", "triggers"),
    ("abstinence-plan", "hooks"),
    ("abstinence-plan", "warning-signs"),
}
# The danger question became Yes / Not sure / No in schema 3.
BECAME_CHOICE = {("abstinence-plan", "in-danger")}
# Options renamed in schema 3 so that, printed in the plan without their question, they still
# make sense ("None of these" said nothing on paper).
RENAMED_OPTIONS = {
    ("abstinence-plan", "exceptions"): {"None of these": "I do not have to stay in touch"},
}

_ARROW = re.compile(r"\s*(?:→|->)\s*")


def line_to_pair(line: str) -> list[str]:
    """ "Sunday evenings → call my sister" -> ["Sunday evenings", "call my sister"]; a line
    without an arrow keeps all its words in the first column. Only the first arrow splits."""
    match = _ARROW.search(line)
    if match is None:
        return [line.strip(), ""]
    return [line[: match.start()].strip(), line[match.end() :].strip()]


def _yes_no_to_choice(value: Any) -> Any:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return value


def _as_pairs(value: Any) -> Any:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return value  # already pairs, or not a list this step knows: left as it is
    return [line_to_pair(item) for item in value]


def _renamer(names: dict[str, str]) -> Callable[[Any], Any]:
    def rename(value: Any) -> Any:
        if isinstance(value, list):
            return [names.get(item, item) if isinstance(item, str) else item for item in value]
        return value

    return rename


def pairs_and_danger_choice(tables: Tables) -> Tables:
    """Version 2 -> 3: arrowed list answers become pairs; the danger yes/no becomes a choice;
    an option that said nothing without its question is renamed. Every revision changes, so
    going back in history gives an answer the prompt can show."""
    for doc in tables.get("answers", {}).values():
        if not isinstance(doc, dict):
            continue
        key = (doc.get("exercise"), doc.get("prompt"))
        if key in BECAME_PAIRS:
            change: Callable[[Any], Any] = _as_pairs
        elif key in BECAME_CHOICE:
            change = _yes_no_to_choice
        elif key in RENAMED_OPTIONS:
            change = _renamer(RENAMED_OPTIONS[key])  # type: ignore[index]
        else:
            continue
        for revision in doc.get("revisions", []):
            if isinstance(revision, dict) and "value" in revision:
                revision["value"] = change(revision["value"])
    return tables


# In order: MIGRATIONS[0] takes version 1 to version 2, and so on.
MIGRATIONS: list[Callable[[Tables], Tables]] = [contact_as_words, pairs_and_danger_choice]
