"""A yes-or-no question, asked gently. Returns True for yes.

Where yes would let the user's words go, `keep_by_default` puts the focus on no, so that an
Enter pressed without reading keeps them.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from workbook.ui.screens.safety_keys import SAFETY_KEYS
from workbook.ui.screens.styles import SCREENS_CSS
from workbook.ui.widgets.answer_field import plain


class ConfirmModal(ModalScreen[bool]):
    CSS_PATH = SCREENS_CSS
    BINDINGS = [*SAFETY_KEYS, Binding("escape", "dismiss(False)", "No")]

    def __init__(
        self, question: str, yes: str, no: str = "Not now", *, keep_by_default: bool = False
    ) -> None:
        super().__init__(classes="modal")
        self.question = question
        self.yes = yes
        self.no = no
        self.keep_by_default = keep_by_default

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box confirm-box"):
            yield Static(plain(self.question), classes="modal-text")
            with Horizontal(classes="modal-buttons"):
                yield Button(plain(self.yes), id="yes", variant="primary")
                yield Button(plain(self.no), id="no")

    def on_mount(self) -> None:
        if self.keep_by_default:
            self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _no(self) -> None:
        self.dismiss(False)
