"""`checklist`: any of the options, and the user's own words when the prompt allows."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, SelectionList, Static
from textual.widgets.selection_list import Selection

from workbook.content.models import OTHER_PREFIX, ChecklistPrompt
from workbook.ui.widgets.answer_field import AnswerField, plain
from workbook.ui.widgets.marks import MarkedSelectionList


class ChecklistField(AnswerField):
    prompt: ChecklistPrompt
    how_to = "↑ ↓ to move, Space to tick or untick."

    def take(self, value: Any, draft: str | None = None) -> None:
        super().take(value, draft)
        prompt = self.prompt
        items = [str(item) for item in value] if isinstance(value, list) else []
        self.choices = list(prompt.options)
        own = [item for item in items if prompt.other and item.startswith(OTHER_PREFIX)]
        # Items the exercise no longer offers stay on the list, so nothing is dropped.
        self.choices += [item for item in items if item not in self.choices and item not in own]
        self._own_words = own[0].removeprefix(OTHER_PREFIX) if own else ""
        # Earlier own words beyond the one box (from an import): kept as they are.
        self._more_own = own[1:]
        self._chosen = set(items)

    def compose(self) -> ComposeResult:
        yield MarkedSelectionList[str](
            *(Selection(plain(choice), choice, choice in self._chosen) for choice in self.choices),
            id="checklist",
        )
        if self.prompt.other:
            yield Static("Something else, in your own words:", classes="other-label")
            yield Input(
                self._own_words,
                placeholder="Your own words",
                select_on_focus=False,
                id="other",
            )

    @property
    def value(self) -> list[str]:
        selected = set(self.query_one("#checklist", SelectionList).selected)
        chosen = [choice for choice in self.choices if choice in selected]
        if self.prompt.other:
            words = self.query_one("#other", Input).value.strip()
            chosen += [*self._more_own, *([f"{OTHER_PREFIX}{words}"] if words else [])]
        return chosen

    @on(SelectionList.SelectedChanged, "#checklist")
    @on(Input.Changed, "#other")
    def _changed(self, event: SelectionList.SelectedChanged | Input.Changed) -> None:
        event.stop()
        self.announce()
