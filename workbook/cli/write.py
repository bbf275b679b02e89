"""`workbook write [EXERCISE] [--from QUESTION]`: an exercise as a plain conversation.

Only the arguments live here; the conversation is in workbook/plain/, and plain_mode.py sets
it up (streams, width, signals, the store), imported when the command runs.
"""

from __future__ import annotations

import argparse

from workbook.paths import Paths


def register(subparsers: argparse._SubParsersAction, parents: list) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "write",
        parents=parents,
        help="answer an exercise line by line, without the full screen",
        description="Answer an exercise as a plain conversation: each question is said once "
        "and you answer in a line or a few. Made for screen readers, slow connections and "
        "scripts; everything is saved as you go, in the same workbook as the full screen.",
    )
    parser.add_argument(
        "exercise",
        nargs="?",
        metavar="EXERCISE",
        help="the exercise: its number, its id or its title (default: ask, or continue "
        "where you left off)",
    )
    parser.add_argument(
        "--from",
        dest="start",
        metavar="QUESTION",
        help="start at this question: its number or its id (default: where you left off)",
    )
    return parser


def run(args: argparse.Namespace, paths: Paths) -> int:
    from workbook.cli.plain_mode import run_write

    return run_write(args, paths)
