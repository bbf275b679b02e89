"""`workbook protect [--change]`: a passphrase that encrypts every file holding the user's
words (see workbook/store/encryption.py); the recovery key is shown once, here."""

from __future__ import annotations

import argparse

from workbook.cli.passphrase import needs_unlocking, new_passphrase, secret
from workbook.errors import UserError
from workbook.paths import Paths
from workbook.store.database import COMMAND, WorkbookStore

RECOVERY_WORDS = """\
Your workbook is protected. From now on it asks for your passphrase when it opens.

Your recovery key, shown only this once:

    {key}

Write it on paper and keep it where the person you are leaving will not look.
If you forget your passphrase, this key opens your workbook: type it where the
passphrase is asked, or run `workbook unprotect --recovery-key`.
Without your passphrase or this key, nothing and nobody can bring your words back.
"""


def register(subparsers: argparse._SubParsersAction, parents: list) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "protect",
        parents=parents,
        help="protect your answers with a passphrase (encrypts every file)",
        description="Set a passphrase: from then on your answers, every backup and every "
        "export are encrypted (in the open age format), and the workbook asks for the "
        "passphrase when it opens.",
    )
    parser.add_argument(
        "--change", action="store_true", help="change the passphrase (the recovery key stays)"
    )
    parser.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help="with --change, for scripts: read the new passphrase from FILE",
    )
    return parser


def run(args: argparse.Namespace, paths: Paths) -> int:
    from workbook.store.encryption import unlock

    if args.change:
        if not needs_unlocking(paths):
            raise UserError("this workbook has no passphrase yet: `workbook protect` sets one")
        key = unlock(paths, secret(args, "Your passphrase now (or recovery key): "))
        chosen = new_passphrase(args, "new_passphrase_file")
        with WorkbookStore.open(paths, key=key, backup=False, holder=COMMAND) as store:
            store.change_passphrase(chosen)
        print("Your passphrase is changed. Your recovery key stays the same.")
        return 0
    if needs_unlocking(paths):
        raise UserError(
            "this workbook is protected already: `workbook protect --change` changes the passphrase"
        )
    chosen = new_passphrase(args, "passphrase_file")
    with WorkbookStore.open(paths, holder=COMMAND) as store:
        key = store.protect(chosen)
    print(RECOVERY_WORDS.format(key=key.recovery_key()))
    return 0
