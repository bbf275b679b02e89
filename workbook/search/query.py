"""What the user typed, read as a query: words that must all appear, and "quoted phrases".

    sister funeral        both words, anywhere, in any order
    "the funeral"         these words together, in this order (any spaces between them)
    café                  finds cafe, Café, CAFÉ (see folding.py)

A word matches inside longer words too ("sist" finds "sister"), so results come while a word
is still being typed; ranking puts whole words first. Punctuation around a word ("sister,")
is left out. A quote left open runs to the end: typing `"the fun` already looks for it.

Pure: strings in, a Query out.
"""

from __future__ import annotations

import re

import msgspec

from workbook.search.folding import LOOKALIKES, fold

# A quoted phrase (the closing quote may not be typed yet), or a run of other characters.
_PIECES = re.compile(r'"([^"]*)"?|([^\s"]+)')
_EDGE_PUNCTUATION = ".,;:!?()[]{}<>'*"


class Term(msgspec.Struct, frozen=True):
    """One word or phrase of a query, folded."""

    # The folded words; a phrase has several.
    words: tuple[str, ...]

    @property
    def phrase(self) -> bool:
        return len(self.words) > 1

    @property
    def text(self) -> str:
        return " ".join(self.words)

    def pattern(self) -> re.Pattern[str]:
        """Finds this term in folded text: a word as it is, a phrase's words with any
        spaces (or line ends) between them. It begins with a literal, which `re` finds fast."""
        return re.compile(r"\s+".join(re.escape(word) for word in self.words))


class Query(msgspec.Struct, frozen=True):
    text: str
    terms: tuple[Term, ...]

    @property
    def empty(self) -> bool:
        return not self.terms


def _words(text: str) -> tuple[str, ...]:
    words = (word.strip(_EDGE_PUNCTUATION) for word in fold(text).split())
    return tuple(word for word in words if word)


def parse_query(text: str) -> Query:
    """Read a query. Repeated terms count once; an empty query has no terms."""
    terms: list[Term] = []
    # Curly quotes count as quotes: phones and word processors type them.
    for match in _PIECES.finditer(text.translate(LOOKALIKES)):
        phrase, bare = match.groups()
        if phrase is not None:
            words = tuple(fold(phrase).split())
            candidates = [Term(words)] if words else []
        else:
            candidates = [Term((word,)) for word in _words(bare)]
        terms.extend(term for term in candidates if term not in terms)
    return Query(text, tuple(terms))


def as_query_text(arguments: list[str]) -> str:
    """Command-line words as a query: an argument with spaces in it (the shell's own quotes,
    as in `workbook search "the funeral"`) is a phrase."""
    parts = []
    for argument in arguments:
        inner = argument.strip()
        if any(char.isspace() for char in inner) and '"' not in inner:
            parts.append(f'"{inner}"')
        else:
            parts.append(argument)
    return " ".join(parts)
