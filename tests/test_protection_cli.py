"""Protection from the command line (issue 15): protect, change, unprotect, the recovery key,
commands that ask for the passphrase, exports, imports and the plan of a protected workbook.

Each unlock here is a real scrypt (a second or more), so the tests are few and do much."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

from cli_in_process import one_line, run
from protection_data import PASSPHRASE, SECRET_ANSWER, files_containing

from workbook.store.database import WorkbookStore
from workbook.store.encryption import AGE_MAGIC, RECOVERY_KEY_PREFIX
from workbook.store.storage import read_database_file

ANSWER = SECRET_ANSWER + ", again"


def secret_file(tmp_path: Path, text: str, name: str = "secret.txt") -> str:
    path = tmp_path / name
    path.write_text(text + "\n")
    path.chmod(0o600)
    return str(path)


def run_in_pty(argv: list[str], typed: list[str], timeout: float = 60) -> tuple[int, str]:
    """Run the real program in a pseudo-terminal, typing each line when it asks."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: the real workbook command
        os.execv(sys.executable, [sys.executable, "-m", "workbook", *argv])
    seen = b""
    pending = list(typed)
    answered = 0  # where the output stood when the last line was typed
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            # A new prompt since the last answer (getpass flushes what is typed before it).
            if pending and seen[answered:].strip().endswith(b":"):
                os.write(fd, pending.pop(0).encode() + b"\n")
                answered = len(seen)
    else:
        os.kill(pid, signal.SIGKILL)  # never wait for ever on a program that waits for input
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), seen.decode("utf-8", "replace")


def test_protect_in_a_terminal_asks_twice_never_echoes_and_shows_the_recovery_key(
    tmp_path, paths, store
):
    store.save_answer("truth-realizations", "first", SECRET_ANSWER)
    store.close()
    code, screen = run_in_pty(
        ["--data-dir", str(paths.data_dir), "protect"], [PASSPHRASE, PASSPHRASE]
    )
    assert code == 0, screen
    assert "Choose a passphrase" in screen and "Type it again" in screen
    assert PASSPHRASE not in screen  # never echoed
    assert RECOVERY_KEY_PREFIX in screen and "shown only this once" in screen
    assert "nothing and nobody can bring your words back" in screen
    assert files_containing(paths.data_dir, SECRET_ANSWER) == []

    # The workbook now asks for the passphrase on the terminal: a wrong one changes nothing.
    before = paths.data_file.read_bytes()
    code, screen = run_in_pty(["--data-dir", str(paths.data_dir), "export"], ["not it"])
    assert code == 1 and "does not open this workbook" in screen
    assert paths.data_file.read_bytes() == before


def test_two_different_passphrases_change_nothing(paths, store):
    store.close()
    code, screen = run_in_pty(
        ["--data-dir", str(paths.data_dir), "protect"], [PASSPHRASE, PASSPHRASE + "x"]
    )
    assert code == 1 and "were not the same; nothing was changed" in screen
    assert not paths.identity_file.exists()


def test_without_a_terminal_or_a_passphrase_file_commands_stop_with_one_line(capsys, protected):
    data_dir = str(protected.paths.data_dir)
    commands = (
        ["export", "-o", "x"],
        ["plan"],
        ["restore"],
        ["checkin", "--craving", "3"],
        ["search", "words"],
        ["write"],
        ["--plain"],
    )
    for argv in commands:
        code, _, err = run(capsys, "--data-dir", data_dir, *argv)
        assert code == 1, argv
        assert "--passphrase-file FILE" in one_line(err)
    code, _, err = run(capsys, "--data-dir", data_dir, "protect")
    assert code == 1 and "protected already" in one_line(err)


