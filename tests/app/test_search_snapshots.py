"""How the search screen looks at 80x24 and at 60x18 (see test_snapshots.py for how to
regenerate and check them): a current answer, a check-in note and an earlier version found,
the matches highlighted."""

from __future__ import annotations

import datetime as dt

import test_snapshots as shots

from workbook.tracker.journal import CheckIn, save_checkin

TODAY = dt.date(2026, 3, 14)
# The snapshot fixtures of test_snapshots.py: a relative data folder, a pinned theme.
snapshot_store, snapshot_app = shots.snapshot_store, shots.snapshot_app


def written(store, clock) -> None:
    clock.advance(days=-20)
    store.save_answer("mini", "story", "My sister drove me to the café after the funeral.")
    clock.advance(days=18)
    store.save_answer(
        "mini", "story", "We met at work. My sister saw it before I did, and said so, kindly."
    )
    store.save_answer("mini", "reasons", ["I want my sleep back", "My sister misses me"])
    save_checkin(
        store,
        CheckIn(dt.date(2026, 3, 13), craving=4, mood="low", note="Called my sister at nine."),
        TODAY,
    )
    clock.advance(days=2)


def searching(words: str):
    async def run_before(pilot) -> None:
        await pilot.press("ctrl+f")
        await pilot.press(*words)
        screen = pilot.app.screen
        for _ in range(100):
            await pilot.pause(0.05)
            if screen.last is not None and screen.last.query.text == words:
                break
        shots.still_cursor(pilot.app)
        await pilot.pause()

    return run_before


def test_search_at_80x24(snap_compare, snapshot_app, snapshot_store, clock):
    written(snapshot_store, clock)
    assert snap_compare(snapshot_app(), terminal_size=(80, 24), run_before=searching("sister"))


def test_search_at_60x18(snap_compare, snapshot_app, snapshot_store, clock):
    written(snapshot_store, clock)
    assert snap_compare(snapshot_app(), terminal_size=(60, 18), run_before=searching("sister"))
