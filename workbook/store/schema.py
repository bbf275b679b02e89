"""The shape of the data file, table by table, as typed msgspec models with limits.

The data file, its backups and imported backups are checked against these models before
anything uses them: a file that does not fit is "unreadable" as a whole (never half-used),
so code above the store can trust every field it reads. Only shapes and limits live here;
what a value means is for the layers that use it (the tracker reads its own records).

Limits: a text is at most `MAX_TEXT_CHARS` characters (an answer, a note); an answer's value
is nested at most `MAX_VALUE_DEPTH` lists or objects deep (a list of pairs needs two).
Unknown fields are allowed (kept as they are, for files of a newer version); every field
this version knows must have its kind.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Union

import msgspec
from msgspec import Meta, Struct, field

# A million characters is far more than any real answer or note; beyond it the screens slow
# down. It is what can be saved (`storable_problem`); a file is read with texts up to
# MAX_READ_TEXT_CHARS, so that an old file with a longer one still opens.
MAX_TEXT_CHARS = 1_000_000
MAX_READ_TEXT_CHARS = 16 * MAX_TEXT_CHARS
MAX_VALUE_DEPTH = 6

Text = Annotated[str, Meta(max_length=MAX_READ_TEXT_CHARS)]
# Saved times are RFC 3339 with a zone, as `to_stamp` writes them.
Stamp = Annotated[dt.datetime, Meta(tz=True)]
# TinyDB's document ids: decimal integers written as text ("1", "2", ...), nothing else.
DocId = Annotated[str, Meta(pattern=r"^[1-9][0-9]{0,17}$")]
TableName = Annotated[str, Meta(pattern=r"^[_a-z][a-z0-9_-]*$", max_length=60)]
Key = Annotated[str, Meta(max_length=1000)]


def _nested(depth: int) -> Any:
    """A JSON value nested at most `depth` lists or objects deep (msgspec allows one list type
    and one dict type in a union, so each level names the level below it)."""
    scalar = Union[Text, int, float, bool, None]  # noqa: UP007 - built at run time
    if depth == 0:
        return scalar
    inner = _nested(depth - 1)
    return Union[Text, int, float, bool, None, list[inner], dict[Text, inner]]  # noqa: UP007


# An answer's value, a setting's value: JSON, nested at most MAX_VALUE_DEPTH deep.
Value = _nested(MAX_VALUE_DEPTH)


class MetaDoc(Struct):
    # A file without a schema_version is of version 1 (the first files had none).
    schema_version: Annotated[int, Meta(ge=1)] = 1


class RevisionDoc(Struct):
    value: Value
    saved_at: Stamp
    visit: Text | None = None


class AnswerDoc(Struct):
    exercise: Key
    prompt: Key
    revisions: Annotated[list[RevisionDoc], Meta(min_length=1)]


class RecordDoc(Struct):
    """Every record table's documents: a unique text key and when it was last written."""

    key: Key
    # Always written by the store; a hand-made or very old record may lack it.
    updated_at: Stamp | None = None


class SettingDoc(RecordDoc):
    value: Value = None


class CheckInDoc(RecordDoc):
    craving: int | None = None
    mood: Text | None = None
    # true/false/null in older files; a word in newer ones.
    contact: bool | Text | None = None
    triggers: list[Text] = field(default_factory=list)
    helped: Text | None = ""
    note: Text | None = ""


class UrgeDoc(RecordDoc):
    intensity: int | None = None
    trigger: Text | None = ""
    did: Text | None = ""
    passed: bool | None = None


class SlipDoc(RecordDoc):
    note: Text | None = ""
    withdrawn: bool = False


class DraftDoc(RecordDoc):
    text: Text | None = None
    day: Text | None = None


class GenericRecordDoc(RecordDoc):
    """A record table this version does not know (from a newer version, or a plugin)."""


# The record tables this version knows, each with its document model.
RECORD_MODELS: dict[str, type[RecordDoc]] = {
    "settings": SettingDoc,
    "checkins": CheckInDoc,
    "urges": UrgeDoc,
    "slips": SlipDoc,
    "drafts": DraftDoc,
}


def record_model(table: str) -> type[RecordDoc]:
    return RECORD_MODELS.get(table, GenericRecordDoc)


# Any TinyDB file: an object of tables, each an object of documents under numeric ids.
LooseTables = dict[str, dict[DocId, dict[str, Any]]]
# The workbook's: table names it could have made.
WorkbookTables = dict[TableName, dict[DocId, dict[Key, Any]]]


def text_chars(value: Any) -> int:
    """How many characters of text a JSON value holds (an answer's, a record field's)."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, list):
        return sum(text_chars(item) for item in value)
    if isinstance(value, dict):
        return sum(len(key) + text_chars(item) for key, item in value.items())
    return 0


class _Storable(Struct):
    """A value to check before it is saved. msgspec compiles a Struct's types once and keeps
    them; `Value` on its own would be compiled again at every call (1.3 ms, at every autosave)."""

    value: Value


def storable_problem(value: Any) -> str | None:
    """Why `value` cannot be saved as an answer or a record's field, or None when it can.

    Checked before every write, so the workbook never writes a file it would refuse to read.
    """
    try:
        msgspec.convert({"value": value}, _Storable)
    except msgspec.ValidationError as error:
        where = str(error).replace("`$.value", "`$")  # the value itself, not its holder
        return f"it cannot be kept ({where})"
    except RecursionError:
        return "it is nested too deeply to keep"
    if text_chars(value) > MAX_TEXT_CHARS:
        return (
            f"it is longer than {MAX_TEXT_CHARS:,} characters, the most one answer can hold; "
            "shorten it to save it"
        )
    return None
