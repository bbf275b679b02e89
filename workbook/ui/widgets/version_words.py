"""Words that tell earlier versions of an answer apart: when (to the second when two share a
minute), how long, its first words, and what changed from the one before when that is short.

Plain functions of text, so they are tested without a screen. Nothing here imports Textual.
"""

from __future__ import annotations

import datetime as dt
import difflib

from workbook.ui.widgets.formatting import local, when_words

FIRST_WORDS = 6
# A change longer than this many words is not summed up: the card shows the whole text.
SHORT_CHANGE = 8
# Shorter texts are read whole on the card: their first words would only repeat it.
LONG_ENOUGH_FOR_FIRST_WORDS = 80


def length_words(text: str) -> str:
    count = len(text.split())
    if count == 0:
        return "empty"
    return "1 word" if count == 1 else f"{count} words"


def first_words(text: str, count: int = FIRST_WORDS) -> str:
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def _quoted(words: list[str]) -> str:
    return f"“{' '.join(words)}”"


def change_words(text: str, older: str) -> str | None:
    """'added “x”', 'took out “y”', '“a” became “b”' (two at most); None when long or none."""
    before, after = older.split(), text.split()
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if not changes or len(changes) > 2:
        return None
    parts = []
    for tag, i1, i2, j1, j2 in changes:
        gone, came = before[i1:i2], after[j1:j2]
        if len(gone) + len(came) > SHORT_CHANGE:
            return None
        if tag == "insert":
            parts.append(f"added {_quoted(came)}")
        elif tag == "delete":
            parts.append(f"took out {_quoted(gone)}")
        else:
            parts.append(f"{_quoted(gone)} became {_quoted(came)}")
    return "; ".join(parts)


def shared_minutes(moments: list[dt.datetime]) -> set[tuple]:
    """The local minutes that more than one version was saved in."""
    seen: dict[tuple, int] = {}
    for moment in moments:
        key = local(moment).timetuple()[:5]
        seen[key] = seen.get(key, 0) + 1
    return {key for key, count in seen.items() if count > 1}


def version_heading(
    text: str,
    saved_at: dt.datetime,
    now: dt.datetime,
    *,
    seconds: bool,
    current: bool,
    number: int | None = None,
) -> str:
    """`number` counts from the first version (1), so two saved in one second differ too."""
    when = when_words(saved_at, now)
    if seconds:
        when += f":{local(saved_at):%S}"
    parts = [when[0].upper() + when[1:], length_words(text)]
    if number is not None:
        parts.append(f"version {number}")
    if len(text) > LONG_ENOUGH_FOR_FIRST_WORDS:
        parts.append(f"“{first_words(text)}”")
    if current:
        parts.append("your answer now")
    return " · ".join(parts)
