"""The typed reader: a file either loads whole or is the one "unreadable" error, and a damaged
data file always has a way back (the newest backup that reads, walking back past bad ones)."""

from __future__ import annotations

import json
from pathlib import Path

import msgspec
import pytest
from fuzz_files import ODD_TOKENS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook.cli.main import main
from workbook.paths import Paths
from workbook.store.database import StoreUnreadableError, WorkbookStore
from workbook.store.reading import UnreadableDataError, decode_workbook
from workbook.store.schema import MAX_READ_TEXT_CHARS

STAMP = "2026-03-14T09:30:00.000000+00:00"


def good_tables() -> dict:
    return {
        "_meta": {"1": {"schema_version": 1}},
        "answers": {
            "1": {
                "exercise": "abstinence-plan",
                "prompt": "reasons",
                "revisions": [{"value": ["Sunday evenings", "his songs"], "saved_at": STAMP}],
            },
            "2": {
                "exercise": "need-inventory",
                "prompt": "pairs",
                "revisions": [{"value": [["a", "b"]], "saved_at": STAMP, "visit": "v1"}],
            },
        },
        "settings": {"1": {"key": "resume", "value": {"exercise": "x"}, "updated_at": STAMP}},
        "checkins": {
            "1": {"key": "2026-03-13", "updated_at": STAMP, "craving": 3, "contact": False},
            "2": {"key": "2026-03-14", "updated_at": STAMP, "contact": "none", "note": "ok"},
        },
        "urges": {"1": {"key": STAMP, "updated_at": STAMP, "intensity": 7, "passed": None}},
        "slips": {"1": {"key": "2026-03-10", "updated_at": STAMP, "note": "", "withdrawn": False}},
        "drafts": {"1": {"key": "slip", "updated_at": STAMP, "text": "half", "day": "2026-03-14"}},
    }


def good_bytes() -> bytes:
    return msgspec.json.encode(good_tables())


def decode(payload: bytes) -> dict:
    return decode_workbook(payload, Path("workbook.json"))


def with_change(change) -> bytes:
    tables = good_tables()
    change(tables)
    return json.dumps(tables).encode()


def test_a_good_file_loads_whole():
    assert decode(good_bytes()) == good_tables()


# Each of these stopped the program with a traceback, or was silently changed, before.
UNREADABLE = {
    "invalid UTF-8 in a string": good_bytes().replace(b"half", b"h\xe9lf"),
    "nested a thousand deep": b'{"answers": ' + b"[" * 1000 + b"]" * 1000 + b"}",
    "deep inside an answer": with_change(
        lambda t: t["answers"]["1"]["revisions"][0].update(value=json.loads("[" * 40 + "]" * 40))
    ),
    "schema_version 0": with_change(lambda t: t["_meta"]["1"].update(schema_version=0)),
    "schema_version -1": with_change(lambda t: t["_meta"]["1"].update(schema_version=-1)),
    "schema_version abc": with_change(lambda t: t["_meta"]["1"].update(schema_version="abc")),
    "schema_version null": with_change(lambda t: t["_meta"]["1"].update(schema_version=None)),
    "doc id x": with_change(lambda t: t["answers"].update(x=t["answers"].pop("1"))),
    "doc id 1.5": with_change(lambda t: t["checkins"].update({"1.5": t["checkins"].pop("1")})),
    "answer without exercise": with_change(lambda t: t["answers"]["1"].pop("exercise")),
    "answer without prompt": with_change(lambda t: t["answers"]["1"].pop("prompt")),
    "no revisions": with_change(lambda t: t["answers"]["1"].update(revisions=[])),
    "odd saved_at": with_change(
        lambda t: t["answers"]["1"]["revisions"][0].update(saved_at="2026-11-20T12T12:00:00")
    ),
    "saved_at a number": with_change(
        lambda t: t["answers"]["1"]["revisions"][0].update(saved_at=5)
    ),
    "record without key": with_change(lambda t: t["checkins"]["1"].pop("key")),
    "same key twice in a table": with_change(
        lambda t: t["checkins"]["2"].update(key=t["checkins"]["1"]["key"])
    ),
    "same prompt twice": with_change(
        lambda t: t["answers"]["2"].update(exercise="abstinence-plan", prompt="reasons")
    ),
    "craving as text": with_change(lambda t: t["checkins"]["1"].update(craving="3")),
    "a duplicate key": good_bytes().replace(b'"craving":3', b'"craving":3,"craving":4'),
    "a number out of range": good_bytes().replace(b'"craving":3', b'"craving":1e400'),
    "a lone surrogate": good_bytes().replace(b'"half"', b'"\\ud800"'),
    "a table that is a list": b'{"answers": []}',
    "not an object": b"[]",
    "empty": b"",
    "a text over the limit": with_change(
        lambda t: t["checkins"]["2"].update(note="x" * (MAX_READ_TEXT_CHARS + 1))
    ),
}


