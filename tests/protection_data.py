"""What the tests of protection (issue 15) share: the passphrase, a known answer, and a search
of every file under a folder for words that must not be there in plain."""

from __future__ import annotations

from pathlib import Path

import msgspec

PASSPHRASE = "a quiet morning by the lake"
SECRET_ANSWER = "the words only I know"


def files_containing(folder: Path, words: str) -> list[Path]:
    """Every file under `folder` whose bytes hold `words` (UTF-8 or JSON-escaped)."""
    needles = {words.encode("utf-8"), msgspec.json.encode(words)[1:-1]}
    return [
        path
        for path in sorted(folder.rglob("*"))
        if path.is_file() and any(needle in path.read_bytes() for needle in needles)
    ]
