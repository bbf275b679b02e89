"""Finding words on screen: Ctrl+F (or /) from anywhere, results as you type, Enter to go
there, Escape back to where you were. Everything through the keys a person would press."""

from __future__ import annotations

import asyncio
import datetime as dt
import subprocess
import sys

import pytest
from textual.widgets import Button, Input, OptionList, TextArea

from workbook.content.models import CrisisLine, Region, Resources
from workbook.tracker.journal import CheckIn, log_urge, save_checkin
from workbook.ui.screens.crisis_screen import CrisisScreen
from workbook.ui.screens.exercise_screen import ExerciseScreen
from workbook.ui.screens.history_screen import HistoryScreen
from workbook.ui.screens.home_screen import HomeScreen
from workbook.ui.screens.search_screen import SearchScreen
from workbook.ui.screens.tracker_screen import TrackerScreen
from workbook.ui.widgets.revision_card import RevisionCard

TODAY = dt.date(2026, 3, 14)


async def found_for(pilot, words: str, *, typed: bool = True) -> SearchScreen:
    """Type `words` into the search and wait for their results."""
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    if typed:
        await pilot.press(*words)
    for _ in range(100):
        await pilot.pause(0.05)
        last = screen.last
        if last is not None and last.query.text == screen.query_text == words:
            return screen
    raise AssertionError(f"no results for {words!r}")


def options(screen: SearchScreen) -> list[str]:
    listing = screen.query_one("#search-results", OptionList)
    return [str(option.prompt) for option in listing.options]


async def test_ctrl_f_opens_search_and_escape_goes_back(make_app, store_values):
    app = make_app()
    app.store.save_answer("mini", "story", "We met at the café by the river.")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+f")
        assert isinstance(app.screen, SearchScreen)
        assert isinstance(app.focused, Input)
        screen = await found_for(pilot, "cafe")
        [option] = options(screen)
        assert "What happened?" in option and "We met at the café by the river." in option
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_slash_opens_search_when_not_typing(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("slash")  # in the search box, a / is just a character
        assert app.screen.query_one("#search-query", Input).value == "/"


async def test_ctrl_f_inside_a_text_box_keeps_what_was_typed(make_app, store_values):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("open_exercise('mini', 'story')")
        await pilot.pause()
        assert isinstance(app.focused, TextArea)
        await pilot.press(*"the lighthouse")
        await pilot.press("ctrl+f")
        assert isinstance(app.screen, SearchScreen)
        screen = await found_for(pilot, "lighthouse")
        assert len(screen.results) == 1  # what was typed a moment ago is found
        await pilot.press("escape")
        assert isinstance(app.screen, ExerciseScreen)
        assert isinstance(app.focused, TextArea) and app.focused.text == "the lighthouse"
    assert store_values(app.store)["story"] == "the lighthouse"


async def test_enter_opens_the_question_and_escape_comes_back_to_the_results(make_app):
    app = make_app()
    app.store.save_answer("mini", "name", "Robin")
    app.store.save_answer("mini", "story", "Robin and the river")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+f")
        screen = await found_for(pilot, "river")
        await pilot.press("down")
        assert isinstance(app.focused, OptionList)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen)
        assert app.screen.current == "story"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#search-query", Input).value == "river"
        assert len(screen.results) == 1
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_enter_in_the_words_opens_the_first_result(make_app, clock):
    app = make_app()
    app.store.save_answer("mini", "name", "the river, long ago")
    clock.advance(days=1)
    app.store.save_answer("mini", "story", "the river now")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+f")
        await found_for(pilot, "river")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen)
        assert app.screen.current == "story"  # the most recent


async def test_enter_on_an_earlier_version_opens_its_history_there(make_app, clock):
    app = make_app()
    app.store.save_answer("mini", "story", "The funeral was in May.")
    for day in range(12):  # more versions than one page of the history
        clock.advance(days=1)
        app.store.save_answer("mini", "story", f"Another day, number {day}.")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+f")
        screen = await found_for(pilot, "funeral")
        assert screen.results[0].place.kind == "earlier-version"
        assert "Earlier versions of your answers (1)" in options(screen)[0]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert isinstance(app.focused, RevisionCard)
        assert app.focused.revision.value == "The funeral was in May."
        history = app.screen
        assert len(history.query(RevisionCard)) == 1
        # The newer ones are a button away, a page at a time.
        history.query_one("#newer", Button).press()
        await pilot.pause()
        cards = history.query(RevisionCard)
        assert len(cards) == 11
        assert [c.revision.value for c in cards][-2:] == [
            "Another day, number 0.",
            "The funeral was in May.",
        ]
        assert str(history.query_one("#newer", Button).label) == "Show 2 newer (2 in all)"


async def test_enter_on_a_check_in_note_chooses_that_day_on_the_tracker(make_app):
    app = make_app()
    for day, note in ((10, "Called my sister."), (12, "Quiet day."), (13, "Slept well.")):
        checkin = CheckIn(dt.date(2026, 3, day), craving=3, mood="okay", note=note)
        save_checkin(app.store, checkin, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+f")
        await found_for(pilot, "sister")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TrackerScreen)
        listing = app.screen.query_one("#tracker-history", OptionList)
        chosen = app.screen.entries[listing.highlighted]
        assert chosen.day == dt.date(2026, 3, 10)