@pytest.mark.parametrize("payload", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_anything_that_does_not_fit_is_the_one_unreadable_error(payload: bytes):
    with pytest.raises(UnreadableDataError):
        decode(payload)


# The quick check compares the file with its re-encoding a document at a time: a copy of a
# key anywhere (a table, a document, the last one, a field) must still be found.
DUPLICATED = {
    "a table twice": good_bytes()[:-1] + b',"drafts":{}}',
    "a document id twice": good_bytes().replace(b'"urges":{"1":', b'"urges":{"1":{"key":"a"},"1":'),
    "a field of the last document": good_bytes().replace(
        b'"text":"half"', b'"text":"a","text":"half"'
    ),
    "a field in the meta table": good_bytes().replace(
        b'{"schema_version":1}', b'{"schema_version":1,"schema_version":1}'
    ),
}


@pytest.mark.parametrize("payload", DUPLICATED.values(), ids=DUPLICATED.keys())
def test_a_key_written_twice_is_refused_wherever_it_is(payload: bytes):
    with pytest.raises(UnreadableDataError, match="appears twice"):
        decode(payload)


def test_a_file_written_by_another_json_writer_still_loads():
    spaced = json.dumps(good_tables(), indent=2).encode()
    assert decode(spaced) == good_tables()
    assert decode(good_bytes() + b"\n") == good_tables()


def test_odd_but_valid_old_files_open_keeping_every_record(paths, clock):
    tables = good_tables()
    del tables["_meta"]  # the first files had no meta table
    tables["answers"]["1"]["revisions"][0]["saved_at"] = "2026-03-14T09:30:00Z"
    paths.data_dir.mkdir()
    paths.data_file.write_bytes(json.dumps(tables, indent=1).encode())
    with WorkbookStore.open(paths, clock) as store:
        assert store.answer("abstinence-plan", "reasons") == ["Sunday evenings", "his songs"]
        assert [r["key"] for r in store.records("checkins")] == ["2026-03-13", "2026-03-14"]
        assert store.records("drafts")[0]["text"] == "half"
    tables["_meta"] = {"1": {}}  # a meta table without a version
    paths.data_file.write_bytes(json.dumps(tables).encode())
    with WorkbookStore.open(paths, clock) as store:
        assert len(store.records("urges")) == 1


def _backup(paths: Paths, name: str, payload: bytes) -> Path:
    paths.backups_dir.mkdir(parents=True, exist_ok=True)
    path = paths.backups_dir / f"workbook-{name}.json"
    path.write_bytes(payload)
    return path


def test_a_damaged_file_offers_the_newest_backup_that_reads(paths, clock):
    paths.data_dir.mkdir()
    damaged = good_bytes().replace(b"half", b"h\xe9lf")
    paths.data_file.write_bytes(damaged)
    older = _backup(paths, "20260301-000000-000000-00", good_bytes())
    _backup(paths, "20260302-000000-000000-00", b'{"answers": ' + b"[" * 5000 + b"]" * 5000 + b"}")
    _backup(paths, "20260303-000000-000000-00", damaged)
    with pytest.raises(StoreUnreadableError) as raised:
        WorkbookStore.open(paths, clock)
    assert raised.value.backup == older
    assert paths.data_file.read_bytes() == damaged  # set aside, never changed
    assert raised.value.set_aside.read_bytes() == damaged


def test_restore_never_stops_on_the_error_it_is_meant_to_fix(paths, capsys):
    paths.data_dir.mkdir()
    damaged = good_bytes().replace(b"half", b"h\xe9lf")
    paths.data_file.write_bytes(damaged)
    _backup(paths, "20260301-000000-000000-00", good_bytes())
    _backup(paths, "20260303-000000-000000-00", damaged)
    assert main(["--data-dir", str(paths.data_dir), "restore"]) == 0
    assert decode(paths.data_file.read_bytes()) == good_tables()
    out = capsys.readouterr().out
    assert "20260301" in out and "unreadable file was kept" in out
    # and every command works again
    assert (
        main(
            [
                "--data-dir",
                str(paths.data_dir),
                "checkin",
                "--craving",
                "2",
                "--mood",
                "okay",
                "--no-contact",
            ]
        )
        == 0
    )


def test_commands_say_one_line_on_a_damaged_file(paths, capsys):
    paths.data_dir.mkdir()
    for payload in UNREADABLE.values():
        paths.data_file.write_bytes(payload or b" ")
        for argv in (
            ["checkin", "--craving", "1", "--mood", "low", "--no-contact"],
            ["export"],
            ["plan"],
        ):
            assert main(["--data-dir", str(paths.data_dir), *argv]) == 1
            err = capsys.readouterr().err
            assert len(err.strip().splitlines()) == 1 and "unexpected problem" not in err, err


# --- fuzz: damaged bytes, wrong shapes, nesting, surrogates, huge numbers ----------------

GOOD = json.dumps(good_tables(), indent=1).encode()

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)


