"""`workbook export`: everything, as one JSON backup."""

from __future__ import annotations

import argparse
import sys

from workbook.cli.passphrase import key_for
from workbook.errors import UserError
from workbook.paths import Paths
from workbook.store.database import COMMAND, WorkbookStore
from workbook.store.output import write_output


def register(subparsers: argparse._SubParsersAction, parents: list) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "export", parents=parents, help="write everything as one JSON backup"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    # Its own meaning here (not plain mode's): the export is not encrypted.
    parser.add_argument(
        "--plain",
        dest="plain_export",
        action="store_true",
        help="when the workbook is protected: write plain JSON that anyone who opens the file "
        "can read (without it, the backup is encrypted like the workbook)",
    )
    return parser


def run(args: argparse.Namespace, paths: Paths) -> int:
    from workbook.store.transfer import export_bytes  # not loaded when the workbook opens

    key = key_for(args, paths)
    encrypted = key is not None and not args.plain_export
    if encrypted and (args.output is None or args.output == "-") and sys.stdout.isatty():
        raise UserError(
            "a protected workbook's backup is encrypted, not for the screen: "
            "name a file with -o FILE; nothing was written"
        )
    with WorkbookStore.open(paths, backup=False, holder=COMMAND, key=key) as store:
        data = export_bytes(store)
    if encrypted:
        assert key is not None
        data = key.encrypt(data)
    target = write_output(data, args.output)
    if key is not None and args.plain_export:
        print(
            "This backup is plain, not protected by your passphrase: "
            "anyone who opens it can read every answer.",
            file=sys.stderr,
        )
    if target is not None:
        kind = "an encrypted backup" if encrypted else "a backup"
        print(f"Saved {kind} of everything to {target}", file=sys.stderr)
    return 0
