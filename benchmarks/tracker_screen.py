"""The tracker screen ("Days without contact") at the sizes a long recovery reaches: ten years
of daily check-ins (with an urge every few days), and one check-in with a note at the answer
size limit. Each is opened in Pilot at 80x24 and timed from the key to the painted screen."""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import time
from pathlib import Path

from report import Row, median, ms

from workbook.content.loading import Content
from workbook.paths import Paths
from workbook.store.database import WorkbookStore, to_stamp
from workbook.store.schema import MAX_TEXT_CHARS
from workbook.tracker.journal import MOODS

TODAY = dt.date(2026, 3, 14)
NOW = dt.datetime(2026, 3, 14, 20, 0, tzinfo=dt.timezone.utc)
YEARS = 10


def ten_years(paths: Paths) -> int:
    """Daily check-ins for ten years and an urge every third day, in one atomic write."""
    rng = random.Random(2026)
    stamp = to_stamp(NOW)
    checkins, urges = [], []
    for back in range(365 * YEARS):
        day = TODAY - dt.timedelta(days=back)
        checkins.append(
            {
                "key": day.isoformat(),
                "updated_at": stamp,
                "craving": rng.randint(0, 10),
                "mood": rng.choice(MOODS),
                "contact": False,
                "triggers": ["Sunday evenings"],
                "helped": "a walk",
                "note": "A short note about the day, a sentence or two long.",
            }
        )
        if back % 3 == 0:
            at = dt.datetime.combine(day, dt.time(18), tzinfo=dt.timezone.utc)
            urges.append(
                {
                    "key": to_stamp(at),
                    "updated_at": stamp,
                    "intensity": 6,
                    "trigger": "a song",
                    "did": "called my sister",
                    "passed": True,
                }
            )
    settings = [
        {
            "key": "no_contact_start",
            "updated_at": stamp,
            "value": (TODAY - dt.timedelta(days=365 * YEARS)).isoformat(),
        },
        {"key": "welcome_seen", "updated_at": stamp, "value": True},
    ]
    with WorkbookStore.open(paths, lambda: NOW, backup=False) as store:
        store.replace_tables(
            [], {"checkins": checkins, "urges": sorted(urges, key=str), "settings": settings}
        )
    return len(checkins) + len(urges)


def no_entries(paths: Paths) -> int:
    with WorkbookStore.open(paths, lambda: NOW, backup=False) as store:
        store.set_setting("welcome_seen", True)
    return 0


def long_note(paths: Paths) -> int:
    words = "I keep going back over what he said, and I write it all down here. "
    note = (words * (MAX_TEXT_CHARS // len(words) + 1))[:MAX_TEXT_CHARS]
    stamp = to_stamp(NOW)
    with WorkbookStore.open(paths, lambda: NOW, backup=False) as store:
        store.replace_tables(
            [],
            {
                "checkins": [
                    {
                        "key": TODAY.isoformat(),
                        "updated_at": stamp,
                        "craving": 5,
                        "mood": "low",
                        "contact": False,
                        "note": note,
                    }
                ],
                "settings": [{"key": "welcome_seen", "updated_at": stamp, "value": True}],
            },
        )
    return len(note)


async def tracker_seconds(content: Content, paths: Paths) -> float:
    from workbook.ui.app import WorkbookApp

    with WorkbookStore.open(paths, lambda: NOW, backup=False) as store:
        app = WorkbookApp(content=content, store=store, clock=lambda: NOW)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            # The first screen opened in a session loads the screens' CSS (about 100 ms, the
            # same for any screen and any data): open the crisis screen first to leave it out.
            await app.run_action("show_screen('crisis')")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            start = time.perf_counter()
            await app.run_action("show_screen('tracker')")
            await pilot.pause()
            await pilot.pause()
            elapsed = time.perf_counter() - start
            assert type(app.screen).__name__ == "TrackerScreen", app.screen
            return elapsed


def tracker_rows(root: Path, content: Content, runs: int) -> list[Row]:
    rows = []
    for key, label, build in (
        ("tracker_empty", "Tracker screen, no check-ins yet (for comparison)", no_entries),
        ("tracker_10_years", "Tracker screen, 10 years of daily check-ins", ten_years),
        ("tracker_long_note", "Tracker screen, a check-in note of 1,000,000 characters", long_note),
    ):
        paths = Paths(root / key)
        size = build(paths)
        asyncio.run(tracker_seconds(content, paths))  # untimed: warms imports and CSS
        times = [asyncio.run(tracker_seconds(content, paths)) for _ in range(runs)]
        rows.append(
            Row(
                key,
                label,
                ms(median(times)),
                "ms",
                ("<=", 300.0),
                detail={"runs": runs, "records or characters": size},
            ).judge()
        )
    return rows
