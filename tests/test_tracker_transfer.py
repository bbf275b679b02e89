"""Tracker entries travel in `workbook export` backups and come back whole on import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from workbook.paths import Paths
from workbook.store.database import WorkbookStore
from workbook.store.transfer import export_bytes, import_backup, parse_backup
from workbook.tracker.journal import (
    CheckIn,
    checkins,
    history,
    log_urge,
    record_slip,
    save_checkin,
    set_start_date,
    slips,
    start_date,
    streak_for,
    urges,
)

TODAY = dt.date(2026, 3, 14)


def _fill(store: WorkbookStore, clock) -> None:
    set_start_date(store, dt.date(2026, 1, 5))
    save_checkin(
        store,
        CheckIn(TODAY, craving=3, mood="okay", contact="none", triggers=["Our song"], note="ok"),
        TODAY,
    )
    save_checkin(store, CheckIn(dt.date(2026, 2, 28), craving=8, mood="low"), TODAY)
    log_urge(store, 7, trigger="A photo", did="Walked", passed=True)
    clock.advance(minutes=5)
    log_urge(store, 4)
    record_slip(store, dt.date(2026, 2, 10), "Picked up the phone", TODAY)


def test_check_ins_urges_slips_and_start_round_trip(store, clock, tmp_path: Path):
    _fill(store, clock)
    data = export_bytes(store)

    with WorkbookStore.open(Paths(tmp_path / "elsewhere"), clock) as other:
        import_backup(other, parse_backup(data, tmp_path / "backup.json"))
        assert checkins(other) == checkins(store)
        assert urges(other) == urges(store)
        assert slips(other) == slips(store)
        assert start_date(other) == dt.date(2026, 1, 5)
        assert streak_for(other, TODAY) == streak_for(store, TODAY)
        assert history(other, dt.timezone.utc) == history(store, dt.timezone.utc)
        assert export_bytes(other) == data


def test_importing_the_same_backup_twice_adds_nothing(store, clock, tmp_path: Path):
    _fill(store, clock)
    data = export_bytes(store)
    added = import_backup(store, parse_backup(data, tmp_path / "backup.json"))
    assert added["records"] == 0
    assert len(urges(store)) == 2
