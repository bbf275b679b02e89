"""A real pseudo-terminal for end-to-end tests of plain mode: the program runs as it would in
a terminal window (its controlling terminal, line editing, echo, Ctrl+C, Ctrl+D, SIGHUP when
the window closes), and the test types and reads like a person."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CTRL_C, CTRL_D = b"\x03", b"\x04"


def flat(text: str) -> str:
    return " ".join(text.split())


class Terminal:
    def __init__(self, args: list[str], env: dict[str, str], columns: int = 80, rows: int = 24):
        argv = [sys.executable, "-m", "workbook", *args]
        pid, fd = pty.fork()
        if pid == 0:  # the child: the pty is its controlling terminal
            try:
                os.chdir(ROOT)
                os.execve(sys.executable, argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.output = b""
        self.seen = 0  # how much of the output `expect` has gone past
        self.status: int | None = None

    @property
    def text(self) -> str:
        return self.output.decode("utf-8", "replace")

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:  # the child has gone and closed the terminal
            return False
        if not chunk:
            return False
        self.output += chunk
        return True

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
            if time.monotonic() > deadline or not self._read(0.1):
                if flat(words) in flat(self.text[self.seen :]):
                    continue
                raise AssertionError(f"never saw {words!r}; the terminal shows:\n{self.text}")

    def type(self, *lines: str) -> None:
        for line in lines:
            os.write(self.fd, line.encode() + b"\r")

    def press(self, key: bytes) -> None:
        os.write(self.fd, key)

    def wait(self, timeout: float = 20) -> int:
        """The exit status, once the program has ended (reading what it still says)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._read(0.05)
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                while self._read(0.05) and select.select([self.fd], [], [], 0)[0]:
                    pass
                self.status = os.waitstatus_to_exitcode(status)
                return self.status
        os.kill(self.pid, signal.SIGKILL)
        raise AssertionError(f"still running; the terminal shows:\n{self.text}")

    def close_window(self) -> None:
        """What closing a terminal window does: the terminal goes, the program gets SIGHUP."""
        os.close(self.fd)
        self.fd = -1

    def wait_closed(self, timeout: float = 20) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                self.status = os.waitstatus_to_exitcode(status)
                return self.status
            time.sleep(0.05)
        os.kill(self.pid, signal.SIGKILL)
        raise AssertionError("the program did not end when its terminal closed")

    def close(self) -> None:
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
