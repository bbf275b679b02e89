"""Setting or changing the passphrase from the app: typed twice, never shown.

Setting it encrypts the data file and every backup and shows the recovery key once (see
recovery_key_screen.py); changing it seals the same key with the new passphrase. Sealing is
one scrypt (a second or two), so it runs in a worker thread. Returns True when done.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from workbook.errors import UserError
from workbook.store.database import StoreError, WorkbookStore
from workbook.ui.screens.safety_keys import SAFETY_KEYS
from workbook.ui.screens.styles import SCREENS_CSS
from workbook.ui.widgets.answer_field import plain

MIN_LENGTH = 8

PROTECT_TEXT = (
    "From now on your answers, every backup and every export are encrypted, and the "
    "workbook asks for this passphrase when it opens. Choose a few words you will remember "
    "and the person you are leaving would not guess."
)
CHANGE_TEXT = "Choose a new passphrase. Your recovery key stays the same."


def passphrase_problem(first: str, second: str) -> str | None:
    if len(first) < MIN_LENGTH:
        return f"A passphrase needs at least {MIN_LENGTH} characters; a few words are best."
    if first != second:
        return "The two are not the same. Type the passphrase twice, the same both times."
    return None


class ProtectModal(ModalScreen[bool]):
    CSS_PATH = SCREENS_CSS
    BINDINGS = [*SAFETY_KEYS, Binding("escape", "dismiss(False)", "Not now")]

    def __init__(self, store: WorkbookStore, change: bool = False) -> None:
        super().__init__(classes="modal")
        self.store = store
        self.change = change

    def compose(self) -> ComposeResult:
        title = "Change your passphrase" if self.change else "Protect your answers"
        with Vertical(classes="modal-box", id="protect-box"):
            yield Static(title, classes="modal-title")
            yield Static(CHANGE_TEXT if self.change else PROTECT_TEXT, classes="modal-text")
            yield Input(password=True, placeholder="passphrase", id="first", compact=True)
            yield Input(password=True, placeholder="the same again", id="second", compact=True)
            yield Static(id="protect-status")
            with Horizontal(classes="modal-buttons"):
                yield Button("Not now", id="cancel")
                yield Button(
                    "Change it" if self.change else "Protect", id="protect", variant="primary"
                )

    def on_mount(self) -> None:
        self.query_one("#first", Input).focus()

    @on(Input.Submitted, "#first")
    def _next(self) -> None:
        self.query_one("#second", Input).focus()

    @on(Input.Submitted, "#second")
    @on(Button.Pressed, "#protect")
    def _protect(self) -> None:
        first = self.query_one("#first", Input).value
        second = self.query_one("#second", Input).value
        problem = passphrase_problem(first, second)
        if problem:
            self._status(problem, problem=True)
            self.query_one("#second" if len(first) >= MIN_LENGTH else "#first", Input).focus()
            return
        for widget in self.query("Input, Button"):
            widget.disabled = True
        self._status("Encrypting… this takes a moment.")
        self._seal(first)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(False)

    @work(thread=True, exclusive=True, group="protect")
    def _seal(self, passphrase: str) -> None:
        try:
            if self.change:
                self.store.change_passphrase(passphrase)
                recovery = None
            else:
                recovery = self.store.protect(passphrase).recovery_key()
        except (UserError, StoreError, OSError) as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._done, recovery)

    def _done(self, recovery: str | None) -> None:
        self.dismiss(True)
        if recovery is not None:
            from workbook.ui.screens.recovery_key_screen import RecoveryKeyScreen

            self.app.push_screen(RecoveryKeyScreen(recovery))
        else:
            self.app.notify("Your passphrase is changed. Your recovery key stays the same.")

    def _failed(self, message: str) -> None:
        for widget in self.query("Input, Button"):
            widget.disabled = False
        self._status(f"Nothing was changed: {message}", problem=True)

    def _status(self, words: str, problem: bool = False) -> None:
        status = self.query_one("#protect-status", Static)
        status.update(plain(words))
        status.set_class(problem, "-problem")
