"""One question on its own page: the section's intro, the question, help on demand, the answer."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from workbook.content.models import Prompt, Section
from workbook.ui.widgets.answer_field import AnswerField, plain
from workbook.ui.widgets.fields import answer_field


class HelpHint(Static):
    """'Ctrl+T: help with this question'; clicking it does the same."""

    def on_click(self) -> None:
        self.query_ancestor(PromptPage).toggle_help()


class PromptPage(VerticalScroll):
    def __init__(
        self,
        section: Section,
        prompt: Prompt,
        value: Any,
        draft: str | None,
        *,
        first_in_section: bool,
        id: str,
    ) -> None:
        super().__init__(id=id, classes="prompt-page")
        self.section = section
        self.prompt = prompt
        self.value = value
        self.draft = draft
        self.first_in_section = first_in_section

    def compose(self) -> ComposeResult:
        if self.first_in_section and self.section.intro:
            yield Static(plain(self.section.intro), classes="section-intro")
        yield Static(plain(self.prompt.label), classes="prompt-label")
        if self.prompt.help:
            yield HelpHint("Ctrl+T: help with this question", classes="help-hint")
            yield Static(plain(self.prompt.help), classes="prompt-help")
        field = answer_field(self.prompt, self.value, self.draft, id="answer")
        yield field
        if field.how_to:
            yield Static(field.how_to, classes="answer-how")
        yield Static(classes="answer-note")

    @property
    def built(self) -> bool:
        """False while the page is being mounted and its answer widget is not there yet."""
        return bool(self.query("#answer"))

    @property
    def field(self) -> AnswerField:
        return self.query_one("#answer", AnswerField)

    def toggle_help(self) -> None:
        if self.prompt.help:
            self.toggle_class("-help-shown")
            shown = self.has_class("-help-shown")
            self.query_one(".help-hint", Static).update(
                "Ctrl+T: hide the help" if shown else "Ctrl+T: help with this question"
            )

    def show_note(self, note: str) -> None:
        self.query_one(".answer-note", Static).update(plain(note))
