"""The answer store: revisions, locking, unreadable files, backups, migrations, permissions."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from workbook.paths import Paths
from workbook.store import backups
from workbook.store import database as store_module
from workbook.store.database import (
    StoreLockedError,
    StoreReadOnlyError,
    StoreUnreadableError,
    WorkbookStore,
)


def test_a_new_answer_is_current_and_has_one_revision(store, clock):
    assert store.save_answer("ex", "p", "first words")
    assert store.answer("ex", "p") == "first words"
    (only,) = store.history("ex", "p")
    assert only.value == "first words"
    assert only.saved_at == clock.now


def test_saves_in_one_visit_update_one_revision(store, clock):
    store.save_answer("ex", "p", "I", visit="v1")
    clock.advance(seconds=1)
    store.save_answer("ex", "p", "I fe", visit="v1")
    clock.advance(seconds=1)
    store.save_answer("ex", "p", "I felt small", visit="v1")
    (only,) = store.history("ex", "p")
    assert only.value == "I felt small"
    assert only.saved_at == clock.now


def test_each_visit_adds_a_revision_and_history_is_newest_first(store, clock):
    store.save_answer("ex", "p", "monday", visit="v1")
    clock.advance(days=7)
    store.save_answer("ex", "p", "a week later", visit="v2")
    assert [r.value for r in store.history("ex", "p")] == ["a week later", "monday"]


def test_an_unchanged_value_adds_nothing(store):
    store.save_answer("ex", "p", ["a", "b"])
    assert not store.save_answer("ex", "p", ["a", "b"])
    assert len(store.history("ex", "p")) == 1


def test_typing_back_to_the_earlier_answer_leaves_no_empty_revision(store):
    store.save_answer("ex", "p", "kept", visit="v1")
    store.save_answer("ex", "p", "kept, then more", visit="v2")
    store.save_answer("ex", "p", "kept", visit="v2")
    assert [r.value for r in store.history("ex", "p")] == ["kept"]


def test_restoring_an_old_revision_makes_a_new_current_one(store, clock):
    store.save_answer("ex", "p", "old", visit="v1")
    clock.advance(hours=1)
    store.save_answer("ex", "p", "new", visit="v2")
    old = store.history("ex", "p")[-1]
    clock.advance(hours=1)
    store.restore_revision("ex", "p", old)
    assert store.answer("ex", "p") == "old"
    assert [r.value for r in store.history("ex", "p")] == ["old", "new", "old"]


def test_answers_and_last_saved_per_exercise(store, clock):
    store.save_answer("one", "a", 3)
    clock.advance(minutes=5)
    store.save_answer("one", "b", True)
    store.save_answer("two", "a", "elsewhere")
    assert store.answers_for("one") == {"a": 3, "b": True}
    assert store.last_saved("one") == clock.now
    assert store.last_saved("none") is None


def test_everything_survives_closing_and_opening_again(paths, clock):
    with WorkbookStore.open(paths, clock) as first:
        first.save_answer("ex", "p", "kept safe", visit="v1")
        first.put_record("checkins", "2026-03-14", {"craving": 4})
        first.set_setting("theme", "workbook-high-contrast")
    with WorkbookStore.open(paths, clock) as again:
        assert again.answer("ex", "p") == "kept safe"
        assert again.record("checkins", "2026-03-14")["craving"] == 4
        assert again.setting("theme") == "workbook-high-contrast"


def test_records_upsert_by_key(store, clock):
    store.put_record("checkins", "2026-03-14", {"craving": 4})
    clock.advance(hours=2)
    store.put_record("checkins", "2026-03-14", {"craving": 2})
    store.put_record("checkins", "2026-03-13", {"craving": 6})
    assert [(r["key"], r["craving"]) for r in store.records("checkins")] == [
        ("2026-03-13", 6),
        ("2026-03-14", 2),
    ]


def test_records_as_converts_each_record_in_key_order_leaving_out_none(store):
    for key, craving in (("2026-03-14", 4), ("2026-03-12", None), ("2026-03-13", 6)):
        store.put_record("checkins", key, {"craving": craving})
    found = store.records_as("checkins", lambda r: r["craving"] and (r["key"], r["craving"]))
    assert found == [("2026-03-13", 6), ("2026-03-14", 4)]
    assert store.records_as("no such table", dict) == []


# --- one process at a time ----------------------------------------------------------------

HOLDER = """
import sys, time
from workbook.paths import Paths
from workbook.store.database import WorkbookStore
with WorkbookStore.open(Paths(__import__("pathlib").Path(sys.argv[1]))) as store:
    store.save_answer("ex", "p", "from the other window")
    print("holding", flush=True)
    sys.stdin.readline()
