"""The command palette offers the workbook's own commands; the chosen theme is remembered."""

from __future__ import annotations

from workbook.ui.screens.answers_screen import AnswersScreen
from workbook.ui.screens.crisis_screen import CrisisScreen
from workbook.ui.screens.exercise_screen import ExerciseScreen
from workbook.ui.widgets.themes import HIGH_CONTRAST


async def run_command(app, pilot, search: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*search)
    await pilot.pause(0.3)  # the palette searches in the background
    await pilot.press("enter")
    await pilot.pause()


async def test_palette_opens_an_exercise_its_answers_and_crisis_lines(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await run_command(app, pilot, "Open:")
        assert isinstance(app.screen, ExerciseScreen)
        await run_command(app, pilot, "answers:")
        assert isinstance(app.screen, AnswersScreen)
        await run_command(app, pilot, "Crisis")
        assert isinstance(app.screen, CrisisScreen)


async def test_palette_has_the_users_commands_and_none_for_programmers(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("open_exercise('mini', 'story')")  # a text area: "Maximize"
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
    assert {"Crisis lines", "Your recovery plan", "Quick exit", "Theme"} <= set(titles)
    assert "Screenshot" not in titles  # it would write answers into a file
    assert not {"Keys", "Maximize", "Quit"} & set(titles)


async def test_quick_exit_from_the_palette_saves_and_leaves(make_app, store_values):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("open_exercise('mini', 'name')")
        await pilot.pause()
        await pilot.press(*"Robin")
        await run_command(app, pilot, "Quick exit")
        await pilot.pause()
        assert not app.is_running
    assert store_values(app.store) == {"name": "Robin"}


async def test_a_screen_not_there_says_it_is_not_ready_rather_than_failing(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("show_screen('not-a-screen')")
        await pilot.pause()
        assert any("not ready" in str(n.message) for n in app._notifications)


async def test_the_high_contrast_theme_is_remembered(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = HIGH_CONTRAST.name
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert app.store.setting("theme") == HIGH_CONTRAST.name

    again = make_app(theme=None)
    async with again.run_test(size=(80, 24)):
        assert again.theme == HIGH_CONTRAST.name


async def test_safety_keys_inside_the_palette_close_it_first(make_app):
    from textual.command import CommandPalette

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("f2", "f1", "f3"):
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert isinstance(app.screen, CommandPalette)
            await pilot.press(key)
            await pilot.pause()
            assert not any(isinstance(s, CommandPalette) for s in app.screen_stack)
        await pilot.press("ctrl+p")  # a palette again, over the urge screen: no crash
        await pilot.pause()
        assert sum(isinstance(s, CommandPalette) for s in app.screen_stack) == 1
        assert app.is_running


async def test_a_search_running_in_the_palette_does_not_outlive_it(make_app):
    from textual.command import CommandPalette

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press("6", "f2")  # a search starts, and the palette closes at once
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await app.run_action("open_exercise('mini')")  # a screen opened over the palette
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert sum(isinstance(s, CommandPalette) for s in app.screen_stack) == 1
        assert app.is_running
