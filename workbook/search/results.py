"""What a search gives back: results that know where they live, where the query matched in
their text, and how to show a line of it (a snippet).

Match positions are character offsets into the result's own text (the answer's words, a
list's entries one a line), so the screen can highlight them and a script can cut them out.
They are worked out only for the results returned, from a character-by-character fold.

A snippet is one line: runs of spaces become one space, a line break becomes " · ", control
characters (which could move a terminal's cursor or change its colours) are left out.

Pure data and functions of strings.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

import msgspec

from workbook.search.folding import fold_with_origins
from workbook.search.places import Place
from workbook.search.query import Query, Term

Span = tuple[int, int]
ELLIPSIS = "…"
LINE_BREAK = " · "
# Characters that reorder text on screen: left out of snippets like control characters.
BIDI_CONTROLS = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class Snippet(msgspec.Struct, frozen=True):
    text: str
    # Where the query matched, as offsets into `text`.
    spans: tuple[Span, ...]


class Result(msgspec.Struct, frozen=True):
    place: Place
    text: str
    spans: tuple[Span, ...]
    # The sum of its match levels (see corpus.py): whole words rank first.
    score: int
    # A sortable moment: recent ranks first among equal scores.
    when: str
    # For an earlier version standing for its answer's others (see SearchIndex.search): how
    # many other versions of that answer match too.
    other_versions: int = 0

    def snippet(self, width: int = 80) -> Snippet:
        return make_snippet(self.text, self.spans, width)


class SearchResults(msgspec.Struct, frozen=True):
    query: Query
    # Current answers, the tracker and crisis lines, best first.
    current: list[Result]
    # Earlier versions of answers, best first: their own list, so they never push out the
    # answers as they are now.
    versions: list[Result]
    current_total: int
    # None when earlier versions were not searched.
    versions_total: int | None = None

    @property
    def found(self) -> bool:
        return bool(self.current_total or self.versions_total)


def match_spans(text: str, terms: Iterable[Term]) -> tuple[Span, ...]:
    """Every place in `text` where a term matches, in order, overlapping ones merged."""
    folded, origins = fold_with_origins(text)
    spans: list[Span] = []
    for term in terms:
        for match in term.pattern().finditer(folded):
            start, end = match.span()
            if origins is not None:
                start, end = origins[start], origins[end - 1] + 1
            spans.append((start, end))
    return merge_spans(spans)


def merge_spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((start, end) for start, end in merged)


def _hidden(char: str) -> bool:
    return char in BIDI_CONTROLS or (unicodedata.category(char) == "Cc" and not char.isspace())


def _one_line(text: str, start: int, end: int) -> tuple[str, list[int]]:
    """text[start:end] as one clean line, and for each original index there (and `end`)
    the index in the line where it went."""
    out: list[str] = []
    where: list[int] = []
    length = 0
    index = start
    while index < end:
        char = text[index]
        if char.isspace():
            run_end = index
            while run_end < end and text[run_end].isspace():
                run_end += 1
            gap = LINE_BREAK if "\n" in text[index:run_end] else " "
            where.extend([length] * (run_end - index))
            out.append(gap)
            length += len(gap)
            index = run_end
            continue
        where.append(length)
        if not _hidden(char):
            out.append(char)
            length += 1
        index += 1
    where.append(length)
    return "".join(out), where


def clean_line(text: str) -> str:
    """`text` on one line, without control characters: safe to print in a terminal."""
    return _one_line(text, 0, len(text))[0].strip(" ·")


def make_snippet(text: str, spans: Sequence[Span], width: int = 80) -> Snippet:
    """About `width` characters of `text` around its first match, on one line."""
    width = max(width, 10)
    first = spans[0][0] if spans else 0
    # Clean only a window around the match: an answer can be pages long.
    window_start = max(0, first - width * 2)
    window_end = min(len(text), first + width * 3)
    line, where = _one_line(text, window_start, window_end)
    line_first = where[first - window_start]
    # Some words before the match, so that it is read in its sentence; cut at a space.
    # (No further in than the end needs: a short text is shown whole.)
    cut = max(0, min(line_first - width // 4, len(line) - width))
    if cut:
        space = line.find(" ", cut, line_first)
        cut = space + 1 if space != -1 else cut
    leading = ELLIPSIS if cut > 0 or window_start > 0 else ""
    while cut < line_first and line[cut] in " ·":
        cut += 1
    room = width - len(leading)
    more = cut + room < len(line) or window_end < len(text)
    if more:
        room -= len(ELLIPSIS)
    piece = line[cut : cut + room].rstrip(" ·")
    trailing = ELLIPSIS if more else ""
    shown: list[Span] = []
    for start, end in spans:
        if not window_start <= start < window_end:
            continue
        line_start = where[start - window_start] - cut
        line_end = where[min(end, window_end) - window_start] - cut
        line_start, line_end = max(line_start, 0), min(line_end, len(piece))
        if line_start < line_end:
            shown.append((line_start + len(leading), line_end + len(leading)))
    return Snippet(leading + piece + trailing, tuple(shown))
