"""Bytes and characters on the command line: bad UTF-8 kept with "�", only ASCII digits are
numbers, and private words read from standard input (`--note -`) instead of the arguments."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workbook.cli.main import main
from workbook.store.database import WorkbookStore
from workbook.ui.widgets.date_field import parse_date

REQUIRED = ["--mood", "low", "--no-contact"]


def checkins(data_dir: Path) -> list[dict]:
    from workbook.paths import Paths

    with WorkbookStore.open(Paths(data_dir)) as store:
        return store.records("checkins")


@pytest.mark.parametrize("craving", ["²", "٣", "３", "1e1", "-1", "11", ""])
def test_only_ascii_digits_are_a_craving(tmp_path: Path, capsys, craving: str):
    code = main(["--data-dir", str(tmp_path), "checkin", "--craving", craving, *REQUIRED])
    err = capsys.readouterr().err
    assert code == 1 and len(err.strip().splitlines()) == 1 and "unexpected" not in err


def test_dates_are_ascii_digits_too():
    assert parse_date("2026-3-4") == "2026-03-04"
    assert parse_date("٢٠٢٦-٠٣-٠٤") is None
    assert parse_date("２０２６-03-04") is None


def run(data_dir: Path, *argv: bytes | str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "workbook", "--data-dir", str(data_dir), *argv],
        input=stdin,
        capture_output=True,
        timeout=30,
    )


def test_bytes_that_are_not_utf8_are_kept_replaced(tmp_path: Path):
    result = run(
        tmp_path,
        "checkin",
        "--craving",
        "2",
        *REQUIRED,
        "--note",
        b"caf\xe9 ok",
        "--trigger",
        b"\xff\xfe",
        "--helped",
        b"a\xc3",
    )
    assert result.returncode == 0, result.stderr
    [record] = checkins(tmp_path)
    assert record["note"] == "caf\ufffd ok"
    assert record["triggers"] == ["\ufffd\ufffd"] and record["helped"] == "a\ufffd"


def test_a_note_from_standard_input_is_never_an_argument(tmp_path: Path):
    secret = "he read my messages every night\nsecond line"
    result = run(
        tmp_path,
        "checkin",
        "--craving",
        "2",
        *REQUIRED,
        "--note",
        "-",
        stdin=secret.encode() + b"\xe9",
    )
    assert result.returncode == 0, result.stderr
    assert checkins(tmp_path)[0]["note"] == secret + "\ufffd"
    result = run(
        tmp_path, "checkin", "--craving", "3", *REQUIRED, "--trigger", "-", stdin=b"Sunday evenings"
    )
    assert result.returncode == 0
    assert checkins(tmp_path)[0]["triggers"] == ["Sunday evenings"]


def test_only_one_option_reads_a_pipe(tmp_path: Path):
    result = run(
        tmp_path, "checkin", "--craving", "2", *REQUIRED, "--note", "-", "--helped", "-", stdin=b"x"
    )
    assert result.returncode == 1
    assert b"only one" in result.stderr and not checkins_exist(tmp_path)


def checkins_exist(data_dir: Path) -> bool:
    return data_dir.joinpath("workbook.json").exists() and bool(checkins(data_dir))


def test_the_help_says_why_words_are_safer_on_standard_input(capsys):
    main(["checkin", "--help"])
    out = capsys.readouterr().out
    assert "--note TEXT" in out and "standard input" in out and "other users" in out


def test_an_interactive_check_in_keeps_a_bad_byte_replaced(tmp_path: Path):
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(
            sys.executable,
            [
                sys.executable,
                "-m",
                "workbook",
                "--data-dir",
                str(tmp_path),
                "checkin",
                "--craving",
                "2",
                "--no-contact",
            ],
        )
    output = b""
    for answer in [b"low\n", b"caf\xe9\n", b"walked\n", b"n\xe9te\n"]:
        deadline = time.monotonic() + 20
        while b"? " not in output[-200:] and time.monotonic() < deadline:
            output += os.read(fd, 4096)
        os.write(fd, answer)
        output = b""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0, output
    [record] = checkins(tmp_path)
    assert record["triggers"] == ["caf\ufffd"] and record["note"] == "n\ufffdte"
