"""The real `workbook` program in a pseudo-terminal, driven as a person would drive it.

For faults that Pilot cannot show: a signal from outside (the window closed), a full disk at
the quick exit. The program runs in its own session with an 80x24 terminal; what it draws is
read in the background and searched with the escape sequences taken out.
"""

from __future__ import annotations

import fcntl
import os
import re
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

ESCAPES = re.compile(
    rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]|\x1b\][^\x07]*\x07"
)
KEYS = {"enter": b"\r", "ctrl+n": b"\x0e", "ctrl+q": b"\x11", "ctrl+s": b"\x13", "escape": b"\x1b"}


def program_env(home: Path, **more: str) -> dict[str, str]:
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


def _take_the_terminal() -> None:
    """In the child, after setsid: make the pty its controlling terminal, as a terminal
    window does, so that closing it sends SIGHUP."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """One run of the program in a pty; `screen_text()` is everything drawn so far, as text."""

    def __init__(self, args: list[str], env: dict[str, str], cols: int = 80, rows: int = 24):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "workbook", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
            preexec_fn=_take_the_terminal,
        )
        os.close(slave)
        self._output = bytearray()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return  # the program closed its side
            if not chunk:
                return
            self._output += chunk

    def screen_text(self) -> str:
        return ESCAPES.sub(b"", bytes(self._output)).decode("utf-8", "replace")

    def wait_for(self, text: str, timeout: float = 20.0) -> None:
        end = time.monotonic() + timeout
        while text not in self.screen_text():
            if time.monotonic() > end or self.process.poll() is not None:
                raise AssertionError(
                    f"{text!r} never appeared; the end of the output:\n{self.screen_text()[-2000:]}"
                )
            time.sleep(0.05)

    def press(self, *keys: str, pause: float = 0.0) -> None:
        for key in keys:
            os.write(self.master, KEYS[key])
            time.sleep(pause)

    def type(self, text: str) -> None:
        os.write(self.master, text.encode())

    def signal(self, signum: int) -> None:
        self.process.send_signal(signum)

    def close_window(self) -> None:
        """What closing a terminal window does: its side goes away, and the kernel sends
        SIGHUP to the program."""
        if self.master >= 0:
            os.close(self.master)
        self.master = -1

    def wait(self, timeout: float = 15.0) -> int:
        try:
            return self.process.wait(timeout)
        finally:
            self._reader.join(2)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(5)
        if self.master >= 0:
            os.close(self.master)
