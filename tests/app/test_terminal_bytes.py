"""What reaches the terminal: the real program in a pseudo-terminal, its output bytes read.

No escape sequence from the user's words may reach the terminal (a note that changes the
terminal's title or clears the screen), and an invalid byte typed at the keyboard must not
stop the app.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import struct
import sys
import termios
import time
from pathlib import Path

import pytest
from textual.content import Content

from workbook.ui.screen_text import visible

STAMP = "2026-03-14T09:30:00.000000+00:00"
ESCAPES = "\x1b]0;PWNED\x07\x1b[2J"


class Terminal:
    """The workbook running in a pty of 80x24; `read` gathers what it wrote."""

    def __init__(self, data_dir: Path) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # the child: the real program, as a person would start it
            os.environ.update(TERM="xterm-256color", COLUMNS="80", LINES="24")
            os.execv(
                sys.executable, [sys.executable, "-m", "workbook", "--data-dir", str(data_dir)]
            )
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.pid, self.fd, self.output = pid, fd, b""

    def read(self, seconds: float) -> bytes:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                self.output += chunk
        return self.output

    def wait_for(self, text: bytes, seconds: float = 20) -> bool:
        end = time.monotonic() + seconds
        while text not in self.output and time.monotonic() < end:
            self.read(0.2)
        return text in self.output

    def send(self, data: bytes) -> None:
        os.write(self.fd, data)

    def close(self) -> int | None:
        self.send(b"\x11")  # Ctrl+Q
        end = time.monotonic() + 10
        while time.monotonic() < end:
            self.read(0.2)
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
        os.kill(self.pid, 9)
        os.waitpid(self.pid, 0)
        os.close(self.fd)
        return None


def workbook_with(data_dir: Path, reasons: list[str]) -> None:
    record = {"updated_at": STAMP}
    data_dir.mkdir(parents=True)
    data_dir.joinpath("workbook.json").write_text(
        json.dumps(
            {
                "_meta": {"1": {"schema_version": 1}},
                "answers": {
                    "1": {
                        "exercise": "abstinence-plan",
                        "prompt": "reasons",
                        "revisions": [{"value": reasons, "saved_at": STAMP}],
                    }
                },
                "settings": {"1": {**record, "key": "welcome_seen", "value": True}},
                "checkins": {
                    "1": {**record, "key": "2026-03-14", "mood": "low", "note": reasons[0]}
                },
            }
        )
    )


def test_control_characters_are_drawn_as_symbols():
    import workbook.ui.app  # noqa: F401 - installs the tables

    assert Content("a" + ESCAPES + "\tb\nc\r").plain == "a␛]0;PWNED␇␛[2J\tb\nc"
    assert visible("x\x9b31m\x7f") == "x\ufffd31m\u2421"


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX")
def test_escape_codes_in_the_users_words_never_reach_the_terminal(tmp_path: Path):
    workbook_with(tmp_path / "data", [f"my sleep back{ESCAPES}", "my friends"])
    terminal = Terminal(tmp_path / "data")
    try:
        assert terminal.wait_for(b"Crisis lines"), terminal.output[-2000:]
        terminal.send(b"\x10")  # Ctrl+P: the palette, to open "Days without contact"
        terminal.read(1)
        terminal.send(b"Days without")
        terminal.read(1)
        terminal.send(b"\r")
        assert terminal.wait_for(b"PWNED"), terminal.output[-2000:]
        terminal.read(1)
    finally:
        terminal.close()
    assert b"\x1b]0;PWNED" not in terminal.output
    assert "␛]0;PWNED".encode() in terminal.output


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX")
def test_an_invalid_byte_typed_does_not_stop_the_app(tmp_path: Path):
    workbook_with(tmp_path / "data", ["my sleep back"])
    terminal = Terminal(tmp_path / "data")
    try:
        assert terminal.wait_for(b"Crisis lines")
        terminal.send(b"\xe9")  # Latin-1 "é" from a terminal that is not UTF-8
        terminal.read(1)
        terminal.send(b"\x1bOR")  # F3 still works: the input thread is alive
        assert terminal.wait_for(b"Breathe"), terminal.output[-2000:]
    finally:
        code = terminal.close()
    assert b"Traceback" not in terminal.output and b"UnicodeDecodeError" not in terminal.output
    assert code == 0
