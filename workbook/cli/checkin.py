"""`workbook checkin`: a quick daily check-in without opening the app.

Only the arguments live here; the work is in daily_checkin.py, imported when the command runs,
so that `workbook` (the app) does not pay for it at start-up.
"""

from __future__ import annotations

import argparse

from workbook.paths import Paths
from workbook.tracker.records import CONTACT_NONE, CONTACTS, MOODS

CONTACT_HELP = (
    "any contact with them that day: none; allowed (only the contact your plan allows, which "
    "keeps your days counting); or outside (contact outside your plan, which is a slip)"
)


class OneContactAnswer(argparse.Action):
    """--contact WHICH or --no-contact, once: both is a mistake to point out, not to guess."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        if getattr(namespace, self.dest) is not None:
            parser.error("give --contact or --no-contact, not both")
        if option_string == "--no-contact":
            values = CONTACT_NONE
        elif values not in CONTACTS:
            parser.error(
                "--contact: say which: none, allowed (by your plan) or outside (your plan, a slip)"
            )
        setattr(namespace, self.dest, values)


def register(subparsers: argparse._SubParsersAction, parents: list) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "checkin",
        parents=parents,
        help="a quick check-in for today (or an earlier day)",
        description="Check in for today: how strong the craving is, your mood, and whether "
        "there was contact. In a terminal, anything you leave out is asked for.",
    )
    parser.add_argument("--craving", metavar="N", help="how strong the craving is, 0 to 10")
    parser.add_argument("--mood", metavar="WORD", help="one of: " + ", ".join(MOODS))
    parser.add_argument(
        "--contact",
        metavar="none|allowed|outside",
        action=OneContactAnswer,
        nargs="?",
        default=None,
        help=CONTACT_HELP,
    )
    parser.add_argument(
        "--no-contact",
        dest="contact",
        action=OneContactAnswer,
        nargs=0,
        help="the same as --contact none",
    )
    parser.add_argument(
        "--trigger",
        metavar="TEXT",
        action="append",
        help="what set off the pull (one of your triggers or your own words; may be repeated)",
    )
    parser.add_argument("--helped", metavar="TEXT", help="what helped")
    parser.add_argument("--note", metavar="TEXT", help="anything else you want to keep")
    parser.add_argument(
        "--date", metavar="YYYY-MM-DD", help="check in for an earlier day (default: today)"
    )
    parser.set_defaults(checkin_usage=parser.format_usage)
    return parser


def run(args: argparse.Namespace, paths: Paths) -> int:
    from workbook.cli.daily_checkin import run_checkin

    return run_checkin(args, paths)
