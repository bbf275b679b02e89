"""First run, a bad exercise file of the user's, and a workbook opened read-only."""

from __future__ import annotations

import json

from textual.widgets import Input

from workbook.store.database import SCHEMA_VERSION
from workbook.ui.screens.content_problems_screen import ContentProblemsScreen
from workbook.ui.screens.exercise_screen import ExerciseScreen
from workbook.ui.screens.home_screen import HomeScreen
from workbook.ui.screens.region_modal import RegionModal
from workbook.ui.screens.welcome_screen import WelcomeScreen


def words_on(screen) -> str:
    return "\n".join(str(widget.render()) for widget in screen.query("Static"))


async def test_first_run_welcomes_once_and_help_shows_it_again(make_app, paths):
    app = make_app(welcome_seen=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        words = words_on(app.screen)
        assert "not therapy" in words
        assert str(paths.data_file) in words
        assert "Ctrl+Q" in words
        await pilot.press("enter")  # Begin
        await pilot.pause()
        # Once, on the first run: where do you live? (it chooses the crisis lines)
        assert isinstance(app.screen, RegionModal)
        await pilot.press("home", "down", "down", "enter")  # the third: the United Kingdom
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen_stack == [app.screen]  # home is the base now: nothing to go back to
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f2")  # the safety keys work on the home that came after
        await pilot.pause()
        assert type(app.screen).__name__ == "CrisisScreen"
    assert app.store.setting("welcome_seen") is True
    assert app.store.setting("region") == "uk"

    again = make_app(welcome_seen=False)  # the setting stays: no welcome the second time
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen)
        await pilot.press("f1")
        await pilot.pause()
        await pilot.click("#welcome")
        await pilot.pause()
        assert isinstance(again.screen, WelcomeScreen)
        await pilot.press("escape")  # opened again, Begin (or Escape) goes back
        await pilot.pause()
        assert type(again.screen).__name__ == "HelpScreen"


async def test_a_first_start_can_begin_with_escape_too(make_app):
    app = make_app(welcome_seen=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#home-menu").has_focus
    assert app.store.setting("welcome_seen") is True


async def test_a_bad_exercise_file_does_not_stop_the_app(make_app, paths):
    bad = paths.user_exercises_dir / "broken.json"
    bad.write_text('{"id": "broken", "title": "Broken", "sections": [}')
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        menu = app.screen.query_one("#home-menu")
        assert menu.get_option_index("exercise:mini") is not None  # the good one is there
        assert any(
            str(n.message).startswith("One of your own files was skipped")
            for n in app._notifications
        )
        menu.highlighted = menu.get_option_index("entry:problems")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContentProblemsScreen)
        assert "broken.json" in words_on(app.screen)
        await pilot.press("escape")
        await pilot.pause()
        menu.highlighted = menu.get_option_index("exercise:mini")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen)
    assert bad.read_text() == '{"id": "broken", "title": "Broken", "sections": [}'


async def test_a_read_only_workbook_shows_a_notice_and_does_not_save(make_app, paths, clock):
    first = make_app()
    first.store.save_answer("mini", "name", "Robin")
    first.store.close()
    data = json.loads(paths.data_file.read_text())
    data["_meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1  # written by a newer version
    paths.data_file.write_text(json.dumps(data))
    before = paths.data_file.read_bytes()

    app = make_app()
    assert app.store.read_only
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert any("read-only" in str(n.message) for n in app._notifications)
        await app.run_action("open_exercise('mini', 'name')")
        await pilot.pause()
        assert app.screen.query_one("#read-only-banner")
        field = app.screen.query_one("#page-name Input", Input)
        assert field.value == "Robin"  # still readable
        assert field.is_disabled
        await pilot.press(*"x", "ctrl+q")
    assert paths.data_file.read_bytes() == before


async def test_home_shows_progress_and_the_streak_line(make_app, clock):
    app = make_app()
    app.store.save_answer("mini", "name", "Robin")
    app.store.save_answer("mini", "safe", False)  # "No" is an answer too
    app.store.save_answer("mini", "reasons", [])  # an emptied list is not
    clock.advance(days=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        menu = app.screen.query_one("#home-menu")
        prompt = str(menu.get_option("exercise:mini").prompt)
        assert "2 of 9 answered · last worked on 3 days ago" in prompt
        streak = app.screen.query_one("#streak")
        assert "Set your no-contact start date" in str(streak.render())  # no start date yet
        app.screen.show_streak("")
        await pilot.pause()
        assert not streak.display  # empty: takes no room
        app.screen.show_streak("12 days without contact")
        await pilot.pause()
        assert streak.display
