"""Text from the command line and from standard input, made safe to keep.

Arguments that are not valid UTF-8 reach Python with the bad bytes as lone surrogates, which
can never be written to the data file: they are kept with each bad byte replaced by "�".
Numbers are ASCII digits only ("²", "٣" and "３" are not numbers here).

`--note -` (and `--trigger -`, `--helped -`) read the words from standard input instead,
because every user on the computer can read a program's arguments while it runs (`ps`,
/proc/PID/cmdline). In a terminal, the words are asked for; from a pipe, read whole.
"""

from __future__ import annotations

import sys
from typing import TextIO

from workbook.errors import UserError

FROM_STDIN = "-"
# As long as any text the workbook keeps (store/schema.py MAX_TEXT_CHARS).
MAX_STDIN_CHARS = 1_000_000


def clean_argument(text: str) -> str:
    """`text` as the user meant it, with bytes that were not UTF-8 shown as "�"."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def ascii_number(text: str) -> int | None:
    """A whole number written in ASCII digits, or None."""
    value = text.strip()
    return int(value) if value and value.isascii() and value.isdigit() else None


def read_stdin_text(option: str, what: str, stdin: TextIO | None = None) -> str:
    """The words for `option`, from standard input: asked for in a terminal, else read whole."""
    stream = stdin or sys.stdin
    if stream is None:
        raise UserError(f"{option} -: there is no standard input to read {what} from")
    if hasattr(stream, "reconfigure"):
        stream.reconfigure(errors="replace")  # a bad byte is "�", not a lost check-in
    if stream.isatty():
        print(f"Type {what}, then press Enter (it is not shown in the process list):")
        try:
            text = stream.readline()
        except KeyboardInterrupt:
            raise UserError(f"{option} -: stopped; nothing was saved") from None
    else:
        text = stream.read(MAX_STDIN_CHARS + 1)
    if len(text) > MAX_STDIN_CHARS:
        raise UserError(
            f"{option} -: the text is longer than {MAX_STDIN_CHARS:,} characters; nothing was saved"
        )
    return clean_argument(text.strip())
