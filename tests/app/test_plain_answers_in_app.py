"""Answers given in plain mode (`workbook write`) are the app's answers: the exercise screen
shows them in its fields, and the plan (screen and `workbook plan`) is made from them."""

from __future__ import annotations

import io

from workbook.cli.main import main
from workbook.plan.export import store_plan
from workbook.plan.render import renderer_named
from workbook.tracker.journal import local_today
from workbook.ui.screens.exercise_screen import ExerciseScreen

TYPED = [
    "Robin",
    "We met at work.",
    "It was good at first.",
    "",
    "I want my sleep back",
    "",
    "7",
    "4",
    "Seeing their posts",
    "1, 3",
    "1 March 2026",
    "y",
    "n",
]


def write_in_plain_mode(paths, monkeypatch, lines: list[str]) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{line}\n" for line in lines)))
    return main(["--data-dir", str(paths.data_dir), "write", "mini"])


async def test_plain_answers_show_in_the_exercise_screen_and_the_plan(
    make_app, paths, monkeypatch, mini_content, capsys
):
    assert write_in_plain_mode(paths, monkeypatch, TYPED) == 0
    capsys.readouterr()

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.run_action("open_exercise('mini', 'name')")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)
        shown = {}
        for prompt in screen.prompts:
            await screen.show(prompt.id)
            await pilot.pause()
            shown[prompt.id] = screen.page.field.value
        assert shown == {
            "name": "Robin",
            "story": "We met at work.\nIt was good at first.",
            "reasons": ["I want my sleep back"],
            "pull": 7,
            "contact": "Other: Seeing their posts",
            "blocked": ["Phone", "Social media"],
            "start": "2026-03-01",
            "safe": False,
        }
        await pilot.press("ctrl+q")

        plan = renderer_named("text").render(
            store_plan(app.content, app.store, local_today(app.store))
        )
    for words in ("Robin", "We met at work.", "I want my sleep back", "Seeing their posts"):
        assert words in plan


async def test_where_plain_mode_stopped_the_app_continues(make_app, paths, monkeypatch, capsys):
    assert write_in_plain_mode(paths, monkeypatch, ["Robin", "Half a story"]) == 1
    capsys.readouterr()

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        menu = app.screen.query_one("#home-menu")
        assert "A small exercise, question 2" in str(menu.get_option("continue").prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen)
        assert app.screen.current == "story"
        assert app.screen.page.field.value == "Half a story"
