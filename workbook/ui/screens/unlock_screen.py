"""The small screen a protected workbook opens on: the passphrase (or the recovery key), and
nothing of what was written. Ctrl+Q and the crisis lines work here without unlocking.

Unlocking costs one scrypt (a second or two), so it runs in a worker thread. A wrong
passphrase says so and changes nothing: unlocking only reads files. Returns the Key.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from workbook.errors import UserError
from workbook.paths import Paths
from workbook.store.encryption import Key
from workbook.ui.screens.styles import SCREENS_CSS
from workbook.ui.widgets.answer_field import plain

Unlock = Callable[[Paths, str], Key]

LOCKED_TITLE = "Your workbook is locked"
LOCKED_TEXT = (
    "Type your passphrase and press Enter to open it. If you have forgotten it, type your "
    "recovery key instead (it begins with AGE-SECRET-KEY-1)."
)


class UnlockScreen(Screen[Key]):
    CSS_PATH = SCREENS_CSS
    BINDINGS = [
        Binding("ctrl+q", "app.quit", "Quick exit"),
        Binding("f2", "app.show_screen('crisis')", "Crisis lines"),
    ]

    def __init__(self, paths: Paths, unlock: Unlock, note: str = "") -> None:
        super().__init__(classes="unlock-screen")
        self.paths = paths
        self.unlock = unlock
        self.note = note

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="unlock"):
            yield Static(LOCKED_TITLE, id="unlock-title")
            if self.note:
                yield Static(plain(self.note), id="unlock-note")
            yield Static(LOCKED_TEXT, id="unlock-text")
            yield Input(password=True, placeholder="your passphrase", id="passphrase")
            yield Static(id="unlock-status")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = "Locked"
        self.query_one("#passphrase", Input).focus()

    @on(Input.Submitted, "#passphrase")
    def _submitted(self, event: Input.Submitted) -> None:
        secret = event.value
        if not secret.strip():
            return
        field = self.query_one("#passphrase", Input)
        field.disabled = True
        self._status("Opening… this takes a moment.")
        self._try(secret)

    @work(thread=True, exclusive=True, group="unlock")
    def _try(self, secret: str) -> None:
        try:
            key = self.unlock(self.paths, secret)
        except UserError as error:
            self.app.call_from_thread(self._refused, str(error))
            return
        self.app.call_from_thread(self.dismiss, key)

    def _refused(self, message: str) -> None:
        field = self.query_one("#passphrase", Input)
        field.value = ""
        field.disabled = False
        field.focus()
        self._status(message, problem=True)

    def _status(self, words: str, problem: bool = False) -> None:
        status = self.query_one("#unlock-status", Static)
        status.update(plain(words))
        status.set_class(problem, "-problem")
