"""`workbook` / `workbook open`: the interactive workbook (in plain lines with --plain)."""

from __future__ import annotations

import argparse

from workbook.paths import Paths


def register(subparsers: argparse._SubParsersAction, parents: list) -> argparse.ArgumentParser:
    return subparsers.add_parser(
        "open", parents=parents, help="open the workbook (the same as no command)"
    )


def run(args: argparse.Namespace, paths: Paths) -> int:
    if getattr(args, "plain", False):
        from workbook.cli.plain_mode import run_home  # plain lines: Textual never loads

        return run_home(paths, args)
    from workbook.ui.launch import launch_app  # Textual loads only when the app opens

    return launch_app(paths, locale_name=args.locale_name)
