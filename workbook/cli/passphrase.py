"""Asking for the passphrase on the command line: on the terminal (never echoed, never in
argv), or from the file named by `--passphrase-file` for scripts. Without either, a command
that needs it stops with one clear line."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from workbook.errors import UserError
from workbook.paths import Paths
from workbook.store.encryption import Key, file_is_encrypted, is_protected

MIN_LENGTH = 8
NO_TERMINAL = (
    "this workbook is protected with a passphrase, and there is no terminal to ask it in: "
    "run this in a terminal, or give --passphrase-file FILE; nothing was changed"
)


def add_passphrase_file_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="for scripts: read the passphrase (or recovery key) of a protected workbook "
        "from FILE instead of asking",
    )


def read_secret_file(name: str) -> str:
    path = Path(name).expanduser()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(f"{path}: cannot read the passphrase from it ({error})") from None
    secret = text.rstrip("\r\n")
    if not secret:
        raise UserError(f"{path}: the file is empty")
    return secret


def can_ask() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def ask(prompt: str, no_terminal: str = NO_TERMINAL) -> str:
    if not can_ask():
        raise UserError(no_terminal)
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise UserError("nothing was typed; nothing was changed") from None


def secret(args: argparse.Namespace, prompt: str) -> str:
    """The passphrase or recovery key: from --passphrase-file, else asked on the terminal."""
    name = getattr(args, "passphrase_file", None)
    return read_secret_file(name) if name else ask(prompt)


def needs_unlocking(paths: Paths) -> bool:
    return is_protected(paths) or file_is_encrypted(paths.data_file)


def key_for(args: argparse.Namespace, paths: Paths) -> Key | None:
    """The key of a protected workbook (asking for the passphrase); None when it is plain."""
    if not needs_unlocking(paths):
        return None
    from workbook.store.encryption import unlock

    return unlock(paths, secret(args, "Passphrase (or recovery key): "))


def new_passphrase(args: argparse.Namespace, file_option: str) -> str:
    """A new passphrase: from a file for scripts, else typed twice on the terminal."""
    name = getattr(args, file_option, None)
    if name:
        chosen = read_secret_file(name)
    else:
        no_terminal = (
            "a passphrase is typed in a terminal (or read with --passphrase-file FILE); "
            "nothing was changed"
        )
        chosen = ask("Choose a passphrase (a few words you will remember): ", no_terminal)
        if chosen and ask("Type it again: ", no_terminal) != chosen:
            raise UserError("the two passphrases were not the same; nothing was changed")
    if len(chosen) < MIN_LENGTH:
        raise UserError(
            f"a passphrase needs at least {MIN_LENGTH} characters (a few words are best); "
            "nothing was changed"
        )
    return chosen
