"""`choice`: one of the options, or the user's own words when the prompt allows."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, RadioSet

from workbook.content.models import OTHER_PREFIX, ChoicePrompt
from workbook.ui.widgets.answer_field import AnswerField, plain
from workbook.ui.widgets.marks import MarkedRadioButton

OTHER_LABEL = "Something else (in your own words)"


class ChoiceField(AnswerField):
    prompt: ChoicePrompt
    how_to = "↑ ↓ to move, Enter or Space to choose."

    def take(self, value: Any, draft: str | None = None) -> None:
        super().take(value, draft)
        prompt = self.prompt
        self.choices = list(prompt.options)
        own_words = ""
        if isinstance(value, str) and prompt.other and value.startswith(OTHER_PREFIX):
            own_words = value.removeprefix(OTHER_PREFIX)
        elif isinstance(value, str) and value and value not in self.choices:
            # An answer to an option the exercise no longer has: keep it on offer.
            self.choices.append(value)
        self._own_words = own_words

    def compose(self) -> ComposeResult:
        value = self.initial_value
        with RadioSet(id="choice"):
            for index, choice in enumerate(self.choices):
                yield MarkedRadioButton(plain(choice), value=choice == value, id=f"option-{index}")
            if self.prompt.other:
                yield MarkedRadioButton(OTHER_LABEL, value=bool(self._own_words), id="option-other")
        if self.prompt.other:
            yield Input(
                self._own_words,
                placeholder="Your own words",
                select_on_focus=False,
                id="other",
                classes="" if self._own_words else "-unused",
            )

    @property
    def value(self) -> str | None:
        pressed = self.query_one("#choice", RadioSet).pressed_button
        if pressed is None:
            return None
        if pressed.id == "option-other":
            words = self.query_one("#other", Input).value.strip()
            return f"{OTHER_PREFIX}{words}" if words else None
        return self.choices[int(pressed.id.removeprefix("option-"))]

    def _show_other(self) -> None:
        if self.prompt.other:
            pressed = self.query_one("#choice", RadioSet).pressed_button
            self.query_one("#other", Input).set_class(
                pressed is None or pressed.id != "option-other", "-unused"
            )

    @on(RadioSet.Changed, "#choice")
    def _chosen(self, event: RadioSet.Changed) -> None:
        event.stop()
        self._show_other()
        if event.pressed.id == "option-other":
            self.query_one("#other", Input).focus()
        self.announce()

    @on(Input.Changed, "#other")
    def _own_words_typed(self, event: Input.Changed) -> None:
        event.stop()
        other = self.query_one("#option-other", MarkedRadioButton)
        if event.value.strip() and not other.value:
            other.value = True  # typing your own words chooses "something else"
            return  # the RadioSet.Changed that follows announces it
        self.announce()
