"""`workbook import FILE`: restore or merge a backup; an invalid one changes nothing."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbook.cli.warnings import say_warnings
from workbook.errors import UserError
from workbook.paths import Paths
from workbook.store.database import COMMAND, WorkbookStore
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
    backup = parse_backup(data, source)  # checked whole before the store is touched
    with WorkbookStore.open(paths, holder=COMMAND) as store:
        added = import_backup(store, backup)
    print(import_words(source, added["revisions"], added["records"]))
    say_warnings(store)  # a backup that failed after the import was saved: said, not a failure
    return 0


def import_words(source: Path, versions: int, entries: int) -> str:
    if versions == 0 and entries == 0:
        return f"Nothing new in {source}: your workbook already has everything in it."
    return (
        f"Imported {source}: {_count(versions, 'version')} of your answers and "
        f"{_count(entries, 'entry', 'entries')} (check-ins, urges, slips, settings) were new."
    )


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else many or one + 's'}"
