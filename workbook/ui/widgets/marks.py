"""Radio buttons and checklists that show their state by shape, not by colour alone.

Textual draws a chosen and an unchosen button alike (▐●▌ and ▐X▌) and tells them apart by
colour only, which is lost on a terminal without colour (NO_COLOR) and hard to see for many
people. Here an unchosen button is empty: ▐ ▌.
"""

from __future__ import annotations

from typing import TypeVar

from textual.strip import Strip
from textual.widgets import Checkbox, RadioButton, SelectionList

EMPTY = " "
Value = TypeVar("Value")


class MarkedRadioButton(RadioButton):
    # Textual reads this class constant each time it draws the button; as a property it
    # follows the button's value.
    @property
    def BUTTON_INNER(self) -> str:
        return RadioButton.BUTTON_INNER if self.value else EMPTY


class MarkedSelectionList(SelectionList[Value]):
    def render_line(self, y: int) -> Strip:
        # SelectionList draws each line's box like a Checkbox: ▐X▌ then the label.
        strip = super().render_line(y)
        segments = list(strip)
        index = self.scroll_offset.y + y
        if (
            len(segments) > 2
            and segments[0].text == Checkbox.BUTTON_LEFT
            and segments[1].text == Checkbox.BUTTON_INNER
            and index < self.option_count
            and self.get_option_at_index(index).value not in self.selected
        ):
            segments[1] = segments[1]._replace(text=EMPTY)
            return Strip(segments, strip.cell_length)
        return strip
