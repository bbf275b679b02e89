"""The command line: `workbook` and its subcommands. The only module that reads the environment.

Each subcommand lives in `workbook/cli/<name>.py` with `register(subparsers)` and
`run(args, paths) -> int`. Exit status: 0 on success, 1 on bad input or data (one line on
stderr naming the file and what is wrong), 2 on bad usage. Nothing a user can cause prints a
traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Mapping, Sequence
from pathlib import Path

from workbook import __version__
from workbook.cli import checkin as checkin_command
from workbook.cli import export as export_command
from workbook.cli import import_ as import_command
from workbook.cli import open_ as open_command
from workbook.cli import plan as plan_command
from workbook.cli import protect as protect_command
from workbook.cli import restore as restore_command
from workbook.cli import search as search_command
from workbook.cli import unprotect as unprotect_command
from workbook.cli import validate as validate_command
from workbook.cli import where as where_command
from workbook.cli import write as write_command
from workbook.cli.passphrase import add_passphrase_file_option
from workbook.errors import UserError
from workbook.paths import DATA_DIR_ENV, Paths, resolve_paths
from workbook.store.database import StoreError
from workbook.store.reserve import is_disk_full
from workbook.store.strict_json import DataFileError

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2

PLAIN_ENV = "WORKBOOK_PLAIN"
DATA_DIR_HELP = (
    "the folder for your answers (default: your user data folder, or $WORKBOOK_DATA_DIR)"
)

COMMANDS = [
    open_command,
    plan_command,
    export_command,
    import_command,
    validate_command,
    where_command,
    restore_command,
    checkin_command,
    protect_command,
    unprotect_command,
    search_command,
    write_command,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbook",
        description="A private workbook for breaking free of an addictive relationship. "
        "Run it with no command to open the workbook.",
    )
    parser.add_argument("--version", action="version", version=f"workbook {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help=DATA_DIR_HELP)
    add_passphrase_file_option(parser)
    parser.add_argument(
        "--plain",
        action="store_true",
        help=f"plain lines instead of the full screen, for screen readers (or ${PLAIN_ENV}=1)",
    )
    # --data-dir and --plain are accepted after the command too: `workbook where --data-dir DIR`.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", help=DATA_DIR_HELP, default=argparse.SUPPRESS)
    add_passphrase_file_option(common)
    plain_lines = argparse.ArgumentParser(add_help=False)
    plain_lines.add_argument(
        "--plain",
        action="store_true",
        help="plain lines, for screen readers",
        default=argparse.SUPPRESS,
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        # `export --plain` means an unencrypted backup, so plain mode is not offered there.
        parents = [common] if command is export_command else [common, plain_lines]
        command.register(subparsers, parents).set_defaults(run=command.run)
    parser.set_defaults(run=open_command.run)
    return parser


def plain_wanted(setting: str) -> bool:
    """WORKBOOK_PLAIN=1 (or yes, true, on) asks for plain mode, as --plain does."""
    return setting.strip().casefold() in ("1", "yes", "true", "on")


def user_locale(environ: Mapping[str, str]) -> str | None:
    """The locale the user's messages are in ("en_GB.UTF-8"), as the C library picks it: the
    crisis lines of that country come first until the user chooses a region."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if environ.get(name):
            return environ[name]
    return None


def describe_os_error(error: OSError, paths: Paths) -> str:
    """One line naming the file; a full disk says what to do about it."""
    where = error.filename or paths.data_file
    if is_disk_full(error):
        return f"{where}: the disk is full, so nothing was saved. Free some space and try again."
    return f"{where}: {error.strerror or error}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as leaving:
        return leaving.code if isinstance(leaving.code, int) else EXIT_USAGE
    if args.data_dir == "" or (args.data_dir is None and os.environ.get(DATA_DIR_ENV) == ""):
        # An empty name is a mistake (an unset variable in a script), never "the default".
        where = "--data-dir" if args.data_dir == "" else DATA_DIR_ENV
        print(f"workbook: {where} is empty; name a folder, or leave it out", file=sys.stderr)
        return EXIT_USAGE
    paths = resolve_paths(args.data_dir, dict(os.environ))
    args.plain = args.plain or plain_wanted(os.environ.get(PLAIN_ENV, ""))
    args.locale_name = user_locale(os.environ)
    try:
        return args.run(args, paths)
    except (UserError, StoreError, DataFileError) as error:
        print(f"workbook: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        print(f"workbook: {describe_os_error(error, paths)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if os.environ.get("WORKBOOK_DEBUG"):
            raise
        print(f"workbook: {describe_bug(error)}", file=sys.stderr)
        return EXIT_BAD_INPUT


def describe_bug(error: Exception) -> str:
    """Name the bug and where it happened, but never its message: that may quote an answer."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return (
        f"an unexpected problem inside workbook ({type(error).__name__}{where}). "
        "Your saved answers are safe. Set WORKBOOK_DEBUG=1 to see the details."
    )
