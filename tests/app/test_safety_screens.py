"""Crisis lines and help are one key away from every screen, inside text boxes too."""

from __future__ import annotations

import pytest

from workbook.ui.screens.crisis_screen import CrisisScreen
from workbook.ui.screens.help_screen import HelpScreen

# How to reach each screen from home: (app action, keys pressed after it).
PLACES = {
    "home": (None, []),
    "exercise intro": ("open_exercise('mini')", []),
    "in a text box": ("open_exercise('mini', 'name')", []),
    "in a text area": ("open_exercise('mini', 'story')", []),
    "in a list": ("open_exercise('mini', 'reasons')", []),
    "on a scale": ("open_exercise('mini', 'pull')", []),
    "in a checklist": ("open_exercise('mini', 'blocked')", []),
    "outline modal": ("open_exercise('mini', 'name')", ["ctrl+o"]),
    "history": ("open_exercise('mini', 'name')", ["ctrl+l"]),
    "answers": ("open_answers('mini')", []),
    "help": ("show_screen('help')", []),
    "welcome": ("show_screen('welcome')", []),
    "command palette": (None, ["ctrl+p"]),
}


def drawn(widget) -> list[str]:
    """The lines a widget draws inside its padding, as text."""
    lines = (widget.render_line(y) for y in range(widget.size.height))
    return ["".join(segment.text for segment in line) for line in lines]


async def go_to(app, pilot, place: str) -> None:
    action, keys = PLACES[place]
    if action:
        await app.run_action(action)
        await pilot.pause()
    if keys:
        await pilot.press(*keys)
        await pilot.pause()


CASES = [(place, "f2") for place in PLACES] + [
    ("in a text area", "ctrl+r"),
    ("outline modal", "ctrl+r"),
]


@pytest.mark.parametrize(("place", "key"), CASES)
async def test_crisis_lines_from_every_screen(make_app, place, key):
    app = make_app()
    app.store.save_answer("mini", "name", "Robin")
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(app, pilot, place)
        # Back where the user was; from the command palette, the screen under it (F2 closes
        # the palette, which only chooses where to go).
        before = app.screen_stack[-2] if place == "command palette" else app.screen
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        text = " ".join(str(s.render()) for s in app.screen.query(".crisis-line"))
        assert "911" in text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is before  # back where the user was


async def test_crisis_lines_show_the_users_own_numbers_and_the_check_note(make_app, paths):
    paths.user_resources_file.write_text(
        '{"note": "Mine.", "regions": [{"id": "me", "name": "My people", '
        '"lines": [{"name": "Sam, my sister", "call": "555 0100"}]}]}'
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        screen = app.screen
        regions = [str(s.render()) for s in screen.query(".crisis-region")]
        assert regions[0] == "My people"  # the user's own come first
        assert regions[1:] == [region.name for region in app.content.resources.regions]
        lines = " ".join(str(s.render()) for s in screen.query(".crisis-line"))
        assert "Sam, my sister" in lines and "Call 555 0100" in lines
        notes = " ".join(str(s.render()) for s in screen.query(".crisis-note"))
        assert app.content.resources.note.split(".")[0] in notes and "Mine." in notes
        await pilot.press("f2")  # a second press does not stack another copy
        await pilot.pause()
        assert sum(isinstance(s, CrisisScreen) for s in app.screen_stack) == 1


async def test_help_from_inside_a_text_area_and_question_mark_when_not_typing(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")  # on home, not typing: help
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = [line for table in app.screen.query(".keys") for line in drawn(table)]
        assert any(line.startswith("Ctrl+Q            Leave at once.") for line in keys)
        assert any(line.startswith("F2 or Ctrl+R      Crisis lines.") for line in keys)
        # A long meaning wraps under itself, beside its key, not under the key.
        f4 = next(i for i, line in enumerate(keys) if line.startswith("F4 "))
        assert keys[f4 + 1].startswith(" " * 18 + "It locks by itself")
        assert str(app.store.paths.data_file) in str(app.screen.query_one("#help-data").render())
        await pilot.press("escape")
        await app.run_action("open_exercise('mini', 'story')")
        await pilot.pause()
        await pilot.press("question_mark")  # typing: it is just a character
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        assert app.screen.query_one("#page-story TextArea").text == "?"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
