"""Plain lines in and out: words wrapped to the width, one line read at a time.

Nothing here moves the cursor or colours anything: text goes out as whole lines (a question's
last line waits on the same line as the answer, as `input` does), and lines come in through
the terminal's own line editing. Reading never uses GNU readline, which would send escape
codes to a screen reader.
"""

from __future__ import annotations

import contextlib
import os
import textwrap
from collections.abc import Iterator
from typing import TextIO

try:
    import termios
except ImportError:  # Windows: no terminal settings; Ctrl+C keeps the lines given with Enter
    termios = None  # type: ignore[assignment]

# Never wrap narrower than this, even in a very narrow terminal: words would break up.
NARROWEST = 20


class InputEnded(Exception):
    """The input ended (Ctrl+D, the end of a pipe, a closed terminal).

    `partial` holds the words of a line that was typed but not finished with Enter."""

    def __init__(self, partial: str = "") -> None:
        super().__init__("the input ended")
        self.partial = partial


class Interrupted(InputEnded):
    """Ctrl+C. `partial` holds the words typed on the unfinished line, when the terminal kept
    them (see `Lines.keeping_typing`)."""


class Hangup(Exception):
    """The terminal was closed, or the process was asked to stop (SIGHUP, SIGTERM)."""


class Lines:
    """One conversation's input and output."""

    def __init__(self, reader: TextIO, writer: TextIO, width: int = 80) -> None:
        self.reader = reader
        self.writer = writer
        # The last column is left free: some terminals wrap a line that fills the width.
        self.width = max(NARROWEST, width - 1)
        self.reading = False
        self._stopped: BaseException | None = None
        # A terminal echoes what is typed, and the Enter that ends it; a pipe does not, so
        # the line break is written here, and what is said next starts on a line of its own.
        try:
            self.echoed = reader.isatty()
        except (AttributeError, ValueError):
            self.echoed = False

    def stop(self, reason: BaseException) -> None:
        """Leave because of a signal (a closed terminal, Ctrl+C), from its handler.

        Raised at once while waiting for a line, else at the next read: a save that is
        being written is never cut in half."""
        if self.reading:
            self.reading = False
            raise reason
        self._stopped = reason

    def wrapped(self, text: str, indent: str = "") -> list[str]:
        """`text` as lines no longer than the width; its own line breaks are kept."""
        out: list[str] = []
        for paragraph in text.split("\n"):
            if not paragraph.strip():
                out.append("")
                continue
            out.extend(
                textwrap.wrap(
                    paragraph,
                    self.width,
                    initial_indent=indent,
                    subsequent_indent=indent,
                    break_long_words=True,
                    break_on_hyphens=False,
                )
            )
        return out

    def say(self, text: str = "", indent: str = "") -> None:
        """Words on their own lines; an empty `text` is one empty line."""
        self._write("\n".join(self.wrapped(text, indent)) + "\n")

    def ask(self, prompt: str = "") -> str:
        """Print `prompt` (if any) and read one line, without its line ending.

        Raises InputEnded at the end of the input, with what was typed on an unfinished line.
        """
        if prompt:
            # Room is left after the last line for a space and the first letters typed.
            *first, last = textwrap.wrap(prompt, max(NARROWEST, self.width - 2)) or [""]
            self._write("".join(line + "\n" for line in first) + last + " ")
        try:
            if self._stopped is not None:
                raise self._stopped
            self.reading = True
            line = self.reader.readline()
        except KeyboardInterrupt:
            raise Interrupted(self.unfinished_typing()) from None
        except OSError:
            raise InputEnded() from None  # the terminal went away under the read
        except UnicodeDecodeError:
            return ""  # bytes that are not text: treated as an empty answer, never a crash
        finally:
            self.reading = False
        if not self.echoed:
            self._write("\n")
        if not line.endswith("\n"):
            raise InputEnded(line.rstrip("\r"))
        return line.rstrip("\r\n")

    # --- Ctrl+C keeps the unfinished line ----------------------------------------------------

    @contextlib.contextmanager
    def keeping_typing(self) -> Iterator[None]:
        """While this lasts, Ctrl+C does not make the terminal throw away the line being
        typed (NOFLSH), so `unfinished_typing` can still read it."""
        fd = self._terminal_fd()
        if fd is None:
            yield
            return
        before = termios.tcgetattr(fd)
        keeping = list(before)
        keeping[3] |= termios.NOFLSH
        termios.tcsetattr(fd, termios.TCSANOW, keeping)
        try:
            yield
        finally:
            with contextlib.suppress(termios.error, OSError):
                termios.tcsetattr(fd, termios.TCSANOW, before)

    def unfinished_typing(self) -> str:
        """What was typed on the line Ctrl+C cut short. The terminal holds such a line until
        Enter; with line editing off for a moment (and nothing to wait for) it is handed over.
        Empty when the input is not a terminal, or the terminal threw the line away."""
        fd = self._terminal_fd()
        if fd is None:
            return ""
        before = termios.tcgetattr(fd)
        if not before[3] & termios.NOFLSH:
            return ""
        raw = list(before)
        raw[3] &= ~termios.ICANON
        raw[6] = list(before[6])
        raw[6][termios.VMIN], raw[6][termios.VTIME] = 0, 0
        try:
            termios.tcsetattr(fd, termios.TCSANOW, raw)
            typed = os.read(fd, 65536)
        except (termios.error, OSError):
            typed = b""
        finally:
            with contextlib.suppress(termios.error, OSError):
                termios.tcsetattr(fd, termios.TCSANOW, before)
        return typed.decode(errors="replace").rstrip("\r\n")

    def _terminal_fd(self) -> int | None:
        if termios is None or not self.echoed:
            return None
        try:
            return self.reader.fileno()
        except (AttributeError, ValueError, OSError):
            return None

    def _write(self, text: str) -> None:
        try:
            self.writer.write(text)
            self.writer.flush()
        except OSError:
            pass  # the terminal is gone: the answers are saved all the same