def test_export_is_encrypted_and_plain_only_when_asked(capsys, tmp_path, protected):
    data_dir = str(protected.paths.data_dir)
    secret = secret_file(tmp_path, PASSPHRASE)
    encrypted, plain = tmp_path / "backup.age", tmp_path / "backup.json"
    code, _, err = run(
        capsys, "--data-dir", data_dir, "export", "--passphrase-file", secret, "-o", str(encrypted)
    )
    assert code == 0 and "encrypted backup" in err
    assert encrypted.read_bytes().startswith(AGE_MAGIC)
    assert files_containing(tmp_path, ANSWER) == []

    # Into another, unprotected workbook: the encrypted backup asks for its recovery key.
    other = str(tmp_path / "other")
    code, _, err = run(capsys, "--data-dir", other, "import", str(encrypted))
    assert code == 1 and "--passphrase-file" in one_line(err)
    wrong = secret_file(tmp_path, "AGE-SECRET-KEY-1" + "Q" * 58, "wrong.txt")
    code, _, err = run(
        capsys, "--data-dir", other, "import", "--passphrase-file", wrong, str(encrypted)
    )
    assert code == 1 and "Traceback" not in err
    key_file = secret_file(tmp_path, protected.recovery_key, "key.txt")
    code, out, _ = run(
        capsys, "--data-dir", other, "import", "--passphrase-file", key_file, str(encrypted)
    )
    assert code == 0 and "Imported" in out

    code, _, err = run(
        capsys,
        "--data-dir",
        data_dir,
        "export",
        "--plain",
        "--passphrase-file",
        secret,
        "-o",
        str(plain),
    )
    assert code == 0 and "anyone who opens it can read every answer" in err
    assert ANSWER in plain.read_text()


def test_plan_of_a_protected_workbook_says_the_file_is_plain(capsys, tmp_path, protected):
    secret = secret_file(tmp_path, PASSPHRASE)
    target = tmp_path / "plan.md"
    code, _, err = run(
        capsys,
        "--data-dir",
        str(protected.paths.data_dir),
        "plan",
        "--passphrase-file",
        secret,
        "-o",
        str(target),
    )
    assert code == 0
    assert "not protected by your passphrase" in err
    assert target.is_file()


def test_change_then_unprotect_with_the_recovery_key(capsys, tmp_path, protected):
    data_dir = str(protected.paths.data_dir)
    old = secret_file(tmp_path, PASSPHRASE, "old.txt")
    new = secret_file(tmp_path, "another quiet morning", "new.txt")
    code, out, _ = run(
        capsys,
        "--data-dir",
        data_dir,
        "protect",
        "--change",
        "--passphrase-file",
        old,
        "--new-passphrase-file",
        new,
    )
    assert code == 0 and "recovery key stays the same" in out
    code, _, err = run(capsys, "--data-dir", data_dir, "unprotect", "--passphrase-file", old)
    assert code == 1 and "does not open this workbook" in one_line(err)

    key_file = secret_file(tmp_path, protected.recovery_key, "key.txt")
    code, _, err = run(
        capsys, "--data-dir", data_dir, "unprotect", "--recovery-key", "--passphrase-file", key_file
    )
    assert code == 0 and "no longer protected" in err
    assert not protected.paths.identity_file.exists()
    assert not protected.paths.data_file.read_bytes().startswith(AGE_MAGIC)
    with WorkbookStore.open(protected.paths) as store:
        assert store.answer("truth-realizations", "first") == ANSWER


SAVER = """
import sys
from pathlib import Path
from workbook.paths import Paths
from workbook.store.database import WorkbookStore
from workbook.store.encryption import key_from_recovery_key

paths = Paths(Path(sys.argv[1]))
key = key_from_recovery_key(sys.stdin.readline())
words = sys.argv[2]
with WorkbookStore.open(paths, key=key) as store:
    print("saving", flush=True)
    count = 0
    while True:  # until killed, in the middle of a save sooner or later
        count += 1
        store.save_answer("truth-realizations", "first", f"{words} {count} " + "x" * 200_000)
"""


def test_kill_9_in_the_middle_of_saves_leaves_the_last_good_ciphertext(protected):
    words = "written just before the kill"
    saver = subprocess.Popen(
        [sys.executable, "-c", SAVER, str(protected.paths.data_dir), words],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    saver.stdin.write(protected.recovery_key + "\n")
    saver.stdin.flush()
    assert saver.stdout.readline().strip() == "saving"
    time.sleep(1.5)
    saver.send_signal(signal.SIGKILL)
    saver.wait(timeout=30)
    # Every file, leftover temp files included, is ciphertext: no words anywhere.
    assert files_containing(protected.paths.data_dir, words) == []
    assert files_containing(protected.paths.data_dir, SECRET_ANSWER) == []
    data = read_database_file(protected.paths.data_file, protected.key())
    [answer] = data["answers"].values()
    assert answer["revisions"][-1]["value"].startswith(words)
