"""`workbook export`: everything, as one JSON backup."""

from __future__ import annotations

import argparse
import sys

from workbook.paths import Paths
from workbook.store.database import COMMAND, WorkbookStore
from workbook.store.output import write_output


def register(subparsers: argparse._SubParsersAction, parents: list) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "export", parents=parents, help="write everything as one JSON backup"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    return parser


def run(args: argparse.Namespace, paths: Paths) -> int:
    from workbook.store.transfer import export_bytes  # not loaded when the workbook opens

    with WorkbookStore.open(paths, backup=False, holder=COMMAND) as store:
        data = export_bytes(store)
    target = write_output(data, args.output)
    if target is not None:
        print(f"Saved a backup of everything to {target}", file=sys.stderr)
    return 0
