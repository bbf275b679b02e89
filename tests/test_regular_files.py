"""Only regular files, only so much: FIFOs, devices and folders are refused at once, and no
read goes on without end. Each command runs as the real program with a time limit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbook.store.regular_files import (
    FileTooLargeError,
    NotARegularFileError,
    read_regular_file,
)

TIME_LIMIT = 20  # seconds: a hang is what is tested, not speed


def workbook(data_dir: Path, *argv: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "workbook", "--data-dir", str(data_dir), *argv],
        input=stdin,
        capture_output=True,
        timeout=TIME_LIMIT,
        env={**os.environ, "WORKBOOK_DEBUG": ""},
    )


def one_line(result: subprocess.CompletedProcess) -> str:
    err = result.stderr.decode()
    assert "Traceback" not in err and "unexpected problem" not in err, err
    assert len(err.strip().splitlines()) == 1, err
    return err


def test_read_regular_file_refuses_at_once(tmp_path: Path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(NotARegularFileError, match="FIFO"):
        read_regular_file(fifo, 100)
    with pytest.raises(NotARegularFileError, match="folder"):
        read_regular_file(tmp_path, 100)
    with pytest.raises(NotARegularFileError, match="device"):
        read_regular_file(Path("/dev/zero"), 100)
    big = tmp_path / "big"
    big.write_bytes(b"x" * 101)
    with pytest.raises(FileTooLargeError):
        read_regular_file(big, 100)
    assert read_regular_file(big, 101) == b"x" * 101


CHECKIN = ["checkin", "--craving", "2", "--mood", "low", "--no-contact"]


@pytest.mark.parametrize("argv", [CHECKIN, ["export"], ["plan"], ["where"]])
def test_a_fifo_in_place_of_the_data_file_is_refused(tmp_path: Path, argv: list[str]):
    tmp_path.joinpath("data").mkdir()
    os.mkfifo(tmp_path / "data" / "workbook.json")
    result = workbook(tmp_path / "data", *argv)
    if argv != ["where"]:
        assert result.returncode == 1
        assert "FIFO" in one_line(result)


def test_import_and_validate_refuse_devices_and_fifos(tmp_path: Path):
    fifo = tmp_path / "backup.json"
    os.mkfifo(fifo)
    for argv in (
        ["import", "/dev/zero"],
        ["import", str(fifo)],
        ["validate", "/dev/zero"],
        ["validate", str(fifo)],
    ):
        result = workbook(tmp_path / "data", *argv)
        assert result.returncode == 1, argv
        assert "not a regular file" in result.stderr.decode()


def test_odd_files_among_the_users_own_are_skipped(tmp_path: Path):
    data = tmp_path / "data"
    (data / "exercises").mkdir(parents=True)
    os.mkfifo(data / "exercises" / "mine.json")
    os.symlink("/dev/zero", data / "exercises" / "zero.json")
    os.mkfifo(data / "resources.json")
    assert workbook(data, *CHECKIN).returncode == 0
    result = workbook(data, "plan")
    assert result.returncode in (0, 1)
    assert "Traceback" not in result.stderr.decode()
    result = workbook(data, "validate")
    assert result.returncode == 1
    assert result.stderr.decode().count("not a regular file") == 2


def test_a_fifo_as_the_newest_backup_is_passed_over(tmp_path: Path):
    data = tmp_path / "data"
    assert workbook(data, *CHECKIN).returncode == 0
    assert workbook(data, *CHECKIN, "--date", "2026-01-02").returncode == 0
    backups = sorted((data / "backups").glob("workbook-*.json"))
    assert backups
    os.mkfifo(data / "backups" / "workbook-99999999-000000-000000-00.json")
    assert workbook(data, *CHECKIN, "--date", "2026-01-03").returncode == 0
    (data / "workbook.json").write_bytes(b"{damaged")
    result = workbook(data, "restore")
    assert result.returncode == 0, result.stderr
    assert json.loads((data / "workbook.json").read_bytes())["checkins"]


def test_imports_refuse_what_would_be_changed_silently(tmp_path: Path):
    data = tmp_path / "data"
    base = {"format": "workbook-backup", "version": 1, "answers": [], "records": {}}
    good = json.dumps(
        {
            **base,
            "records": {
                "checkins": [
                    {"key": "2026-01-01", "updated_at": "2026-01-01T10:00:00+00:00", "note": "NOTE"}
                ]
            },
        }
    )
    cases = {
        "surrogate": good.replace("NOTE", "\\ud800"),
        "out of range": good.replace('"NOTE"', "1e400"),
        "twice": good.replace('"note"', '"note": "a", "note"'),
        "no key": good.replace('"key": "2026-01-01", ', ""),
        "key a number": good.replace('"key": "2026-01-01"', '"key": 5'),
        "deep": good.replace('"NOTE"', "[" * 3000 + "]" * 3000),
    }
    for name, text in cases.items():
        path = tmp_path / f"{name.replace(' ', '-')}.json"
        path.write_text(text, encoding="utf-8")
        result = workbook(data, "import", str(path))
        assert result.returncode == 1, name
        one_line(result)
    path = tmp_path / "good.json"
    path.write_text(good, encoding="utf-8")
    assert workbook(data, "import", str(path)).returncode == 0


def test_restore_moves_a_fifo_data_file_aside(tmp_path: Path):
    data = tmp_path / "data"
    assert workbook(data, *CHECKIN).returncode == 0
    assert workbook(data, *CHECKIN, "--date", "2026-01-02").returncode == 0
    (data / "workbook.json").unlink()
    os.mkfifo(data / "workbook.json")
    result = workbook(data, "restore")
    assert result.returncode == 0, result.stderr
    assert (data / "workbook.json").is_file()
    assert [p for p in data.glob("workbook.json.unreadable-*") if p.is_fifo()]
