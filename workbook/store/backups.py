"""Copies of the data file: rotating backups, and unreadable files set aside.

Nothing here ever deletes or overwrites the user's only copy of anything: backups are
pruned only beyond the newest few, and an unreadable data file is copied aside before
anything else happens to it.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

from workbook.paths import Paths, ensure_private_dir
from workbook.store.encryption import Key, is_encrypted
from workbook.store.storage import UnreadableDataError, atomic_write, read_database_file

KEEP_BACKUPS = 10
BACKUP_PREFIX = "workbook-"
UNREADABLE_MARK = ".unreadable-"


def _stamp(now: dt.datetime) -> str:
    return now.astimezone(dt.timezone.utc).strftime("%Y%m%d-%H%M%S-%f")


def list_backups(paths: Paths) -> list[Path]:
    """Backups, newest first."""
    if not paths.backups_dir.is_dir():
        return []
    return sorted(paths.backups_dir.glob(f"{BACKUP_PREFIX}*.json"), reverse=True)


def make_backup(paths: Paths, now: dt.datetime) -> Path | None:
    """Copy the data file into the backups folder, unless the newest backup is the same."""
    if not paths.data_file.exists():
        return None
    payload = paths.data_file.read_bytes()
    existing = list_backups(paths)
    # Sizes first: reading a large newest backup only when it could be the same.
    newest = existing[0] if existing else None
    if newest and newest.stat().st_size == len(payload) and newest.read_bytes() == payload:
        return newest
    ensure_private_dir(paths.backups_dir)
    count = 0
    # Never overwrite a backup, even when the clock stands still; names sort oldest first.
    while (target := paths.backups_dir / f"{BACKUP_PREFIX}{_stamp(now)}-{count:02}.json").exists():
        count += 1
    atomic_write(target, payload)
    for old in list_backups(paths)[KEEP_BACKUPS:]:
        old.unlink(missing_ok=True)
    return target


def newest_good_backup(paths: Paths, key: Key | None = None) -> Path | None:
    for backup in list_backups(paths):
        try:
            read_database_file(backup, key)
        except (UnreadableDataError, OSError):
            continue
        return backup
    return None


def set_aside_unreadable(paths: Paths, now: dt.datetime) -> Path:
    """Copy an unreadable data file next to it (once per distinct content) and return the copy."""
    original = paths.data_file
    payload = original.read_bytes()
    for earlier in sorted(original.parent.glob(f"{original.name}{UNREADABLE_MARK}*")):
        if earlier.read_bytes() == payload:
            return earlier
    copy = original.with_name(f"{original.name}{UNREADABLE_MARK}{_stamp(now)}")
    shutil.copy2(original, copy)
    copy.chmod(0o600)
    return copy


def restore_backup(
    paths: Paths, backup: Path, now: dt.datetime, key: Key | None = None
) -> Path | None:
    """Put `backup` in place of the data file; an unreadable current file is set aside first."""
    read_database_file(backup, key)  # never restore something that cannot be read
    set_aside = None
    if paths.data_file.exists():
        try:
            read_database_file(paths.data_file, key)
        except UnreadableDataError:
            set_aside = set_aside_unreadable(paths, now)
        else:
            make_backup(paths, now)
    payload = backup.read_bytes()
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
