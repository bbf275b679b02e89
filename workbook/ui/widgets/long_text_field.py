"""`longtext`: as many words as it takes, soft-wrapped."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import TextArea

from workbook.ui.widgets.answer_field import AnswerField, as_text


class LongTextField(AnswerField):
    how_to = "Enter starts a new line. Tab moves on; Ctrl+N goes to the next question."

    def compose(self) -> ComposeResult:
        area = TextArea(
            as_text(self.initial_value),
            soft_wrap=True,
            # Tab moves on to the next control, so the keyboard never gets stuck in here.
            tab_behavior="focus",
            show_line_numbers=False,
            placeholder=getattr(self.prompt, "placeholder", "") or "Write here.",
            id="longtext",
        )
        area.move_cursor(area.document.end)
        yield area

    @property
    def value(self) -> str:
        return self.query_one("#longtext", TextArea).text

    @on(TextArea.Changed, "#longtext")
    def _typed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.announce()
