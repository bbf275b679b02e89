"""`yesno`: yes or no."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import RadioSet

from workbook.ui.widgets.answer_field import AnswerField
from workbook.ui.widgets.marks import MarkedRadioButton


class YesNoField(AnswerField):
    how_to = "↑ ↓ to move, Enter or Space to choose."

    def compose(self) -> ComposeResult:
        value = self.initial_value
        with RadioSet(id="yesno"):
            yield MarkedRadioButton("Yes", value=value is True, id="yes")
            yield MarkedRadioButton("No", value=value is False, id="no")

    @property
    def value(self) -> bool | None:
        pressed = self.query_one("#yesno", RadioSet).pressed_button
        return None if pressed is None else pressed.id == "yes"

    @on(RadioSet.Changed, "#yesno")
    def _chosen(self, event: RadioSet.Changed) -> None:
        event.stop()
        self.announce()
