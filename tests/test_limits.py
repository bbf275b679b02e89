"""Limits that hold at any size: what cannot be read back is never written, and backups are
capped by total size as well as by count."""

from __future__ import annotations

import pytest

from workbook.store import backups
from workbook.store.database import NotStorableError, WorkbookStore
from workbook.store.reading import decode_workbook
from workbook.store.schema import MAX_TEXT_CHARS


def test_an_answer_over_the_limit_is_refused_and_nothing_is_written(store, paths):
    store.save_answer("ex", "p", "kept")
    before = paths.data_file.read_bytes()
    with pytest.raises(NotStorableError, match="1,000,000 characters"):
        store.save_answer("ex", "p", "x" * (MAX_TEXT_CHARS + 1))
    with pytest.raises(NotStorableError):
        store.save_answer("ex", "p", ["x" * MAX_TEXT_CHARS, "y"])
    with pytest.raises(NotStorableError):
        store.put_record("checkins", "2026-03-14", {"note": "x" * (MAX_TEXT_CHARS + 1)})
    with pytest.raises(NotStorableError):
        store.save_answer("ex", "p", [[[[[[[[["deep"]]]]]]]]])
    assert paths.data_file.read_bytes() == before
    store.save_answer("ex", "p", "x" * MAX_TEXT_CHARS)  # at the limit: kept, and readable
    decode_workbook(paths.data_file.read_bytes(), paths.data_file)


def test_backups_are_capped_by_total_size(paths, clock, monkeypatch):
    monkeypatch.setattr(backups, "KEEP_BACKUPS_BYTES", 50_000)
    with WorkbookStore.open(paths, clock) as store:
        for n in range(6):
            store.save_answer("ex", "p", str(n) * 12_000, visit="one visit")
            backups.make_backup(paths, clock.advance(seconds=1))
    kept = backups.list_backups(paths)
    assert 1 < len(kept) < 6
    assert sum(b.stat().st_size for b in kept) <= 50_000
    assert kept[0].read_bytes() == paths.data_file.read_bytes()  # the newest is always kept


def test_the_newest_backup_is_kept_even_when_larger_than_the_cap(paths, clock, monkeypatch):
    monkeypatch.setattr(backups, "KEEP_BACKUPS_BYTES", 10)
    with WorkbookStore.open(paths, clock) as store:
        store.save_answer("ex", "p", "words")
        backups.make_backup(paths, clock.advance(seconds=1))
        store.save_answer("ex", "p", "more words")
        backups.make_backup(paths, clock.advance(seconds=1))
    assert len(backups.list_backups(paths)) == 1
