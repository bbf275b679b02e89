"""The real `workbook` program in a pseudo-terminal, driven as a person would drive it.

For what Pilot cannot show: plain mode as it runs in a terminal window (its controlling
terminal, line editing, echo, Ctrl+C, Ctrl+D), a signal from outside, the window closed (SIGHUP),
a full disk at the quick exit. The program runs in its own session with the pty as its
controlling terminal; what it writes is read in the background, so it never waits on us.

Two ways to read it: `expect` follows a conversation (plain mode), each time past what was
expected before; `wait_for` and `screen_text` search what a full-screen app drew, with the escape
sequences taken out.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ESCAPES = re.compile(
    rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]|\x1b\][^\x07]*\x07"
)
KEYS = {
    "enter": b"\r",
    "escape": b"\x1b",
    "ctrl+c": b"\x03",
    "ctrl+d": b"\x04",
    "ctrl+n": b"\x0e",
    "ctrl+q": b"\x11",
    "ctrl+s": b"\x13",
}


def program_env(home: Path, **more: str) -> dict[str, str]:
    """A bare terminal's environment, with every per-user folder under `home`."""
    return {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "COLUMNS": "80",
        "LINES": "24",
        **more,
    }


def flat(text: str) -> str:
    return " ".join(text.split())


def _take_the_terminal() -> None:
    """In the child, after setsid: make the pty its controlling terminal, as a terminal
    window does, so that closing it sends SIGHUP and Ctrl+C sends SIGINT."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """One run of `python -m workbook ARGS` in a pty of `columns` x `rows`."""

    def __init__(self, args: list[str], env: dict[str, str], columns: int = 80, rows: int = 24):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "workbook", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=ROOT,
            env=env,
            start_new_session=True,
            preexec_fn=_take_the_terminal,
        )
        os.close(slave)
        self._output = bytearray()
        self.seen = 0  # how much of `text` `expect` has gone past
        self._stop = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        # select with a timeout, so that the reader never holds the terminal open by being
        # inside read() when close_window() closes it.
        while not self._stop.is_set():
            try:
                ready, _, _ = select.select([self.master], [], [], 0.05)
                chunk = os.read(self.master, 65536) if ready else b""
            except (OSError, ValueError):
                return  # the program closed its side
            if ready and not chunk:
                return
            self._output += chunk

    # --- reading -----------------------------------------------------------------------------

    @property
    def text(self) -> str:
        """Everything the program wrote, as it wrote it."""
        return bytes(self._output).decode("utf-8", "replace")

    def screen_text(self) -> str:
        """Everything drawn so far, as text: the escape sequences taken out."""
        return ESCAPES.sub(b"", bytes(self._output)).decode("utf-8", "replace")

    def expect(self, words: str, timeout: float = 20) -> None:
        """Wait until `words` (whitespace-insensitive) appear after what was expected before."""
        deadline = time.monotonic() + timeout
        while True:
            rest = self.text[self.seen :]
            if flat(words) in flat(rest):
                # Move past the first line that completes the match.
                for end in range(len(rest) + 1):
                    if flat(words) in flat(rest[:end]):
                        self.seen += end
                        return
            if time.monotonic() > deadline or not self._reader.is_alive():
                if flat(words) in flat(self.text[self.seen :]):
                    continue  # it came in just now
                raise AssertionError(f"never saw {words!r}; the terminal shows:\n{self.text}")
            time.sleep(0.02)

    def wait_for(self, text: str, timeout: float = 20.0) -> None:
        """Wait until `text` is anywhere on the screen drawn so far."""
        end = time.monotonic() + timeout
        while text not in self.screen_text():
            if time.monotonic() > end or self.process.poll() is not None:
                raise AssertionError(
                    f"{text!r} never appeared; the end of the output:\n{self.screen_text()[-2000:]}"
                )
            time.sleep(0.05)

    # --- typing ------------------------------------------------------------------------------

    def type(self, *lines: str, enter: bool = True) -> None:
        """Type each line, then Enter (or, with enter=False, only the words)."""
        for line in lines:
            os.write(self.master, line.encode() + (b"\r" if enter else b""))

    def press(self, *keys: str, pause: float = 0.0) -> None:
        """Press keys by name (see KEYS), `pause` seconds apart."""
        for key in keys:
            os.write(self.master, KEYS[key])
            time.sleep(pause)

    # --- the end -----------------------------------------------------------------------------

    def signal(self, signum: int) -> None:
        self.process.send_signal(signum)

    def close_window(self) -> None:
        """What closing a terminal window does: its side goes away, and the kernel sends
        SIGHUP to the program."""
        self._stop.set()
        self._reader.join(2)
        os.close(self.master)
        self.master = -1

    def wait(self, timeout: float = 20.0) -> int:
        """The exit status, once the program has ended, with all it said read."""
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise AssertionError(f"still running; the terminal shows:\n{self.text}") from None
        finally:
            self._reader.join(2)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(5)
        self._stop.set()
        self._reader.join(2)
        if self.master >= 0:
            os.close(self.master)
            self.master = -1
