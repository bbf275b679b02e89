"""Export everything as one JSON backup, and import (restore or merge) such a backup.

An import is checked whole before anything is written, and then written in one atomic
save: an invalid backup changes nothing. Importing into an empty workbook and exporting
again gives back the same bytes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec
from msgspec import Meta, Struct

from workbook.store.database import ANSWERS_TABLE, META_TABLE, WorkbookStore
from workbook.store.migrations import contact_as_words
from workbook.store.strict_json import DataFileError, convert, parse_json

FORMAT_NAME = "workbook-backup"
FORMAT_VERSION = 1
MAX_BACKUP_BYTES = 512 * 1024 * 1024

TableName = Annotated[str, Meta(pattern=r"^[a-z][a-z0-9_-]*$", max_length=60)]


class RevisionIn(Struct, forbid_unknown_fields=True):
    value: Any
    saved_at: str
    visit: str | None = None


class AnswerIn(Struct, forbid_unknown_fields=True):
    exercise: str
    prompt: str
    revisions: Annotated[list[RevisionIn], Meta(min_length=1)]


class BackupIn(Struct, forbid_unknown_fields=True):
    format: Literal["workbook-backup"]
    version: int
    answers: list[AnswerIn]
    records: dict[TableName, list[dict[str, Any]]]


def export_document(store: WorkbookStore) -> dict[str, Any]:
    answers = sorted(store.answer_docs(), key=lambda d: (d["exercise"], d["prompt"]))
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "answers": answers,
        "records": {name: store.records(name) for name in store.record_tables()},
    }


def export_bytes(store: WorkbookStore) -> bytes:
    raw = msgspec.json.encode(export_document(store), order="sorted")
    return msgspec.json.format(raw, indent=2) + b"\n"


def _check_stamp(stamp: str, where: str, path: Path) -> None:
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        raise DataFileError(path, f"{where}: {stamp!r} is not a date and time") from None
    if moment.tzinfo is None:
        raise DataFileError(path, f"{where}: {stamp!r} has no time zone")


def parse_backup(data: bytes, path: Path) -> BackupIn:
    """Check a backup completely; raise DataFileError naming the first problem."""
    if len(data) > MAX_BACKUP_BYTES:
        raise DataFileError(path, "the file is too large to be a workbook backup")
    raw = parse_json(data, path)
    if not isinstance(raw, dict) or raw.get("format") != FORMAT_NAME:
        raise DataFileError(path, "this is not a workbook backup (made by `workbook export`)")
    if isinstance(raw.get("version"), int) and raw["version"] > FORMAT_VERSION:
        raise DataFileError(path, "this backup was made by a newer workbook; update to import it")
    backup = convert(raw, BackupIn, path)
    for a_index, answer in enumerate(backup.answers):
        for r_index, revision in enumerate(answer.revisions):
            _check_stamp(revision.saved_at, f"$.answers[{a_index}].revisions[{r_index}]", path)
    for name, docs in backup.records.items():
        if name in (META_TABLE, ANSWERS_TABLE):
            raise DataFileError(path, f"$.records: {name!r} is not a record table")
        for index, doc in enumerate(docs):
            where = f"$.records.{name}[{index}]"
            if not isinstance(doc.get("key"), str) or not isinstance(doc.get("updated_at"), str):
                raise DataFileError(path, f"{where}: a record needs a text key and updated_at")
            _check_stamp(doc["updated_at"], where, path)
        keys = [doc["key"] for doc in docs]
        if len(set(keys)) != len(keys):
            raise DataFileError(path, f"$.records.{name}: a key appears twice")
    return backup


def _merge_revisions(ours: list[dict], theirs: list[dict]) -> list[dict]:
    """Every revision from both sides, once each, oldest first."""
    seen = {(rev["saved_at"], msgspec.json.encode(rev["value"])) for rev in ours}
    merged = list(ours)
    for rev in theirs:
        identity = (rev["saved_at"], msgspec.json.encode(rev["value"]))
        if identity not in seen:
            seen.add(identity)
            merged.append(rev)
    merged.sort(key=lambda rev: dt.datetime.fromisoformat(rev["saved_at"]))
    return merged


def import_backup(store: WorkbookStore, backup: BackupIn) -> dict[str, int]:
    """Merge `backup` into the store in one atomic write. Returns counts of what was added."""
    answers = {(d["exercise"], d["prompt"]): d for d in store.answer_docs()}
    added_revisions = 0
    for incoming in backup.answers:
        theirs = [msgspec.structs.asdict(rev) for rev in incoming.revisions]
        for rev in theirs:
            if rev["visit"] is None:
                del rev["visit"]
        key = (incoming.exercise, incoming.prompt)
        ours = answers[key]["revisions"] if key in answers else []
        merged = _merge_revisions(ours, theirs) if ours else theirs
        added_revisions += len(merged) - len(ours)
        answers[key] = {"exercise": key[0], "prompt": key[1], "revisions": merged}

    # A backup made before a migration holds the old shapes: bring them up to date first.
    contact_as_words({name: dict(enumerate(docs)) for name, docs in backup.records.items()})
    records = {name: {d["key"]: d for d in store.records(name)} for name in store.record_tables()}
    added_records = 0
    for name, docs in backup.records.items():
        table = records.setdefault(name, {})
        for doc in docs:
            current = table.get(doc["key"])
            if current is None:
                added_records += 1
            if current is None or _later(doc["updated_at"], current["updated_at"]):
                table[doc["key"]] = doc

    store.replace_tables(
        [answers[key] for key in sorted(answers)],
        {name: [table[k] for k in sorted(table)] for name, table in sorted(records.items())},
    )
    return {"revisions": added_revisions, "records": added_records}


def _later(a: str, b: str) -> bool:
    return dt.datetime.fromisoformat(a) > dt.datetime.fromisoformat(b)
