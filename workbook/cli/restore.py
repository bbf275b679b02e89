"""`workbook restore [BACKUP]`: put a backup back in place of the data file."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbook.cli.passphrase import key_for
from workbook.errors import UserError
from workbook.paths import Paths
from workbook.store.backups import newest_good_backup
from workbook.store.database import COMMAND, restore_backup_locked
from workbook.store.storage import UnreadableDataError


def register(subparsers: argparse._SubParsersAction, parents: list) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "restore", parents=parents, help="bring back a backup of your data file"
    )
    parser.add_argument(
        "backup",
        metavar="BACKUP",
        nargs="?",
        help="a backup listed by `workbook where` (default: the newest good one)",
    )
    return parser


def run(args: argparse.Namespace, paths: Paths) -> int:
    key = key_for(args, paths)
    backup = Path(args.backup).expanduser() if args.backup else newest_good_backup(paths, key)
    if backup is None:
        raise UserError(f"{paths.backups_dir}: there is no good backup to restore")
    if not backup.is_file():
        raise UserError(f"{backup}: no such backup file")
    try:
        set_aside = restore_backup_locked(paths, backup, holder=COMMAND, key=key)
    except UnreadableDataError as error:
        raise UserError(f"{backup}: cannot be restored: {error.problem}") from None
    print(f"Restored {backup} as {paths.data_file}.")
    if set_aside:
        print(f"The unreadable file was kept at {set_aside}.")
    return 0
