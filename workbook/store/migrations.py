"""Schema migrations: each step takes the raw tables of version N and returns version N+1.

`MIGRATIONS[0]` turns version 1 into 2, and so on; SCHEMA_VERSION is 1 + len(MIGRATIONS).
A step works on plain dicts (the store does not know the tracker's types) and never loses a
field: a value it does not understand is left as it is, for the reader to skip.
May touch: the tables it is given, nothing on disk (the store writes the result).
"""

from __future__ import annotations

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


MIGRATIONS: list[Callable[[Tables], Tables]] = [contact_as_words]
