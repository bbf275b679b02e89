"""Home's key line: the screen's keys in one line from the first frame, each one clickable."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from workbook.ui.screens.crisis_screen import CrisisScreen
from workbook.ui.widgets.key_line import KeyLine


def line_text(app: App) -> str:
    return str(app.screen.query_one(KeyLine).render())


def column_of(app: App, words: str) -> int:
    return line_text(app).index(words)


class KeysApp(App[None]):
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quick exit"),
        Binding("ctrl+b", "bell", "Ring", show=False),
        Binding("f5", "note('five')", "Make a note"),
        Binding("f6", "note('five')", "Same note again"),  # same action: shown once
    ]

    def __init__(self) -> None:
        super().__init__()
        self.notes: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("keys")
        yield KeyLine()

    def action_note(self, words: str) -> None:
        self.notes.append(words)


async def test_shows_the_keys_a_footer_would_show_once_each():
    app = KeysApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = line_text(app)
        assert text.startswith(" ^q Quick exit  f5 Make a note ")
        assert "Ring" not in text  # show=False stays hidden
        assert "Same note again" not in text
        assert text.rstrip().endswith("^p palette")
        assert len(text) == 80  # the palette sits at the right edge


async def test_a_click_on_a_key_presses_it():
    app = KeysApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click(KeyLine, offset=(column_of(app, "Make a note"), 0))
        await pilot.pause()
        assert app.notes == ["five"]
        await pilot.click(KeyLine, offset=(column_of(app, "^q"), 0))
        await pilot.pause()
        assert app.return_code == 0
        assert not app.is_running


async def test_home_shows_the_safety_keys_in_its_first_frame(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)):
        # No pause: the line is drawn from the screen's bindings as soon as it renders.
        text = line_text(app)
        for words in ("^q Quick exit", "f2 Crisis lines", "f1 Help", "^p palette"):
            assert words in text


async def test_home_crisis_lines_by_mouse(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click(KeyLine, offset=(column_of(app, "Crisis lines"), 0))
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
