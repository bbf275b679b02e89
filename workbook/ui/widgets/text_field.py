"""`text`: one line of words."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input

from workbook.ui.widgets.answer_field import AnswerField, as_text


class TextField(AnswerField):
    def compose(self) -> ComposeResult:
        yield Input(
            as_text(self.initial_value),
            placeholder=getattr(self.prompt, "placeholder", ""),
            select_on_focus=False,
            id="text",
        )

    @property
    def value(self) -> str:
        return self.query_one("#text", Input).value

    @on(Input.Changed, "#text")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self.announce()
