"""Respecting the user's choices and other local users: read-only files stay read-only, modes
are kept, folders the workbook makes are private, leftovers of a kill are removed, and empty
or odd names are refused."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from workbook.cli.main import main
from workbook.paths import Paths
from workbook.store.database import StoreReadOnlyError, WorkbookStore

CHECKIN = ["checkin", "--craving", "2", "--mood", "low", "--no-contact"]
root = pytest.mark.skipif(os.geteuid() != 0, reason="device nodes are made by root")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_parents_the_workbook_creates_are_private_whatever_the_umask(tmp_path: Path, capsys):
    old = os.umask(0)
    try:
        assert main(["--data-dir", str(tmp_path / "a" / "b" / "data"), *CHECKIN]) == 0
    finally:
        os.umask(old)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "data"):
        assert mode(folder) == 0o700, folder


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_workbook_opens_read_only_and_stays_so(paths: Paths, clock, what, capsys):
    with WorkbookStore.open(paths, clock) as store:
        store.save_answer("ex", "p", "words")
    target = paths.data_file if what == "file" else paths.data_dir
    target.chmod(0o400 if what == "file" else 0o500)
    before = paths.data_file.read_bytes()
    try:
        with WorkbookStore.open(paths, clock) as store:
            assert store.read_only and "read-only" in store.read_only_reason
            assert store.answer("ex", "p") == "words"
            with pytest.raises(StoreReadOnlyError):
                store.save_answer("ex", "p", "other")
        assert main(["--data-dir", str(paths.data_dir), *CHECKIN]) == 1
        assert "read-only" in capsys.readouterr().err
        assert main(["--data-dir", str(paths.data_dir), "export"]) == 0
        assert mode(target) == (0o400 if what == "file" else 0o500)  # never chmodded back
        assert paths.data_file.read_bytes() == before
    finally:
        target.chmod(0o700 if what == "folder" else 0o600)


def test_a_file_mode_the_user_chose_is_kept(paths: Paths, clock):
    with WorkbookStore.open(paths, clock) as store:
        store.save_answer("ex", "p", "words")
    paths.data_file.chmod(0o640)
    with WorkbookStore.open(paths, clock) as store:
        store.save_answer("ex", "p", "more words")
    assert mode(paths.data_file) == 0o640


def test_temp_files_left_by_a_kill_are_removed_at_the_next_start(paths: Paths, clock):
    with WorkbookStore.open(paths, clock) as store:
        store.save_answer("ex", "p", "words")
    leftovers = [
        paths.backups_dir / ".workbook-20260101-000000-000000-00.json.abc123.tmp",
        paths.data_dir / ".workbook.json.x1y2.tmp",
        paths.data_dir / ".workbook.json.unreadable-20260101.q.tmp",
    ]
    for leftover in leftovers:
        leftover.write_bytes(b"half")
    keep = paths.data_dir / "my-notes.tmp"
    keep.write_bytes(b"mine")
    with WorkbookStore.open(paths, clock):
        pass
    assert not any(leftover.exists() for leftover in leftovers)
    assert keep.exists()


def test_empty_data_dir_is_a_usage_error(monkeypatch, capsys):
    assert main(["--data-dir", "", "where"]) == 2
    monkeypatch.setenv("WORKBOOK_DATA_DIR", "")
    assert main(["where"]) == 2
    assert "WORKBOOK_DATA_DIR is empty" in capsys.readouterr().err


def test_output_names_that_are_empty_or_not_files_are_refused(tmp_path: Path, capsys):
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, *CHECKIN]) == 0
    os.chdir(tmp_path)
    before = set(tmp_path.iterdir())
    for command in (["export"], ["plan"]):
        assert main(["--data-dir", data, *command, "-o", ""]) == 1
        fifo = tmp_path / "fifo"
        os.mkfifo(fifo)
        assert main(["--data-dir", data, *command, "-o", str(fifo)]) == 1
        assert stat.S_ISFIFO(fifo.stat().st_mode)
        fifo.unlink()
    assert set(tmp_path.iterdir()) == before
    assert "empty" in capsys.readouterr().err


@root
def test_output_never_replaces_a_device_node(tmp_path: Path, capsys):
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, *CHECKIN]) == 0
    device = tmp_path / "null"
    os.mknod(device, 0o600 | stat.S_IFCHR, os.makedev(1, 3))
    assert main(["--data-dir", data, "export", "-o", str(device)]) == 1
    assert stat.S_ISCHR(device.stat().st_mode)
