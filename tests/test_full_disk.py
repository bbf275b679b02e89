"""A full disk, for real (a tiny tmpfs): the reserve gives the last words room, the user is told,
and a backup that fails after the data was saved is a warning, not a failure."""

from __future__ import annotations

import subprocess
import sys

import pytest
from full_disk import fill

from workbook.paths import Paths
from workbook.store.database import WorkbookStore
from workbook.store.reserve import MAX_BYTES, MIN_BYTES, is_disk_full, reserve_path, wanted_size


def test_the_reserve_is_sized_from_the_data_file_and_a_few_mb_at_most():
    assert wanted_size(0) == MIN_BYTES
    assert MIN_BYTES < wanted_size(1024 * 1024) < MAX_BYTES
    assert wanted_size(50 * 1024 * 1024) == MAX_BYTES <= 4 * 1024 * 1024


def test_opening_the_workbook_keeps_a_reserve_beside_it(paths):
    with WorkbookStore.open(paths):
        pass
    reserve = reserve_path(paths.data_file)
    assert reserve.stat().st_size >= MIN_BYTES
    assert reserve.stat().st_blocks * 512 >= MIN_BYTES  # really allocated, not sparse
    assert reserve.stat().st_mode & 0o777 == 0o600


def test_a_save_on_a_full_disk_uses_the_reserve_and_says_so(full_disk_dir):
    paths = Paths(full_disk_dir / "data")
    with WorkbookStore.open(paths, backup=False) as store:
        heard = []
        store.warning_listeners.append(heard.append)
        fill(full_disk_dir)
        store.save_answer("mini", "story", "the words typed last " * 200)
        assert store.answer("mini", "story").startswith("the words typed last")
        assert not reserve_path(paths.data_file).exists()
        assert heard and "the disk is full" in heard[0] and str(paths.data_file) in heard[0]
    with WorkbookStore.open(paths, backup=False) as again:
        assert again.answer("mini", "story").startswith("the words typed last")


def run_cli(*args: str):
    return subprocess.run(
        [sys.executable, "-m", "workbook", *args], capture_output=True, text=True, timeout=60
    )


def test_checkin_on_a_full_disk_is_saved_and_the_failed_backups_are_a_warning(full_disk_dir):
    data = full_disk_dir / "data"
    first = run_cli(
        "checkin",
        "--data-dir",
        str(data),
        "--craving",
        "3",
        "--mood",
        "low",
        "--no-contact",
        "--date",
        "2026-01-01",
        "--trigger",
        "",
        "--helped",
        "",
        "--note",
        "",
    )
    assert first.returncode == 0, first.stderr
    filler = fill(full_disk_dir)
    result = run_cli(
        "checkin",
        "--data-dir",
        str(data),
        "--craving",
        "7",
        "--mood",
        "okay",
        "--no-contact",
        "--date",
        "2026-01-02",
        "--trigger",
        "",
        "--helped",
        "",
        "--note",
        "",
    )
    assert result.returncode == 0, result.stderr
    assert "Checked in" in result.stdout
    lines = result.stderr.strip().splitlines()
    assert lines, "the user is told the disk is full"
    assert all(
        line.startswith("workbook: ") and not line.startswith("workbook: workbook")
        for line in lines
    )
    assert any("the disk is full" in line and str(data / "workbook.json") in line for line in lines)
    assert any("no backup was made" in line for line in lines)  # the room is for the words
    filler.unlink()
    export = run_cli("export", "--data-dir", str(data))
    assert '"2026-01-02"' in export.stdout


def test_a_full_disk_without_a_reserve_names_the_file_once(full_disk_dir):
    data = full_disk_dir / "data"
    run_cli(
        "checkin",
        "--data-dir",
        str(data),
        "--craving",
        "3",
        "--mood",
        "low",
        "--no-contact",
        "--trigger",
        "",
        "--helped",
        "",
        "--note",
        "",
    )
    reserve_path(data / "workbook.json").unlink()
    fill(full_disk_dir)
    result = run_cli(
        "checkin",
        "--data-dir",
        str(data),
        "--craving",
        "5",
        "--mood",
        "low",
        "--no-contact",
        "--date",
        "2026-01-03",
        "--trigger",
        "",
        "--helped",
        "",
        "--note",
        "",
    )
    assert result.returncode == 1
    line = result.stderr.strip()
    assert line.count("workbook:") == 1
    assert line.startswith(f"workbook: {data / 'workbook.json'}: the disk is full")


def test_an_import_saved_whole_is_a_success_even_when_its_backup_fails(tmp_path, paths):
    first = run_cli(
        "checkin",
        "--data-dir",
        str(paths.data_dir),
        "--craving",
        "3",
        "--mood",
        "low",
        "--no-contact",
        "--trigger",
        "",
        "--helped",
        "",
        "--note",
        "",
    )
    assert first.returncode == 0, first.stderr
    backup = tmp_path / "backup.json"
    backup.write_text(run_cli("export", "--data-dir", str(paths.data_dir)).stdout)
    other = Paths(tmp_path / "other")
    other.data_dir.mkdir()
    other.backups_dir.write_text("not a folder")  # so no backup can be made there
    result = run_cli("import", "--data-dir", str(other.data_dir), str(backup))
    assert result.returncode == 0
    assert "Imported" in result.stdout
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"workbook: {other.backups_dir}: a backup could not be made")
    assert str(other.data_file) in line
    assert '"craving":3' in run_cli("export", "--data-dir", str(other.data_dir)).stdout.replace(
        " ", ""
    )


PASSPHRASE = "a passphrase for the full disk"
AGE_START = b"age-encryption.org/v1"


def test_a_protected_save_on_a_full_disk_uses_the_reserve_too(full_disk_dir):
    # The ciphertext is made in memory and then written as a plain file is: pyrage itself
    # swallows a write's ENOSPC (checked on this tmpfs: encrypt_io returned, 0 bytes written).
    paths = Paths(full_disk_dir / "data")
    with WorkbookStore.open(paths, backup=False) as store:
        key = store.protect(PASSPHRASE)
    with WorkbookStore.open(paths, backup=False, key=key) as store:
        heard = []
        store.warning_listeners.append(heard.append)
        fill(full_disk_dir)
        store.save_answer("mini", "story", "the words typed last " * 200)
        assert not reserve_path(paths.data_file).exists()
        assert heard and "the disk is full" in heard[0] and str(paths.data_file) in heard[0]
    assert paths.data_file.read_bytes().startswith(AGE_START)
    with WorkbookStore.open(paths, backup=False, key=key) as again:
        assert again.answer("mini", "story").startswith("the words typed last")


def test_a_protected_save_on_a_full_disk_without_a_reserve_keeps_the_last_ciphertext(
    full_disk_dir,
):
    paths = Paths(full_disk_dir / "data")
    with WorkbookStore.open(paths, backup=False) as store:
        key = store.protect(PASSPHRASE)
    with WorkbookStore.open(paths, backup=False, key=key) as store:
        store.save_answer("mini", "story", "the words that were saved")
        before = paths.data_file.read_bytes()
        reserve_path(paths.data_file).unlink()
        fill(full_disk_dir)
        with pytest.raises(OSError) as raised:
            store.save_answer("mini", "story", "words for a full disk " * 500)
        assert is_disk_full(raised.value)
        assert raised.value.filename == str(paths.data_file)  # named, not the temp file
        assert store.answer("mini", "story") == "the words that were saved"
    assert paths.data_file.read_bytes() == before
    assert not list(paths.data_dir.glob("*.tmp"))