@st.composite
def damaged_files(draw) -> bytes:
    kind = draw(st.sampled_from(["bytes", "shape", "nesting", "token"]))
    if kind == "bytes":  # flip, insert or cut bytes anywhere
        data = bytearray(GOOD)
        for _ in range(draw(st.integers(1, 4))):
            if not data:
                break
            at = draw(st.integers(0, len(data) - 1))
            action = draw(st.sampled_from(["set", "insert", "cut"]))
            byte = draw(st.integers(0, 255))
            if action == "set":
                data[at] = byte
            elif action == "insert":
                data.insert(at, byte)
            else:
                del data[at:]
        return bytes(data)
    if kind == "shape":  # a valid JSON value in place of any part of a good file
        tables = good_tables()
        table = draw(st.sampled_from(sorted(tables)))
        doc = draw(st.sampled_from(sorted(tables[table])))
        target = tables[table][doc]
        name = draw(st.sampled_from([*sorted(target), "extra"]))
        target[name] = draw(json_values)
        return json.dumps(tables, allow_nan=True).encode()
    if kind == "nesting":
        depth = draw(st.integers(1, 3000))
        opener, closer = draw(st.sampled_from([(b"[", b"]"), (b'{"a":', b"}")]))
        inner = opener * depth + b"1" + closer * depth
        return GOOD.replace(b'"half"', inner)
    token = draw(st.sampled_from(ODD_TOKENS))
    return GOOD.replace(b'"half"', token, 1)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(damaged_files())
def test_fuzz_the_reader_loads_or_raises_the_one_error(payload: bytes):
    try:
        tables = decode(payload)
    except UnreadableDataError:
        return
    # What loads can be written back exactly as it was read.
    assert msgspec.json.decode(msgspec.json.encode(tables)) == tables


def test_validate_refuses_a_lone_surrogate_in_an_exercise_file(tmp_path, capsys):
    source = Path(__file__).parent / "data" / "exercises" / "mini.json"
    text = source.read_text(encoding="utf-8")
    assert '"What happened?"' in text
    for bad in ('"What happened\\ud800?"', '"What happened?", "x": 1e400'):
        target = tmp_path / "mine.json"
        target.write_text(text.replace('"What happened?"', bad), encoding="utf-8")
        assert main(["validate", str(target)]) == 1
        err = capsys.readouterr().err
        assert "mine.json" in err and "not valid JSON" in err, err


def test_a_data_file_too_large_to_read_is_left_whole_and_a_backup_offered(paths, clock, capsys):
    from workbook.store.reading import MAX_DATA_BYTES
    from workbook.ui.launch import unreadable_problem

    paths.data_dir.mkdir()
    older = _backup(paths, "20260301-000000-000000-00", good_bytes())
    with paths.data_file.open("wb") as huge:  # sparse: no disk is used for it
        huge.truncate(MAX_DATA_BYTES + 1)
    with pytest.raises(StoreUnreadableError) as raised:
        WorkbookStore.open(paths, clock)
    assert raised.value.backup == older
    assert raised.value.set_aside == paths.data_file  # too large to copy: left where it is
    assert paths.data_file.stat().st_size == MAX_DATA_BYTES + 1
    assert "too large to copy" in unreadable_problem(raised.value).explanation

    argv = ["--data-dir", str(paths.data_dir)]
    assert main([*argv, "checkin", "--craving", "1", "--mood", "low", "--no-contact"]) == 1
    assert "workbook restore" in capsys.readouterr().err
    assert main([*argv, "restore"]) == 0
    assert decode(paths.data_file.read_bytes()) == good_tables()
    (aside,) = paths.data_dir.glob("workbook.json.unreadable-*")
    assert aside.stat().st_size == MAX_DATA_BYTES + 1  # moved aside whole
