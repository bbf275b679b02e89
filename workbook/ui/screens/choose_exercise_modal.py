"""Pick an exercise (to read its answers). Returns its id, or None."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from workbook.content.models import Exercise
from workbook.ui.screens.modal_keys import BUTTON_ARROWS
from workbook.ui.screens.safety_keys import SAFETY_KEYS
from workbook.ui.screens.styles import SCREENS_CSS


class ChooseExerciseModal(ModalScreen[str | None]):
    CSS_PATH = SCREENS_CSS
    BINDINGS = [*SAFETY_KEYS, Binding("escape", "dismiss(None)", "Close"), *BUTTON_ARROWS]

    def __init__(self, exercises: list[Exercise], title: str) -> None:
        super().__init__(classes="modal")
        self.exercises = exercises
        self.title_words = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box choose-box"):
            yield Static(Content(self.title_words), classes="modal-title")
            yield OptionList(
                *(Option(Content(e.title), id=e.id) for e in self.exercises), id="choices"
            )
            yield Static("Enter: open · Escape: close", classes="modal-hint")

    @on(OptionList.OptionSelected, "#choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
