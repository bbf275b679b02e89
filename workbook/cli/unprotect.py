"""`workbook unprotect [--recovery-key]`: back to plain files, after the passphrase or the key."""

from __future__ import annotations

import argparse
import sys

from workbook.cli.passphrase import needs_unlocking, secret
from workbook.errors import UserError
from workbook.paths import Paths
from workbook.store.database import COMMAND, WorkbookStore


def register(subparsers: argparse._SubParsersAction, parents: list) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "unprotect",
        parents=parents,
        help="remove the passphrase: your files become plain again",
    )
    parser.add_argument(
        "--recovery-key",
        action="store_true",
        help="type your recovery key instead of the passphrase (asked, never on the command line)",
    )
    return parser


def run(args: argparse.Namespace, paths: Paths) -> int:
    from workbook.store.encryption import unlock, unlock_with_recovery_key

    if not needs_unlocking(paths):
        raise UserError("this workbook is not protected; nothing was changed")
    if args.recovery_key:
        key = unlock_with_recovery_key(paths, secret(args, "Your recovery key: "))
    else:
        key = unlock(paths, secret(args, "Your passphrase: "))
    with WorkbookStore.open(paths, holder=COMMAND, key=key) as store:
        store.unprotect()
    print(
        "Your workbook is no longer protected: your answers and backups are plain files again, "
        "readable by anyone who can open this folder. `workbook protect` protects them again.",
        file=sys.stderr,
    )
    return 0
