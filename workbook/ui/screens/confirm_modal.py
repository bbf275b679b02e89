"""A yes-or-no question, asked gently. Returns True for yes.

"No" is always the choice that changes nothing, so it has the focus: an Enter pressed
without reading never records, brings back or throws away anything. The arrow keys and Tab
move between the two buttons.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from workbook.ui.screens.modal_keys import BUTTON_ARROWS
from workbook.ui.screens.safety_keys import SAFETY_KEYS
from workbook.ui.screens.styles import SCREENS_CSS
from workbook.ui.widgets.answer_field import plain


class ConfirmModal(ModalScreen[bool]):
    CSS_PATH = SCREENS_CSS
    BINDINGS = [*SAFETY_KEYS, Binding("escape", "dismiss(False)", "No"), *BUTTON_ARROWS]

    def __init__(self, question: str, yes: str, no: str = "Not now") -> None:
        super().__init__(classes="modal")
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box confirm-box"):
            yield Static(plain(self.question), classes="modal-text")
            with Horizontal(classes="modal-buttons"):
                yield Button(plain(self.yes), id="yes", variant="primary")
                yield Button(plain(self.no), id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _no(self) -> None:
        self.dismiss(False)
