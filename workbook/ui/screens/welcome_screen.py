"""The first screen a new user sees: what this is, where the words go, how to leave fast.

It is on the way to the first paint of a first start, so it costs what home costs: its
styles are in home's style sheet (workbook.tcss, not screens.tcss) and its keys are one
`KeyLine`, not Textual's Footer (which mounts a widget per key and rebuilds them after the
first paint).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Header, Static

from workbook.ui.screens.safety_keys import SAFETY_KEYS
from workbook.ui.widgets.key_line import KeyLine


def welcome_text(data_file: Path) -> list[tuple[str, str]]:
    return [
        (
            "welcome-lead",
            "Welcome. This workbook is for you if you are pulling away from a relationship "
            "that hurt you and still has a hold on you.",
        ),
        (
            "welcome-what",
            "It is a self-help workbook, not therapy. You work through a few exercises at "
            "your own pace; there are no wrong answers, and you can stop at any time.",
        ),
        (
            "welcome-where",
            f"What you write stays on this computer, in {data_file}. Every earlier version "
            "is kept, so you can look back. Nothing is sent anywhere.",
        ),
        (
            "welcome-private",
            "If someone else may open this computer, you can protect your answers with a "
            "passphrase: Ctrl+P, then “Protect with a passphrase”.",
        ),
        (
            "welcome-exit",
            "Ctrl+Q leaves at once, from any screen, without asking. What you typed is "
            "saved first. F2 shows crisis lines, any time.",
        ),
    ]


class WelcomeScreen(Screen[None]):
    BINDINGS = [*SAFETY_KEYS, Binding("escape", "begin", "Begin")]

    def __init__(self, data_file: Path, then: Callable[[], None] | None = None) -> None:
        super().__init__(classes="welcome-screen")
        self.data_file = data_file
        # On a first start the welcome is the first screen, with nothing under it to go back
        # to: `then` puts home in its place. Opened again later, it is closed like any other.
        self.then = then

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="welcome"):
            for name, words in welcome_text(self.data_file):
                yield Static(Content(words), classes=f"welcome-part {name}")
            with Center():
                yield Button("Begin", id="begin", variant="primary")
        yield KeyLine(palette=False)  # room for the keys that matter here

    def on_mount(self) -> None:
        self.sub_title = "Welcome"
        self.query_one("#begin", Button).focus()

    @on(Button.Pressed, "#begin")
    def action_begin(self) -> None:
        if self.then is not None:
            then, self.then = self.then, None  # Escape and a click at once begin once
            then()
        else:
            self.dismiss()