async def test_enter_on_an_urge_chooses_it_on_the_tracker(make_app, clock):
    app = make_app()
    log_urge(app.store, 7, trigger="the wedding photos")
    clock.advance(hours=2)
    log_urge(app.store, 4, trigger="a quiet evening")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+f")
        await found_for(pilot, "wedding")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TrackerScreen)
        listing = app.screen.query_one("#tracker-history", OptionList)
        chosen = app.screen.entries[listing.highlighted].entry
        assert chosen.trigger == "the wedding photos"


async def test_a_crisis_line_of_your_own_opens_the_crisis_lines(make_app):
    app = make_app()
    line = CrisisLine(name="Maria", call="555 0101")
    app.content.user_resources = Resources(regions=[Region(id="me", name="Mine", lines=[line])])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+f")
        await found_for(pilot, "maria")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)


async def test_typing_on_the_results_goes_back_into_the_words(make_app):
    app = make_app()
    app.store.save_answer("mini", "story", "the river house")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+f")
        screen = await found_for(pilot, "river")
        await pilot.press("down")
        assert isinstance(app.focused, OptionList)
        await pilot.press("space", "h")
        assert isinstance(app.focused, Input)
        assert screen.query_one("#search-query", Input).value == "river h"
        await found_for(pilot, "river h", typed=False)
        await pilot.press("up")
        assert screen.query_one("#search-query", Input).value == "river h"


async def test_nothing_found_says_so_and_an_empty_query_invites(make_app):
    app = make_app()
    app.store.save_answer("mini", "story", "words")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+f")
        screen = await found_for(pilot, "lighthouse")
        status = str(screen.query_one("#search-status").render())
        assert status.startswith("Nothing found for “lighthouse”")
        await pilot.press(*["backspace"] * len("lighthouse"))
        await pilot.pause(0.3)
        assert screen.results == [] and screen.last is None
        assert str(screen.query_one("#search-status").render()).startswith("Type a word")


async def test_results_of_an_older_search_are_dropped(make_app):
    app = make_app()
    app.store.save_answer("mini", "story", "the river")
    app.store.save_answer("mini", "name", "the sea")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+f")
        screen = await found_for(pilot, "river")
        older = app.search_index().search("sea")
        screen.show_results(older, screen.generation - 1)
        assert [r.place.prompt_id for r in screen.results] == ["story"]


async def test_typing_never_waits_for_a_search(make_app, monkeypatch):
    """A slow search (a second each) runs in a worker: keys keep arriving, and only the
    newest words' results are shown."""
    app = make_app()
    app.store.save_answer("mini", "story", "the river")
    async with app.run_test(size=(80, 24)) as pilot:
        index = app.search_index()
        real = index.search
        started = []

        def slow(text, **kwargs):
            started.append(text)
            import time

            time.sleep(0.5)
            return real(text, **kwargs)

        monkeypatch.setattr(index, "search", slow)
        await pilot.press("ctrl+f")
        screen = app.screen
        loop = asyncio.get_running_loop()
        begun = loop.time()
        for key in "rive":
            await pilot.press(key)
            await pilot.pause(0.2)  # longer than the delay before a search starts
        assert loop.time() - begun < 1.5  # four keys did not wait for four slow searches
        await pilot.press("r")
        await found_for(pilot, "river", typed=False)
        assert screen.query_one("#search-query", Input).value == "river"
        assert len(screen.results) == 1
        assert len(started) >= 2


async def test_words_are_shown_as_written_never_as_markup(make_app):
    app = make_app()
    app.store.save_answer("mini", "story", "[bold]not markup[/bold] and [red]river")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+f")
        screen = await found_for(pilot, "river")
        assert "[bold]not markup[/bold] and [red]river" in options(screen)[0]


async def test_search_is_in_the_command_palette(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Find anything you wrote" in titles


@pytest.mark.parametrize("widget", [Input, TextArea])
def test_textual_text_boxes_leave_ctrl_f_free(widget):
    # Ctrl+F is a priority key of the app: it must not take a key a text box uses.
    keys = {key for binding in widget.BINDINGS for key in binding.key.split(",")}
    assert "ctrl+f" not in keys


def test_search_is_not_loaded_at_start_up(tmp_path):
    """Start-up is a target: the search code loads when search is first used."""
    code = f"""
import asyncio, sys
from pathlib import Path
from workbook.ui.app import WorkbookApp
from workbook.content.loading import load_content
from workbook.paths import Paths
from workbook.store.database import WorkbookStore

async def main():
    paths = Paths(Path({str(tmp_path / "data")!r}))
    with WorkbookStore.open(paths) as store:
        store.set_setting("welcome_seen", True)
        app = WorkbookApp(load_content(paths), store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            print(type(app.screen).__name__)
            print("AT START", sorted(m for m in sys.modules if m.startswith("workbook.search")))
            await pilot.press("ctrl+f")
            print("AFTER", "workbook.search.index" in sys.modules)

asyncio.run(main())
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "HomeScreen" in result.stdout
    assert "AT START []" in result.stdout
    assert "AFTER True" in result.stdout
