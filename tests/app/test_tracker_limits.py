"""The tracker screen at any size: a page of entries at a time, long notes shortened in the
list (the whole note opens with the entry)."""

from __future__ import annotations

import datetime as dt

from textual.widgets import OptionList

from workbook.store.database import to_stamp
from workbook.tracker.journal import CHECKINS_TABLE
from workbook.ui.screens.tracker_screen import OLDER, PAGE, TrackerScreen
from workbook.ui.widgets.tracker_words import DETAILS_CHARS


async def test_years_of_check_ins_are_listed_a_page_at_a_time(make_app, clock):
    app = make_app()
    today = clock().date()
    stamp = to_stamp(clock())
    docs = [
        {
            "key": (today - dt.timedelta(days=n)).isoformat(),
            "updated_at": stamp,
            "craving": 1,
            "mood": "okay",
            "contact": False,
            "note": "x" * (DETAILS_CHARS * 3 if n == 0 else 5),
        }
        for n in range(PAGE * 2 + 5)
    ]
    app.store.replace_tables([], {CHECKINS_TABLE: docs, "settings": app.store.records("settings")})
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("show_screen('tracker')")
        await pilot.pause()
        assert isinstance(app.screen, TrackerScreen)
        listing = app.screen.query_one("#tracker-history", OptionList)
        assert listing.option_count == PAGE + 1
        last = listing.get_option_at_index(PAGE)
        assert last.id == OLDER and f"{PAGE + 5} more" in str(last.prompt)
        first = str(listing.get_option_at_index(0).prompt)
        assert "…" in first and len(first) < DETAILS_CHARS + 200
        listing.highlighted = PAGE
        await pilot.press("enter")
        await pilot.pause()
        assert listing.option_count == 2 * PAGE + 1
        assert isinstance(app.screen, TrackerScreen)


async def test_an_entry_chosen_past_the_first_page_is_listed_and_chosen(make_app, clock):
    app = make_app()
    today = clock().date()
    stamp = to_stamp(clock())
    docs = [
        {"key": (today - dt.timedelta(days=n)).isoformat(), "updated_at": stamp, "craving": 1}
        for n in range(PAGE * 3)
    ]
    app.store.replace_tables([], {CHECKINS_TABLE: docs, "settings": app.store.records("settings")})
    day = today - dt.timedelta(days=PAGE + 10)  # on the second page
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(TrackerScreen(app.store, app.clock, chosen=("checkin", day, None)))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TrackerScreen)
        listing = screen.query_one("#tracker-history", OptionList)
        assert listing.option_count == 2 * PAGE + 1
        assert listing.highlighted == PAGE + 10
        assert screen.entries[PAGE + 10].day == day
        assert f"{PAGE} more entries" in str(listing.get_option_at_index(2 * PAGE).prompt)
