"""Search results said in plain lines: `workbook search` in plain mode, and "Find what you
wrote" on the plain home. Each result is one numbered sentence: where it is, the day in
words, and the words around the match, with no bold and no columns to line up."""

from __future__ import annotations

from workbook.plain.dates import spoken_date
from workbook.search.places import VERSION, local_day, where_words
from workbook.search.results import SearchResults, clean_line

# Enough words around a match to recognise it, few enough to hear quickly.
SNIPPET = 120


def found_words(results: SearchResults) -> list[str]:
    """The results as paragraphs, current answers and the tracker first, then earlier versions."""
    query = results.query.text.strip()
    shown = results.current + results.versions
    if not shown:
        return [f"Nothing you wrote matches “{query}”."]
    total = results.current_total + (results.versions_total or 0)
    things = "thing you wrote matches" if total == 1 else "things you wrote match"
    out = [f"{total} {things} “{query}”:"]
    for number, result in enumerate(shown, start=1):
        earlier = "An earlier version: " if result.place.kind == VERSION else ""
        day = local_day(result.place)
        when = f", {spoken_date(day)}" if day else ""
        snippet = result.snippet(SNIPPET).text
        out.append(f"{number}. {earlier}{clean_line(where_words(result.place))}{when}: {snippet}")
    if len(shown) < total:
        out.append(f"{len(shown)} of {total} are said here.")
    return out
