"""Many texts searched as one: folded, joined into one string, each found again by its start.

Looking for a word in 50,000 texts one at a time is 50,000 trips through Python; in one long
string it is one pass of `re`'s literal search (C speed), and only the texts that contain it
cost Python time. After its first hit in a text (and a few more, for a better one) the search
jumps to the next text: that is all the ranking needs to know about a text.

A match is rated by where it falls: a whole word (2), the start of a word (1, "sist" in
"sister"), or inside one (0, "ist" in "sister"). Texts are separated by a character no
folded text contains.

Pure: strings in, numbers out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Collection, Sequence
from itertools import accumulate

from workbook.search.folding import fold

SEPARATOR = "\x00"
# Matches of a term in one text looked at after its first, for a better one (see MatchRater).
MORE_MATCHES_LOOKED_AT = 8
WHOLE_WORD, WORD_START, INSIDE = 2, 1, 0


def match_level(text: str, start: int, end: int) -> int:
    """How a match at text[start:end] sits among words: WHOLE_WORD, WORD_START or INSIDE.
    A boundary counts as broken only between two word characters ("-" next to a word is fine)."""
    before = text[start - 1] if start > 0 else SEPARATOR
    after = text[end] if end < len(text) else SEPARATOR
    starts_word = not (before.isalnum() and text[start].isalnum())
    if not starts_word:
        return INSIDE
    ends_word = not (after.isalnum() and text[end - 1].isalnum())
    return WHOLE_WORD if ends_word else WORD_START


class Corpus:
    """Texts, folded for matching, in one string."""

    def __init__(self, texts: Sequence[str]) -> None:
        pieces = [fold(text) for text in texts]
        joined = SEPARATOR.join(pieces)
        if joined.count(SEPARATOR) != max(len(pieces) - 1, 0):
            # Someone's text holds the separator itself (a stray NUL): make it a space.
            pieces = [piece.replace(SEPARATOR, " ") for piece in pieces]
            joined = SEPARATOR.join(pieces)
        self.text = joined
        # Where each text starts; one more entry past the end, so text i ends at starts[i+1]-1.
        self.starts = [0, *accumulate(len(piece) + 1 for piece in pieces)]
        self.size = len(pieces)

    def levels(
        self, pattern: re.Pattern[str], among: Collection[int] | None = None
    ) -> dict[int, int]:
        """For each text where `pattern` matches: its best match level. `among` limits the
        look to those texts (the ones every earlier word of the query was found in)."""
        rater = MatchRater(pattern)
        if among is not None and len(among) * 8 < self.size:
            found: dict[int, int] = {}
            for index in among:
                start, end = self.starts[index], self.starts[index + 1] - 1
                match = pattern.search(self.text, start, end)
                if match is not None:
                    found[index] = rater.best(self.text, match, end)
            return found
        found = self._levels_everywhere(pattern, rater)
        if among is not None:
            return {index: level for index, level in found.items() if index in among}
        return found

    def _levels_everywhere(self, pattern: re.Pattern[str], rater: MatchRater) -> dict[int, int]:
        """One pass of `pattern` over every text, jumping to the next text after each hit."""
        text, starts, search = self.text, self.starts, pattern.search
        found: dict[int, int] = {}
        position = 0
        while (match := search(text, position)) is not None:
            index = bisect_right(starts, match.start()) - 1
            end = starts[index + 1] - 1
            found[index] = rater.best(text, match, end)
            position = end + 1
        return found


class MatchRater:
    """How far to look at one text for a better match than its first.

    Each further match costs a step of Python, and a short term can be inside nearly every
    word of a text ("e" is, and is never a word on its own): looking at them all cost seconds
    over 50,000 versions. So a text is judged by its first few matches, and a one-letter
    term (ranked by little more than recency anyway) by its first.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        one_letter = len(pattern.pattern.replace("\\", "")) <= 1
        self.steps = 0 if one_letter else MORE_MATCHES_LOOKED_AT

    def best(self, text: str, first: re.Match[str], end: int) -> int:
        """The best level of the term in the text where `first` is its first match."""
        level = match_level(text, *first.span())
        position = first.start() + 1
        for _ in range(self.steps):
            if level == WHOLE_WORD:
                break
            match = self.pattern.search(text, position, end)
            if match is None:
                break
            level = max(level, match_level(text, *match.span()))
            position = match.start() + 1
        return level


def score_all(
    corpus: Corpus, patterns: Sequence[re.Pattern[str]], stop: Callable[[], bool] | None = None
) -> dict[int, int]:
    """The texts in which every pattern matches, each with the sum of its match levels."""
    scores: dict[int, int] | None = None
    for pattern in patterns:
        if stop is not None and stop():
            return {}
        levels = corpus.levels(pattern, None if scores is None else scores.keys())
        if scores is None:
            scores = levels
        else:
            scores = {index: scores[index] + level for index, level in levels.items()}
        if not scores:
            return {}
    return scores or {}
