"""Text made comparable: case, accents and look-alike characters folded away.

`fold` is what matching uses: "Café" and "cafe" both fold to "cafe", "Straße" to "strasse",
curly quotes and dashes to their plain ASCII forms. Python's own `unicodedata` does the work
(NFKD splits an accented letter into the letter and its accent, and the accent is dropped);
a short table adds the letters Unicode does not split (ø, ł, æ...). Only the accents of the
Latin, Greek and Cyrillic blocks are dropped: the vowel signs of other scripts are letters.

Folding can change a text's length ("ß" becomes "ss"), so `fold_with_origins` also says, for
each folded character, which character of the original it came from: that is how a match in
the folded text is highlighted in the words the user wrote. It goes character by character,
so it is used only on the few texts shown, never on the whole workbook.

Pure functions of strings; imports nothing of the workbook.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Combining accents: Latin, Greek and Cyrillic diacritics, and their supplements.
ACCENTS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")

# Characters that look like, or are written for, plain ones; NFKD leaves these as they are.
LOOKALIKES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "ʼ": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "«": '"',
        "»": '"',
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
        "−": "-",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "ł": "l",
        "Ł": "l",
        "ı": "i",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "þ": "th",
        "Þ": "th",
    }
)


def fold(text: str) -> str:
    """`text` in the form matching compares: lower case, no accents, plain quotes."""
    if text.isascii():
        return text.lower()  # most of what people write: no Unicode tables needed
    folded = unicodedata.normalize("NFKD", text.translate(LOOKALIKES).casefold())
    return folded if folded.isascii() else ACCENTS.sub("", folded)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return fold(char)


def fold_with_origins(text: str) -> tuple[str, list[int] | None]:
    """The folded text, and for each of its characters the index in `text` it came from
    (None when folding kept every character in its place, as it does for ASCII)."""
    if text.isascii():
        return text.lower(), None
    pieces: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        folded = _fold_char(char)
        pieces.append(folded)
        origins.extend([index] * len(folded))
    return "".join(pieces), origins


def is_word_char(char: str) -> bool:
    """Part of a word: letters and digits of any script (not spaces or punctuation)."""
    return char.isalnum()
