"""Copies of the data file: rotating backups, and unreadable files set aside.

Nothing here ever deletes or overwrites the user's only copy of anything: backups are
pruned only beyond the newest few, and an unreadable data file is copied aside before
anything else happens to it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

from workbook.paths import Paths, ensure_private_dir
from workbook.store.encryption import Key, is_encrypted
from workbook.store.reading import MAX_DATA_BYTES, check_workbook
from workbook.store.regular_files import (
    FileTooLargeError,
    NotARegularFileError,
    read_regular_file,
)
from workbook.store.storage import (
    TEMP_SUFFIX,
    UnreadableDataError,
    atomic_write,
    read_database_file,
)

KEEP_BACKUPS = 10
# And no more than this in all (beyond the newest, which is always kept): ten copies of a very
# large workbook would otherwise fill a disk.
KEEP_BACKUPS_BYTES = 256 * 1024 * 1024
BACKUP_PREFIX = "workbook-"
UNREADABLE_MARK = ".unreadable-"


def _stamp(now: dt.datetime) -> str:
    return now.astimezone(dt.timezone.utc).strftime("%Y%m%d-%H%M%S-%f")


def read_data_file(path: Path) -> bytes:
    """A data file or a copy of it: a regular file of at most MAX_DATA_BYTES, or OSError."""
    return read_regular_file(path, MAX_DATA_BYTES)


def _same(path: Path, payload: bytes) -> bool:
    try:
        return read_data_file(path) == payload
    except OSError:
        return False  # a FIFO or a folder with a backup's name is not a copy of anything


def remove_leftover_temp_files(paths: Paths) -> list[Path]:
    """Copies abandoned half-way by a kill (a backup, a set-aside copy): never the only copy of
    anything, since the file they copy is still in place. The data file's own are removed by
    the storage. Only called with the lock held, so no other workbook is writing them."""
    removed = []
    for folder, pattern in (
        (paths.backups_dir, f".{BACKUP_PREFIX}*{TEMP_SUFFIX}"),
        (paths.data_dir, f".{paths.data_file.name}{UNREADABLE_MARK}*{TEMP_SUFFIX}"),
    ):
        for leftover in folder.glob(pattern) if folder.is_dir() else []:
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
                removed.append(leftover)
    return removed


def list_backups(paths: Paths) -> list[Path]:
    """Backups, newest first."""
    if not paths.backups_dir.is_dir():
        return []
    return sorted(paths.backups_dir.glob(f"{BACKUP_PREFIX}*.json"), reverse=True)


def make_backup(paths: Paths, now: dt.datetime) -> Path | None:
    """Copy the data file into the backups folder, unless the newest backup is the same."""
    if not paths.data_file.exists():
        return None
    payload = read_data_file(paths.data_file)
    existing = list_backups(paths)
    # Sizes first: reading a large newest backup only when it could be the same.
    newest = existing[0] if existing else None
    if newest and newest.stat().st_size == len(payload) and _same(newest, payload):
        return newest
    ensure_private_dir(paths.backups_dir)
    count = 0
    # Never overwrite a backup, even when the clock stands still; names sort oldest first.
    while (target := paths.backups_dir / f"{BACKUP_PREFIX}{_stamp(now)}-{count:02}.json").exists():
        count += 1
    atomic_write(target, payload)
    prune_backups(paths)
    return target


def prune_backups(paths: Paths) -> None:
    """Keep the newest KEEP_BACKUPS, as long as together they fit in KEEP_BACKUPS_BYTES."""
    total = 0
    for index, backup in enumerate(list_backups(paths)):
        try:
            total += backup.stat().st_size
        except FileNotFoundError:
            continue
        if index > 0 and (index >= KEEP_BACKUPS or total > KEEP_BACKUPS_BYTES):
            backup.unlink(missing_ok=True)


def newest_good_backup(paths: Paths, key: Key | None = None) -> Path | None:
    for backup in list_backups(paths):
        try:
            read_database_file(backup, key, check=check_workbook)
        except (UnreadableDataError, OSError):
            continue
        return backup
    return None


def set_aside_unreadable(paths: Paths, now: dt.datetime) -> Path:
    """Copy an unreadable data file next to it (once per distinct content) and return the copy."""
    original = paths.data_file
    payload = read_data_file(original)
    for earlier in sorted(original.parent.glob(f"{original.name}{UNREADABLE_MARK}*")):
        if _same(earlier, payload):
            return earlier
    copy = original.with_name(f"{original.name}{UNREADABLE_MARK}{_stamp(now)}")
    atomic_write(copy, payload)  # 0600, whole or not at all
    return copy


def restore_backup(
    paths: Paths, backup: Path, now: dt.datetime, key: Key | None = None
) -> Path | None:
    """Put `backup` in place of the data file; an unreadable current file is set aside first."""
    read_database_file(
        backup, key, check=check_workbook
    )  # never restore something that cannot be read
    set_aside = None
    if paths.data_file.exists():
        try:
            read_database_file(paths.data_file, key, check=check_workbook)
        except UnreadableDataError:
            set_aside = set_aside_unreadable(paths, now)
        except (NotARegularFileError, FileTooLargeError):
            # Too large to copy, or a pipe or device: moved aside whole, never read.
            set_aside = paths.data_file.with_name(
                f"{paths.data_file.name}{UNREADABLE_MARK}{_stamp(now)}"
            )
            os.rename(paths.data_file, set_aside)
        else:
            make_backup(paths, now)
    payload = read_data_file(backup)
    if key is not None and not is_encrypted(payload):
        payload = key.encrypt(payload)  # a plain backup brought back into a protected workbook
    atomic_write(paths.data_file, payload)
    return set_aside


def set_aside_files(paths: Paths) -> list[Path]:
    return sorted(paths.data_file.parent.glob(f"{paths.data_file.name}{UNREADABLE_MARK}*"))


def rewrite_copies(paths: Paths, convert: Callable[[bytes], bytes]) -> None:
    """Rewrite every backup and every set-aside copy through `convert` (encrypt or decrypt),
    each atomically: used when protection is turned on or off."""
    for copy in [*list_backups(paths), *set_aside_files(paths)]:
        payload = copy.read_bytes()
        converted = convert(payload)
        if converted != payload:
            atomic_write(copy, converted)
