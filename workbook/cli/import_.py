"""`workbook import FILE`: restore or merge a backup; an invalid one changes nothing."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbook.cli.passphrase import key_for, secret
from workbook.cli.warnings import say_warnings
from workbook.errors import UserError
from workbook.paths import Paths
from workbook.store.database import COMMAND, WorkbookStore
from workbook.store.encryption import Key, is_encrypted
from workbook.store.regular_files import (
    FileTooLargeError,
    NotARegularFileError,
    read_regular_file,
)


def register(subparsers: argparse._SubParsersAction, parents: list) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "import", parents=parents, help="restore or merge a backup made by `workbook export`"
    )
    parser.add_argument("file", metavar="FILE")
    return parser


def run(args: argparse.Namespace, paths: Paths) -> int:
    from workbook.store.transfer import (  # not loaded when the workbook opens
        MAX_BACKUP_BYTES,
        import_backup,
        parse_backup,
    )

    source = Path(args.file).expanduser()
    try:
        data = read_regular_file(source, MAX_BACKUP_BYTES)
    except (NotARegularFileError, FileTooLargeError) as error:
        raise UserError(f"{source}: {error.strerror}") from None
    except FileNotFoundError:
        raise UserError(f"{source}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{source}: this is a folder, not a backup file") from None
    except PermissionError:
        raise UserError(f"{source}: permission denied") from None
    key = key_for(args, paths)
    if is_encrypted(data):
        data = decrypt_backup(args, source, data, key)
    backup = parse_backup(data, source)  # checked whole before the store is touched
    with WorkbookStore.open(paths, holder=COMMAND, key=key) as store:
        added = import_backup(store, backup)
    print(import_words(source, added["revisions"], added["records"]))
    say_warnings(store)  # a backup that failed after the import was saved: said, not a failure
    return 0


def decrypt_backup(args: argparse.Namespace, source: Path, data: bytes, key: Key | None) -> bytes:
    """An encrypted backup: this workbook's own key opens its own backups; a backup of another
    workbook needs that workbook's recovery key."""
    from workbook.store.encryption import key_from_recovery_key

    if key is None or not key.opens(data):
        key = key_from_recovery_key(
            secret(args, "This backup is protected. The recovery key of its workbook: ")
        )
        if not key.opens(data):
            raise UserError(f"{source}: this key does not open this backup; nothing was changed")
    return key.decrypt(data)


def import_words(source: Path, versions: int, entries: int) -> str:
    if versions == 0 and entries == 0:
        return f"Nothing new in {source}: your workbook already has everything in it."
    return (
        f"Imported {source}: {_count(versions, 'version')} of your answers and "
        f"{_count(entries, 'entry', 'entries')} (check-ins, urges, slips, settings) were new."
    )


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else many or one + 's'}"
