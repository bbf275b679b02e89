"""Leaving a screen with changes not saved yet: "Keep", "Discard" or "Stay", asked once.

Escape must never save or throw away by itself: it asks. "Stay" is focused, so an Enter
pressed without reading changes nothing and loses nothing; Escape here means Stay too.
Returns "keep", "discard" or "stay".
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

KEEP, DISCARD, STAY = "keep", "discard", "stay"


class LeaveModal(ModalScreen[str]):
    CSS_PATH = SCREENS_CSS
    BINDINGS = [*SAFETY_KEYS, Binding("escape", "dismiss('stay')", "Stay"), *BUTTON_ARROWS]

    def __init__(self, question: str, keep: str = "Keep", discard: str = "Discard") -> None:
        super().__init__(classes="modal")
        self.question = question
        self.keep = keep
        self.discard = discard

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box confirm-box"):
            yield Static(plain(self.question), classes="modal-text")
            with Horizontal(classes="modal-buttons"):
                yield Button(plain(self.keep), id=KEEP, variant="primary")
                yield Button(plain(self.discard), id=DISCARD)
                yield Button("Stay", id=STAY)

    def on_mount(self) -> None:
        self.query_one(f"#{STAY}", Button).focus()

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or STAY)
