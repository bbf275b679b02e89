"""`scale`: a row of numbers between two labelled ends, by arrow keys, digits or mouse."""

from __future__ import annotations

import time
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from workbook.content.models import ScalePrompt
from workbook.ui.widgets.answer_field import AnswerField, plain

# Two digits typed this close together make one number: "1" then "0" is ten.
DIGIT_PAUSE = 1.0
# ASCII digits only: "²" is a digit to Python, and int() would refuse it.
DIGITS = frozenset("0123456789")
# Cells per number (workbook.tcss, .scale-step).
STEP_WIDTH = 4


class ScaleStep(Static):
    """One number on the scale; clicking it chooses it."""

    def __init__(self, number: int, chosen: bool) -> None:
        super().__init__(str(number), classes="scale-step", id=f"step-{number}")
        self.set_class(chosen, "-chosen")
        self.number = number

    def on_click(self) -> None:
        self.query_ancestor(ScaleField).choose(self.number)


class ScaleRow(Horizontal, can_focus=True):
    """The focusable row of numbers."""

    BINDINGS = [
        Binding("left,down", "step(-1)", "Less", show=False),
        Binding("right,up", "step(1)", "More", show=False),
        Binding("home", "ends(0)", "Lowest", show=False),
        Binding("end", "ends(1)", "Highest", show=False),
        Binding("backspace,delete", "clear", "Clear", show=False),
    ]

    def __init__(self, steps: list[int], chosen: int | None) -> None:
        super().__init__(*(ScaleStep(n, n == chosen) for n in steps), id="scale-row")
        self._typed = ""
        self._typed_at = 0.0

    @property
    def field(self) -> ScaleField:
        return self.query_ancestor(ScaleField)

    def action_step(self, delta: int) -> None:
        field = self.field
        prompt = field.prompt
        if field.value is None:
            field.choose(prompt.min if delta > 0 else prompt.max)
        else:
            field.choose(min(prompt.max, max(prompt.min, field.value + delta)))

    def action_ends(self, high: int) -> None:
        self.field.choose(self.field.prompt.max if high else self.field.prompt.min)

    def action_clear(self) -> None:
        self.field.choose(None)

    def on_key(self, event: events.Key) -> None:
        if event.character is None or event.character not in DIGITS:
            return
        event.stop()
        now = time.monotonic()
        typed = self._typed + event.character if now - self._typed_at < DIGIT_PAUSE else ""
        prompt = self.field.prompt
        if not (typed and prompt.min <= int(typed) <= prompt.max):
            typed = event.character
        self._typed, self._typed_at = typed, now
        if prompt.min <= int(typed) <= prompt.max:
            self.field.choose(int(typed))


class ScaleField(AnswerField):
    prompt: ScalePrompt
    how_to = "← → or a number key to choose; Backspace clears."

    def take(self, value: Any, draft: str | None = None) -> None:
        super().take(value, draft)
        self._value: int | None = value if self.prompt.is_valid_value(value) else None

    def compose(self) -> ComposeResult:
        yield ScaleRow(list(range(self.prompt.min, self.prompt.max + 1)), self._value)
        steps = self.prompt.max - self.prompt.min + 1
        low = f"{self.prompt.min} = {self.prompt.min_label}"
        high = f"{self.prompt.max} = {self.prompt.max_label}"
        with Horizontal(id="scale-ends") as ends:
            # As wide as the row of numbers, so each label sits under its end; wider when the
            # labels need it, so that neither breaks in the middle.
            ends.styles.width = max(steps * STEP_WIDTH + 4, len(low) + len(high) + 5)
            yield Static(plain(low), id="scale-min")
            yield Static(plain(high), id="scale-max")

    @property
    def value(self) -> int | None:
        return self._value

    def choose(self, number: int | None) -> None:
        self.query_one(ScaleRow).focus()
        if number == self._value:
            return
        self._value = number
        self._show()
        self.announce()

    def _show(self) -> None:
        for step in self.query(ScaleStep):
            step.set_class(step.number == self._value, "-chosen")
