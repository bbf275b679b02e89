"""The recovery key, shown once, right after the passphrase is set: what it is, why to write
it down, and where not to keep it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Center, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Static

from workbook.ui.screens.safety_keys import SAFETY_KEYS
from workbook.ui.screens.styles import SCREENS_CSS

RECOVERY_TEXT = [
    "Your answers are protected. This is your recovery key, shown only this once:",
    "Write it on paper now, letter by letter, and keep it where the person you are leaving "
    "will not look. If you forget your passphrase, type this key where the passphrase is "
    "asked, and your workbook opens.",
    "Without your passphrase or this key, nothing and nobody can bring your words back.",
]


class RecoveryKeyScreen(Screen[None]):
    CSS_PATH = SCREENS_CSS
    BINDINGS = SAFETY_KEYS

    def __init__(self, recovery_key: str) -> None:
        super().__init__(classes="recovery-screen")
        self.recovery_key = recovery_key

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="recovery"):
            yield Static("Your recovery key", id="recovery-title")
            yield Static(RECOVERY_TEXT[0], classes="recovery-text")
            yield Static(self.recovery_key, id="recovery-key")
            for words in RECOVERY_TEXT[1:]:
                yield Static(words, classes="recovery-text")
            with Center():
                yield Button("I have written it down", id="written", variant="primary")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = "Recovery key"
        self.query_one("#written", Button).focus()

    @on(Button.Pressed, "#written")
    def _written(self) -> None:
        self.recovery_key = ""
        self.dismiss()
