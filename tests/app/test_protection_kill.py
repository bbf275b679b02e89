"""kill -9 of the real program while a protected workbook is open and saving: no plaintext in
any file under the data folder, and the last good ciphertext opens (issue 15).

The real `workbook` command runs in a pseudo-terminal, unlocked by typing the passphrase on
its unlock screen, as a person would."""

from __future__ import annotations

import contextlib
import os
import pty
import select
import signal
import sys
import time

from protection_data import PASSPHRASE, SECRET_ANSWER, files_containing

from workbook.store.storage import read_database_file

TYPED = "he took my keys so I could not leave"


class Terminal:
    """The real program in a pseudo-terminal of 80x24: keys in, everything drawn kept."""

    def __init__(self, argv: list[str]) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ.pop("TEXTUAL", None)
            os.execv(sys.executable, [sys.executable, "-m", "workbook", *argv])
        import fcntl
        import struct
        import termios

        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.seen = b""

    def read(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if select.select([self.fd], [], [], 0.05)[0]:
                try:
                    self.seen += os.read(self.fd, 65536)
                except OSError:
                    return

    def wait_for(self, words: str, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        start = len(self.seen)
        while words.encode() not in self.seen[start:]:
            assert time.monotonic() < deadline, f"{words!r} never appeared"
            self.read(0.1)

    def type(self, text: str) -> None:
        os.write(self.fd, text.encode())
        self.read(0.3)

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def test_kill_9_of_the_real_app_leaves_only_ciphertext(protected):
    data_dir = protected.paths.data_dir
    app = Terminal(["--data-dir", str(data_dir)])
    try:
        app.wait_for("locked")
        app.type(PASSPHRASE + "\r")
        app.wait_for("Begin")  # the welcome screen: this copy never saw it
        app.type("\r")
        app.read(1)
        app.type("\x10")  # Ctrl+P
        app.read(0.5)
        app.type("Open: Truth")
        app.read(1)
        app.type("\r")
        app.read(1)
        app.type("\x0e")  # Ctrl+N: the first question
        app.read(1)
        app.type(TYPED)
        app.wait_for("Saved", 20)
        app.type(" and more words after the save")
        app.read(0.2)
    finally:
        app.kill()
    assert files_containing(data_dir, TYPED) == []
    assert files_containing(data_dir, SECRET_ANSWER) == []
    data = read_database_file(protected.paths.data_file, protected.key())
    values = [doc["revisions"][-1]["value"] for doc in data["answers"].values()]
    assert any(isinstance(v, str) and v.startswith(TYPED) for v in values), values


def test_the_real_app_locks_on_f4_back_to_the_unlock_screen_and_ctrl_q_leaves(protected):
    data_dir = protected.paths.data_dir
    app = Terminal(["--data-dir", str(data_dir)])
    try:
        app.wait_for("locked")
        app.type(PASSPHRASE + "\r")
        app.wait_for("Begin")
        app.type("\x1bOS")  # F4
        app.wait_for("It was locked")  # the unlock screen again, the store closed behind it
        app.type("\x11")  # Ctrl+Q, without unlocking
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            done, status = os.waitpid(app.pid, os.WNOHANG)
            if done:
                break
            app.read(0.1)
        assert done, "Ctrl+Q did not leave the unlock screen"
        assert os.waitstatus_to_exitcode(status) == 0
    finally:
        with contextlib.suppress(ProcessLookupError, ChildProcessError, OSError):
            app.kill()
    assert files_containing(data_dir, SECRET_ANSWER) == []
