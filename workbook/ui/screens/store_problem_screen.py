"""When the data file cannot be opened: what happened, in plain words, and what to do next.

Shown by `launch.py` before the workbook itself starts (the store is not open). Returns the
id of the action the user chose, or None to quit.
"""

from __future__ import annotations

import msgspec
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Static

from workbook.ui.screens.modal_keys import BUTTON_ARROWS
from workbook.ui.screens.styles import SCREENS_CSS
from workbook.ui.widgets.answer_field import plain


class StoreProblem(msgspec.Struct, frozen=True):
    title: str
    explanation: str
    details: str = ""
    # (action id, button label); quitting is always offered as well.
    actions: list[tuple[str, str]] = msgspec.field(default_factory=list)


class StoreProblemScreen(Screen[str | None]):
    CSS_PATH = SCREENS_CSS
    BINDINGS = [
        Binding("ctrl+q", "quit_now", "Quit", priority=True),
        Binding("escape", "quit_now", "Quit"),
        *BUTTON_ARROWS,
    ]

    def __init__(self, problem: StoreProblem) -> None:
        super().__init__(classes="store-problem-screen")
        self.problem = problem

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="store-problem"):
            yield Static(plain(self.problem.title), id="store-problem-title")
            yield Static(plain(self.problem.explanation), id="store-problem-text")
            if self.problem.details:
                yield Static(plain(self.problem.details), id="store-problem-details")
        # Outside the scrolling text, so the way forward is always on screen.
        with Horizontal(id="store-problem-buttons"):
            for action, label in self.problem.actions:
                yield Button(plain(label), id=f"action-{action}", variant="primary")
            yield Button("Quit", id="quit")
        yield Footer(show_command_palette=False)  # room for the keys that matter here

    def on_mount(self) -> None:
        self.sub_title = "Something needs your attention"
        self.query_one(Button).focus()

    def action_quit_now(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        button_id = event.button.id or ""
        self.dismiss(button_id.removeprefix("action-") if button_id != "quit" else None)
