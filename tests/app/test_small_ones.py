"""The small ones: the tracker list answers the arrow keys at once, one word for the trend,
the date box after quick backspaces."""

from __future__ import annotations

import datetime as dt

from textual.widgets import OptionList

from workbook.tracker.journal import CheckIn, save_checkin, set_start_date

TODAY = dt.date(2026, 3, 14)


async def test_the_tracker_list_moves_with_the_arrows_without_a_tab_first(make_app):
    app = make_app()
    set_start_date(app.store, TODAY - dt.timedelta(days=20))
    for days_ago in (1, 2, 3):
        save_checkin(app.store, CheckIn(TODAY - dt.timedelta(days=days_ago), craving=3), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("show_screen('tracker')")
        await pilot.pause()
        listing = app.screen.query_one("#tracker-history", OptionList)
        assert listing.highlighted == 0
        await pilot.press("down", "down")
        await pilot.pause()
        assert app.focused is listing
        assert listing.highlighted == 2


async def test_quick_backspaces_then_typing_in_the_date_box(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("show_screen('checkin')")
        await pilot.pause()
        day = app.screen.query_one("#checkin-day Input")
        await pilot.press("end", *["backspace"] * 10, *"2026-03-1")
        await pilot.pause()
        assert day.value == "2026-03-1"


async def test_quick_backspaces_in_an_exercise_date_then_typing(make_app, content, clock):
    from workbook.ui.app import WorkbookApp

    app = WorkbookApp(content=content, store=make_app().store, clock=clock)
    app.store.save_answer("abstinence-plan", "no-contact-start", "2026-03-01")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("open_exercise('abstinence-plan', 'no-contact-start')")
        await pilot.pause()
        day = app.focused
        await pilot.press("end", *["backspace"] * 10, *"2027-01-")
        await pilot.pause(1.5)  # the autosave of the draft in between
        assert day.value == "2027-01-"


async def test_the_skipped_files_screen_points_at_the_resources_file(make_app):
    from workbook.ui.screens.registry import NAMED_SCREENS

    app = make_app()
    app.content.problems.append("resources.json: $.regions: expected an array")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(NAMED_SCREENS["problems"](app))
        await pilot.pause()
        advice = str(app.screen.query_one("#problems-advice").render())
        assert str(app.store.paths.user_resources_file) in advice.replace("\n", "")


async def test_the_crisis_screen_shows_how_to_write_your_own_numbers(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("show_screen('crisis')")
        await pilot.pause()
        hint = str(app.screen.query_one(".crisis-own").render())
        assert '"regions"' in hint and '"call"' in hint and "workbook validate" in hint
