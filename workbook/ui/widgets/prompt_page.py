"""One question on its own page: the section's intro, the question, help on demand, the answer."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from workbook.content.models import ChoicePrompt, CrisisLine, Prompt, Region, Section
from workbook.ui.widgets.answer_field import AnswerField, plain
from workbook.ui.widgets.crisis_lines import region_lines
from workbook.ui.widgets.fields import answer_field

DANGER_WORDS = (
    "You do not have to face this alone. These people can help you plan how to stay safe, "
    "now or when you leave:"
)
DANGER_NOW = "If you are in danger right now, call your emergency number."


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
        danger: list[tuple[Region, list[CrisisLine]]] | None = None,
    ) -> None:
        super().__init__(id=id, classes="prompt-page")
        self.section = section
        self.prompt = prompt
        self.value = value
        self.draft = draft
        self.first_in_section = first_in_section
        # The lines shown right under a question like "Are you in any danger?".
        self.danger = danger or []

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
        if self.shows_lines_for:
            with Vertical(id="danger-lines", classes=self._danger_class(self.value)):
                yield Static(DANGER_WORDS)
                for region, lines in self.danger:
                    yield from region_lines(region, lines)
                yield Static(DANGER_NOW, classes="crisis-note")
        yield Static(classes="answer-note")

    @property
    def shows_lines_for(self) -> list[str]:
        """The answers that show crisis lines under this question (none for most)."""
        prompt = self.prompt
        return prompt.show_crisis_lines_for if isinstance(prompt, ChoicePrompt) else []

    def _danger_class(self, value: Any) -> str:
        return "" if value in self.shows_lines_for else "-hidden"

    @on(AnswerField.AnswerChanged)
    def _answered(self, event: AnswerField.AnswerChanged) -> None:
        # Not stopped: the screen saves the answer too.
        if self.shows_lines_for:
            box = self.query_one("#danger-lines")
            box.set_class(event.value not in self.shows_lines_for, "-hidden")
            if not box.has_class("-hidden"):
                self.call_after_refresh(self.scroll_to_widget, box, animate=False)

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