"""


def test_a_second_process_cannot_open_the_store(paths):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(paths.data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        before = paths.data_file.read_bytes()
        with pytest.raises(StoreLockedError, match="already open in another window"):
            WorkbookStore.open(paths)
        assert paths.data_file.read_bytes() == before
    finally:
        holder.communicate("done\n", timeout=30)
    with WorkbookStore.open(paths) as store:  # free again once the other one closed
        assert store.answer("ex", "p") == "from the other window"


def test_a_second_open_in_the_same_process_is_refused(store, paths):
    with pytest.raises(StoreLockedError):
        WorkbookStore.open(paths)


# --- unreadable files ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "payload",
    [b"", b"   \n", b'{"answers": {"1": {"exercise": "ex", "prom', b"\x89PNG\r\n\x1a\n\x00\x00"],
    ids=["empty", "blank", "truncated", "binary"],
)
def test_an_unreadable_file_is_set_aside_and_never_overwritten(paths, clock, payload):
    paths.data_dir.mkdir(parents=True)
    paths.data_file.write_bytes(payload)
    with pytest.raises(StoreUnreadableError) as caught:
        WorkbookStore.open(paths, clock)
    problem = caught.value
    assert paths.data_file.read_bytes() == payload
    assert problem.set_aside.read_bytes() == payload
    assert str(paths.data_file) in str(problem) and str(problem.set_aside) in str(problem)
    assert problem.backup is None and "no backup was found" in str(problem)
    # Trying again does not pile up copies, and the lock was let go.
    with pytest.raises(StoreUnreadableError):
        WorkbookStore.open(paths, clock)
    assert len(list(paths.data_dir.glob("workbook.json.unreadable-*"))) == 1


def test_the_newest_good_backup_is_offered_and_restores(paths, clock):
    with WorkbookStore.open(paths, clock) as store:
        store.save_answer("ex", "p", "worth keeping")
    clock.advance(days=1)
    with WorkbookStore.open(paths, clock):  # opening makes a backup of the good file
        pass
    paths.data_file.write_bytes(b'{"answers": {"1": ')
    with pytest.raises(StoreUnreadableError) as caught:
        WorkbookStore.open(paths, clock)
    assert caught.value.backup == backups.list_backups(paths)[0]
    set_aside = backups.restore_backup(paths, caught.value.backup, clock())
    assert set_aside.read_bytes() == b'{"answers": {"1": '
    with WorkbookStore.open(paths, clock) as store:
        assert store.answer("ex", "p") == "worth keeping"


def test_a_damaged_backup_is_passed_over(paths, clock):
    with WorkbookStore.open(paths, clock) as store:
        store.save_answer("ex", "p", "one")
    clock.advance(seconds=1)
    with WorkbookStore.open(paths, clock) as store:
        store.save_answer("ex", "p", "two")
    clock.advance(seconds=1)
    with WorkbookStore.open(paths, clock):
        pass
    newest, good = backups.list_backups(paths)[:2]
    newest.write_bytes(b"garbage")
    assert backups.newest_good_backup(paths) == good


def test_backups_rotate_keeping_the_newest_ten(paths, clock):
    for n in range(14):
        with WorkbookStore.open(paths, clock) as store:
            store.save_answer("ex", "p", n)
        clock.advance(minutes=1)
    kept = backups.list_backups(paths)
    assert len(kept) == backups.KEEP_BACKUPS
    assert json.loads(kept[0].read_bytes())["answers"]["1"]["revisions"][-1]["value"] == 13


# --- versions ----------------------------------------------------------------------------------


def _write_version(paths: Paths, version: int, answers: dict) -> bytes:
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    payload = json.dumps({"_meta": {"1": {"schema_version": version}}, "answers": answers})
    paths.data_file.write_text(payload)
    return payload.encode()


ONE_ANSWER = {"1": {"exercise": "ex", "prompt": "p", "revisions": [
    {"value": "mine", "saved_at": "2026-01-01T00:00:00+00:00"}]}}  # fmt: skip


def test_a_file_from_a_newer_version_opens_read_only(paths, clock):
    payload = _write_version(paths, store_module.SCHEMA_VERSION + 1, ONE_ANSWER)
    with WorkbookStore.open(paths, clock) as store:
        assert store.read_only and "newer version" in store.read_only_reason
        assert store.answer("ex", "p") == "mine"
        with pytest.raises(StoreReadOnlyError):
            store.save_answer("ex", "p", "changed")
        store.set_setting("theme", "x")  # quietly not remembered
    assert paths.data_file.read_bytes() == payload


def test_an_older_file_is_backed_up_then_migrated(paths, clock, monkeypatch):
    def add_note(tables):
        for doc in tables["answers"].values():
            doc["note"] = "migrated"
        return tables

    current = store_module.SCHEMA_VERSION
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", current + 1)
    monkeypatch.setattr(store_module, "MIGRATIONS", [*store_module.MIGRATIONS, add_note])
    payload = _write_version(paths, current, ONE_ANSWER)
    with WorkbookStore.open(paths, clock) as store:
        assert store.answer_docs()[0]["note"] == "migrated"
    assert payload in [backup.read_bytes() for backup in backups.list_backups(paths)]
    schema = json.loads(paths.data_file.read_bytes())["_meta"]["1"]["schema_version"]
    assert schema == current + 1


# --- privacy -------------------------------------------------------------------------------------


def test_folders_are_0700_and_files_0600_under_umask_022(paths, clock):
    previous = os.umask(0o022)
    try:
        with WorkbookStore.open(paths, clock) as store:
            store.save_answer("ex", "p", "private")
        clock.advance(seconds=1)
        with WorkbookStore.open(paths, clock):
            pass
        paths.data_file.write_bytes(b"")
        with pytest.raises(StoreUnreadableError):
            WorkbookStore.open(paths, clock)
    finally:
        os.umask(previous)
    mode = lambda p: stat.S_IMODE(p.stat().st_mode)  # noqa: E731
    assert mode(paths.data_dir) == 0o700
    assert mode(paths.backups_dir) == 0o700
    files = [paths.data_file, paths.lock_file, *backups.list_backups(paths)]
    files += list(paths.data_dir.glob("workbook.json.unreadable-*"))
    assert len(files) >= 4
    for path in files:
        assert mode(path) == 0o600, path


def test_replace_tables_writes_once_and_keeps_ids_working(store):
    store.save_answer("ex", "old", "gone")
    store.replace_tables(
        [
            {
                "exercise": "ex",
                "prompt": "p",
                "revisions": [{"value": 1, "saved_at": "2026-03-14T09:00:00+00:00"}],
            }
        ],
        {
            "checkins": [
                {"key": "2026-03-14", "updated_at": "2026-03-14T09:00:00+00:00", "craving": 1}
            ]
        },
    )
    assert store.answer("ex", "old") is None
    assert store.answer("ex", "p") == 1
    store.save_answer("ex", "new", "after")  # new ids do not collide with imported ones
    assert store.answer("ex", "p") == 1 and store.answer("ex", "new") == "after"


def test_a_session_backs_up_what_it_found_before_its_first_write(paths, clock):
    with WorkbookStore.open(paths, clock) as store:
        store.save_answer("ex", "p", "first session")
    found = paths.data_file.read_bytes()
    for backup in backups.list_backups(paths):
        backup.unlink()
    with WorkbookStore.open(paths, clock):
        pass  # reading only: nothing to back up
    assert backups.list_backups(paths) == []
    clock.advance(seconds=1)
    with WorkbookStore.open(paths, clock) as store:
        store.save_answer("ex", "p", "second session")
        assert [b.read_bytes() for b in backups.list_backups(paths)] == [found]
    assert backups.list_backups(paths)[0].read_bytes() == paths.data_file.read_bytes()


def test_a_backup_is_not_restored_while_the_workbook_is_open(paths, clock):
    with WorkbookStore.open(paths, clock) as store:
        store.save_answer("ex", "p", "kept")
    backup = backups.list_backups(paths)[0]
    with WorkbookStore.open(paths, clock) as store:
        store.save_answer("ex", "p", "newer, in the open window")
        before = paths.data_file.read_bytes()
        with pytest.raises(StoreLockedError):
            store_module.restore_backup_locked(paths, backup, clock)
        assert paths.data_file.read_bytes() == before
