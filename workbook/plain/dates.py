"""Dates as people write them: "today", "14 March 2026", "March 14", "2026-03-14", "14/3/2026".

Whatever was understood is said back in full ("Saturday 14 March 2026") for the person to
confirm, so a day-month mix-up is caught before it is saved.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
RELATIVE = {"today": 0, "yesterday": -1, "tomorrow": 1}
DAYS_AGO = re.compile(r"(\d{1,4}) days? ago")
ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
NUMERIC = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
ORDINAL = re.compile(r"(\d{1,2})(st|nd|rd|th)")


def spoken_date(day: dt.date) -> str:
    """The way the date is said back: "Saturday 14 March 2026"."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def read_date(text: str, today: dt.date) -> dt.date | None:
    """The date `text` means, or None when it is not one. Day before month when unsure."""
    words = " ".join(text.strip().casefold().replace(",", " ").split())
    if not words:
        return None
    if words in RELATIVE:
        return today + dt.timedelta(days=RELATIVE[words])
    found = DAYS_AGO.fullmatch(words)
    if found:
        return today - dt.timedelta(days=int(found.group(1)))
    found = ISO.fullmatch(words)
    if found:
        return _date(*map(int, found.groups()))
    found = NUMERIC.fullmatch(words)
    if found:
        day, month, year = map(int, found.groups())
        return _date(year, month, day)
    return _date_in_words(words.split(), today)


def _date_in_words(parts: list[str], today: dt.date) -> dt.date | None:
    """ "14 march 2026", "march 14 2026", "14th of march", "march 14" (this year)."""
    parts = [ORDINAL.sub(r"\1", part) for part in parts if part != "of"]
    months = [part for part in parts if part in MONTHS]
    numbers = [part for part in parts if part.isdigit()]
    if len(months) != 1 or len(parts) != 1 + len(numbers) or not 1 <= len(numbers) <= 2:
        return None
    day = int(numbers[0])
    year = int(numbers[1]) if len(numbers) == 2 else today.year
    if len(numbers) == 2 and len(numbers[0]) == 4:  # "2026 march 14"
        year, day = int(numbers[0]), int(numbers[1])
    return _date(year, MONTHS[months[0]], day)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
