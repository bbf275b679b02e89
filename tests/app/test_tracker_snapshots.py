"""How the tracker's screens look at 80x24 (see test_snapshots.py for how to regenerate and
check them). The fixed clock makes "today" 14 March 2026; the answers are a few short ones."""

from __future__ import annotations

import datetime as dt

import test_snapshots as shots

from workbook.tracker.journal import PLAN_EXERCISE, CheckIn, log_urge, save_checkin, set_start_date

TODAY = dt.date(2026, 3, 14)
SIZE, opening = shots.SIZE, shots.opening
# The snapshot fixtures of test_snapshots.py: a relative data folder, a pinned theme.
snapshot_store, snapshot_app = shots.snapshot_store, shots.snapshot_app


def tracker_answers(store) -> None:
    store.save_answer(PLAN_EXERCISE, "reasons", ["I want my sleep back", "My friends miss me"])
    store.save_answer(PLAN_EXERCISE, "craving-steps", ["Breathe for a minute", "Call Sam"])
    store.save_answer(PLAN_EXERCISE, "support-people", ["Sam: 07700 900123"])
    store.save_answer(PLAN_EXERCISE, "triggers", ["Our song", "Friday nights"])
    set_start_date(store, TODAY - dt.timedelta(days=12))


def test_checkin(snap_compare, snapshot_app, snapshot_store):
    tracker_answers(snapshot_store)
    assert snap_compare(
        snapshot_app(),
        terminal_size=SIZE,
        run_before=opening(
            "show_screen('checkin')", keys=("tab", "6", "tab", "right", "right", "enter")
        ),
    )


def test_urge_after_the_pause(snap_compare, snapshot_app, snapshot_store):
    tracker_answers(snapshot_store)
    assert snap_compare(
        snapshot_app(),
        terminal_size=SIZE,
        run_before=opening("show_screen('urge')", keys=("enter",)),
    )


def test_days_without_contact(snap_compare, snapshot_app, snapshot_store, clock):
    tracker_answers(snapshot_store)
    for days_ago, craving, mood in [(9, 8, "low"), (6, 6, "okay"), (3, 5, "okay"), (0, 3, "good")]:
        day = TODAY - dt.timedelta(days=days_ago)
        save_checkin(snapshot_store, CheckIn(day, craving=craving, mood=mood), TODAY)
    log_urge(snapshot_store, 7, trigger="Our song", did="Called Sam", passed=True)
    assert snap_compare(
        snapshot_app(), terminal_size=SIZE, run_before=opening("show_screen('tracker')")
    )
