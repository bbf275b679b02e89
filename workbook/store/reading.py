"""Reading the data file (or a backup of it) with a schema, not with hope.

`decode_database` turns bytes into TinyDB's tables only when every table fits its model in
`schema.py`; anything else raises the one `UnreadableDataError`, whatever was wrong: bytes
that are not UTF-8, JSON that is damaged or nested too deep, a number out of range, a key
written twice in one object, a document id that is not a number, a field of the wrong kind,
two answers to the same prompt, two records with the same key. Nothing is ever changed
silently on the way in. It touches no files: the caller reads the bytes.
"""

from __future__ import annotations

import contextlib
import gc
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec

from workbook.store import schema

# Far above ten years of daily writing (50,000 revisions are about 18 MB).
MAX_DATA_BYTES = 128 * 1024 * 1024

_encoder = msgspec.json.Encoder()
_decoder = msgspec.json.Decoder()
META_TABLE = "_meta"
ANSWERS_TABLE = "answers"


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No garbage collection while a file is read and checked: the checks make many short-lived
    objects, and each collection they set off would walk every object of the whole file (it
    doubled the time to open a large workbook). Nothing made here is a reference cycle."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class UnreadableDataError(Exception):
    """The data file exists but cannot be trusted: it must not be treated as empty."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def _parse(payload: bytes, path: Path) -> dict[str, Any]:
    if len(payload) > MAX_DATA_BYTES:
        raise UnreadableDataError(
            path,
            f"the file is {len(payload):,} bytes; the most a workbook may be is {MAX_DATA_BYTES:,}",
        )
    if not payload or payload.isspace():
        raise UnreadableDataError(path, "the file is empty")
    try:
        data = _decoder.decode(payload)
    except UnicodeDecodeError:
        raise UnreadableDataError(path, "the file is damaged (it is not UTF-8 text)") from None
    except RecursionError:
        raise UnreadableDataError(path, "the file is damaged (nested too deeply)") from None
    except msgspec.DecodeError as error:
        raise UnreadableDataError(path, f"the file is damaged ({error})") from None
    if not isinstance(data, dict):
        raise UnreadableDataError(path, "the file is not a workbook database")
    return data


def _refuse_duplicate_keys(payload: bytes, data: dict[str, Any], path: Path) -> None:
    """msgspec keeps the last of two equal keys silently; a copy would be lost at the next save."""
    # The workbook writes exactly what msgspec encodes: such a file has no duplicates if
    # encoding what was read gives the same bytes (the quick way, for every ordinary start).
    if _encodes_back_to(data, payload):
        return
    try:
        json.loads(payload.decode("utf-8"), object_pairs_hook=_pairs_without_duplicates)
    except _DuplicateKey as duplicate:
        raise UnreadableDataError(
            path, f"the key {duplicate.args[0]!r} appears twice in one object"
        ) from None
    except (ValueError, RecursionError):  # msgspec accepted it: only a limit of json differs
        raise UnreadableDataError(path, "the file is damaged (nested too deeply)") from None


def _encodes_back_to(tables: dict[str, Any], payload: bytes) -> bool:
    """Whether `_encoder.encode(tables) == payload`, compared a document at a time: encoding the
    whole file at once would hold a second copy of it (a few MiB at every start)."""
    at = 0
    for piece in _encoded_pieces(tables):
        if not payload.startswith(piece, at):  # compared in place, no copy
            return False
        at += len(piece)
    return at == len(payload)


def _encoded_pieces(tables: dict[str, Any]) -> Iterator[bytes]:
    """msgspec's encoding of a TinyDB file (tables of documents), in pieces that join to it."""
    yield b"{"
    for number, (name, table) in enumerate(tables.items()):
        yield (b"," if number else b"") + _encoder.encode(name) + b":{"
        for doc_number, (doc_id, doc) in enumerate(table.items()):
            comma = b"," if doc_number else b""
            yield comma + _encoder.encode(doc_id) + b":" + _encoder.encode(doc)
        yield b"}"
    yield b"}"


class _DuplicateKey(Exception):
    pass


def _pairs_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _convert(raw: Any, kind: Any, path: Path, where: str) -> Any:
    try:
        return msgspec.convert(raw, kind)
    except msgspec.ValidationError as error:
        raise UnreadableDataError(path, f"{where}: {error}") from None
    except RecursionError:
        raise UnreadableDataError(path, f"{where}: nested too deeply") from None


def schema_version(data: dict[str, Any], path: Path) -> int:
    """The file's schema version: 1 when it has none (the first files), checked otherwise."""
    meta = _convert(data.get(META_TABLE, {}), dict[schema.DocId, schema.MetaDoc], path, "$._meta")
    return meta["1"].schema_version if "1" in meta else 1


def check_workbook(data: dict[str, Any], path: Path) -> None:
    """Raise UnreadableDataError unless every table fits the workbook's model of it."""
    # The version lives with the migrations, which need the storage that needs this reader.
    from workbook.store.database import SCHEMA_VERSION

    _convert(data, schema.WorkbookTables, path, "the file is not a workbook database")
    if schema_version(data, path) > SCHEMA_VERSION:
        return  # a newer version's file: opened read-only, its shapes are its own
    answers = _convert(
        data.get(ANSWERS_TABLE, {}), dict[schema.DocId, schema.AnswerDoc], path, "$.answers"
    )
    prompts = set()
    for doc in answers.values():
        if (doc.exercise, doc.prompt) in prompts:
            raise UnreadableDataError(
                path, f"the answer to {doc.exercise}/{doc.prompt} appears twice"
            )
        prompts.add((doc.exercise, doc.prompt))
    for name, table in data.items():
        if name in (META_TABLE, ANSWERS_TABLE):
            continue
        docs = _convert(table, dict[schema.DocId, schema.record_model(name)], path, f"$.{name}")
        keys = set()
        for doc in docs.values():
            if doc.key in keys:
                raise UnreadableDataError(path, f"the record {doc.key!r} appears twice in {name}")
            keys.add(doc.key)


def decode_tables(payload: bytes, path: Path) -> dict[str, Any]:
    """Any TinyDB file: an object of tables of documents, no key twice, nothing out of range."""
    data = _parse(payload, path)
    _convert(data, schema.LooseTables, path, "the file is not a workbook database")
    _refuse_duplicate_keys(payload, data, path)
    return data


def decode_workbook(payload: bytes, path: Path) -> dict[str, Any]:
    """The workbook's data file or a backup of it, every table checked against its model."""
    with gc_paused():
        data = decode_tables(payload, path)
        check_workbook(data, path)
    return data
