"""Reading JSON that people write by hand, strictly, with messages a person can act on.

msgspec validates the shape; this module catches what msgspec lets through or reports
in terms a person cannot use: duplicate keys (msgspec keeps the last one silently),
NaN and Infinity, byte offsets instead of line and column, and files that are not UTF-8.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from workbook.store.regular_files import (
    FileTooLargeError,
    NotARegularFileError,
    read_regular_file,
)

MAX_FILE_BYTES = 1024 * 1024

T = TypeVar("T")


class DataFileError(Exception):
    """A file the user can fix: names the file and what is wrong with it."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = Path(path)
        self.problem = problem


def _line_and_column(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key!r} appears twice in one object")
        result[key] = value
    return result


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def decode_text(data: bytes, path: Path | str) -> str:
    """Strict UTF-8, with or without a byte-order mark."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = _line_and_column(data, error.start)
        raise DataFileError(
            path, f"not UTF-8 text (line {line}, column {column}); save it as UTF-8"
        ) from None


def parse_json(data: bytes, path: Path | str) -> Any:
    """Parse JSON text strictly; raise DataFileError with line and column."""
    text = decode_text(data, path)
    if not text.strip():
        raise DataFileError(path, "the file is empty")
    try:
        value = json.loads(
            text, object_pairs_hook=_reject_duplicates, parse_constant=_reject_constant
        )
    except json.JSONDecodeError as error:
        raise DataFileError(
            path, f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None
    except ValueError as error:
        raise DataFileError(path, str(error)) from None
    except RecursionError:
        raise DataFileError(path, "the JSON is nested too deeply") from None
    _refuse_what_json_lets_through(data, path)
    return value


def _refuse_what_json_lets_through(data: bytes, path: Path | str) -> None:
    """Python's json reads a lone surrogate ("\\ud800") as text that can never be written
    again, and 1e400 as infinity (later written as null): msgspec refuses both."""
    try:
        msgspec.json.decode(data.removeprefix(b"\xef\xbb\xbf"))
    except msgspec.DecodeError as error:
        raise DataFileError(path, f"not valid JSON: {error}") from None
    except RecursionError:
        raise DataFileError(path, "the JSON is nested too deeply") from None


def read_json_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> Any:
    try:
        data = read_regular_file(path, max_bytes)
    except (NotARegularFileError, FileTooLargeError) as error:
        raise DataFileError(path, error.strerror) from None
    except FileNotFoundError:
        raise DataFileError(path, "no such file") from None
    except IsADirectoryError:
        raise DataFileError(path, "this is a folder, not a file") from None
    except PermissionError:
        raise DataFileError(path, "permission denied") from None
    except OSError as error:
        raise DataFileError(path, f"cannot be read ({error.strerror})") from None
    return parse_json(data, path)


def convert(raw: Any, kind: type[T], path: Path | str, context: str = "") -> T:
    """Validate parsed JSON against a msgspec type; the message keeps msgspec's field path."""
    try:
        return msgspec.convert(raw, kind, strict=True)
    except msgspec.ValidationError as error:
        prefix = f"{context}: " if context else ""
        raise DataFileError(path, f"{prefix}{error}") from None
