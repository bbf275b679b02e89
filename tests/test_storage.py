"""DurableStorage: one read, atomic durable writes, and faults that leave the old file whole."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from tinydb import TinyDB

from workbook.store.storage import DurableStorage, UnreadableDataError, read_database_file

OLD = {"_default": {"1": {"words": "what I wrote first"}}}
NEW = {"_default": {"1": {"words": "what I wrote next"}, "2": {"more": [1, 2, 3]}}}


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "workbook.json"
    DurableStorage(path).write(OLD)
    return path


def test_reads_the_file_once_and_serves_from_memory(db_path: Path):
    storage = DurableStorage(db_path)
    db_path.write_text(json.dumps(NEW))  # changed behind its back
    assert storage.read() == OLD


def test_write_replaces_the_file_whole(db_path: Path):
    storage = DurableStorage(db_path)
    storage.write(NEW)
    assert json.loads(db_path.read_bytes()) == NEW
    assert DurableStorage(db_path).read() == NEW


def test_works_as_a_tinydb_storage(tmp_path: Path):
    path = tmp_path / "db.json"
    with TinyDB(path, storage=DurableStorage) as db:
        db.insert({"a": 1})
        db.table("other").insert({"b": 2})
    with TinyDB(path, storage=DurableStorage) as db:
        assert db.all() == [{"a": 1}]
        assert db.table("other").all() == [{"b": 2}]


def test_leftover_temp_files_are_removed_at_open(db_path: Path):
    leftover = db_path.parent / f".{db_path.name}.abc123.tmp"
    leftover.write_bytes(b'{"half": ')
    unrelated = db_path.parent / "notes.tmp"
    unrelated.write_text("mine")
    DurableStorage(db_path)
    assert not leftover.exists()
    assert unrelated.exists()


def test_an_empty_file_is_never_treated_as_empty_data(tmp_path: Path):
    path = tmp_path / "workbook.json"
    path.write_bytes(b"")
    with pytest.raises(UnreadableDataError, match="the file is empty"):
        DurableStorage(path)
    assert path.read_bytes() == b""


@pytest.mark.parametrize(
    ("payload", "problem"),
    [
        (b'{"_default": {"1": {"words": "cut off', "damaged"),
        (b"\x00\x01\x02\xff\xfe binary", "damaged"),
        (b'["a list"]', "not a workbook database"),
        (b'{"_default": {"1": 7}}', "not a workbook database"),
    ],
)
def test_unreadable_files_raise_and_stay_untouched(tmp_path: Path, payload: bytes, problem: str):
    path = tmp_path / "workbook.json"
    path.write_bytes(payload)
    with pytest.raises(UnreadableDataError, match=problem):
        DurableStorage(path)
    assert path.read_bytes() == payload


def _break(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    def failing(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, name, failing)


@pytest.mark.parametrize("broken", ["replace", "fsync"])
def test_a_failed_write_leaves_the_old_file_byte_for_byte(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, broken: str
):
    before = db_path.read_bytes()
    storage = DurableStorage(db_path)
    with monkeypatch.context() as patch:
        _break(patch, broken)
        with pytest.raises(OSError, match="No space left"):
            storage.write(NEW)
    assert db_path.read_bytes() == before
    assert storage.read() == OLD, "memory must match the disk after a failed write"
    assert list(db_path.parent.glob("*.tmp")) == []


def test_a_failed_write_undoes_tinydbs_in_place_edits(tmp_path: Path, monkeypatch):
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=DurableStorage)
    doc_id = db.insert({"words": "kept"})
    with monkeypatch.context() as patch:
        _break(patch, "replace")
        with pytest.raises(OSError):
            db.update({"words": "lost"}, doc_ids=[doc_id])
    assert db.get(doc_id=doc_id) == {"words": "kept"}


FILE_SIZE_LIMIT_SCRIPT = """
import resource, signal, sys
from workbook.store.storage import DurableStorage
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
storage = DurableStorage(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))
try:
    storage.write({"_default": {"1": {"words": "x" * 10000}}})
except OSError as error:
    print("refused", error.errno)
else:
    print("written")
"""


def test_a_write_past_the_file_size_limit_leaves_the_old_file(db_path: Path):
    before = db_path.read_bytes()
    result = subprocess.run(
        [sys.executable, "-c", FILE_SIZE_LIMIT_SCRIPT, str(db_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.startswith("refused"), result.stderr
    assert db_path.read_bytes() == before
    assert list(db_path.parent.glob("*.tmp")) == []


WRITER_SCRIPT = textwrap.dedent(
    """
    import sys
    from workbook.store.storage import DurableStorage
    storage = DurableStorage(sys.argv[1])
    n = storage.read()["_default"]["1"]["n"]
    while True:
        n += 1
        # Vary the size so a torn write could not pass for a whole one.
        storage.write({"_default": {"1": {"n": n, "pad": "x" * (n * 7919 % 50000)}}})
        print(n, flush=True)
    """
)


def test_a_process_killed_mid_write_always_leaves_old_or_new(tmp_path: Path):
    """Kill a writer at random moments; every time the file must hold a whole save."""
    runs = int(os.environ.get("WORKBOOK_KILL_RUNS", "25"))
    path = tmp_path / "workbook.json"
    DurableStorage(path).write({"_default": {"1": {"n": 0, "pad": ""}}})
    survived = 0
    for run in range(runs):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER_SCRIPT, str(path)],
            stdout=subprocess.PIPE,
            text=True,
        )
        confirmed = int(writer.stdout.readline())  # at least one write done
        time.sleep(0.005 * (run % 10))
        writer.send_signal(signal.SIGKILL)
        rest = writer.stdout.read().split()
        writer.wait()
        if rest:
            confirmed = int(rest[-1])
        on_disk = read_database_file(path)["_default"]["1"]
        assert on_disk["n"] in (confirmed, confirmed + 1)
        assert on_disk["pad"] == "x" * (on_disk["n"] * 7919 % 50000)
        survived += 1
    assert survived == runs
    assert not list(tmp_path.glob("*.tmp")) or DurableStorage(path)  # leftovers cleaned at open
    assert not list(tmp_path.glob("*.tmp"))
