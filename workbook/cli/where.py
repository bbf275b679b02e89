"""`workbook where`: where the answers, backups and exercises are."""

from __future__ import annotations

import argparse

from workbook.paths import Paths, bundled_exercises_dir
from workbook.store.backups import list_backups
from workbook.store.encryption import is_protected


def register(subparsers: argparse._SubParsersAction, parents: list) -> argparse.ArgumentParser:
    return subparsers.add_parser(
        "where", parents=parents, help="show where your answers, backups and exercises are kept"
    )


def run(args: argparse.Namespace, paths: Paths) -> int:
    found = list_backups(paths)
    rows = [
        ("Your answers", paths.data_file, "" if paths.data_file.exists() else "(not made yet)"),
        ("Backups", paths.backups_dir, f"({len(found)} kept)" if found else "(none yet)"),
        ("Your own exercises", paths.user_exercises_dir, ""),
        ("Your own crisis lines", paths.user_resources_file, ""),
        ("Bundled exercises", bundled_exercises_dir(), ""),
    ]
    if is_protected(paths):
        rows.insert(1, ("Your key", paths.identity_file, "(protected: the files are encrypted)"))
    for label, path, note in rows:
        print(f"{label + ':':<23}{path} {note}".rstrip())
    for backup in found:
        print(f"  backup: {backup}")
    return 0
