"""One question and its answer, for reading; Enter opens its earlier versions."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from workbook.content.models import Prompt
from workbook.ui.widgets.answer_field import plain
from workbook.ui.widgets.focus import focus_sibling
from workbook.ui.widgets.formatting import answer_words
from workbook.ui.widgets.hanging_text import HangingText


class AnswerBlock(Vertical, can_focus=True):
    BINDINGS = [
        ("enter", "history", "Earlier versions"),
        Binding("down", "step(1)", "Next", show=False),
        Binding("up", "step(-1)", "Previous", show=False),
    ]

    class HistoryWanted(Message):
        def __init__(self, block: AnswerBlock) -> None:
            super().__init__()
            self.block = block

        @property
        def control(self) -> AnswerBlock:
            return self.block

    def __init__(self, number: int, prompt: Prompt, value: Any, note: str) -> None:
        super().__init__(classes="answer-block")
        self.number = number
        self.prompt = prompt
        self.value = value
        self.note = note
        self.set_class(prompt.is_empty(value), "-empty")

    def compose(self) -> ComposeResult:
        yield Static(plain(f"{self.number}. {self.prompt.label}"), classes="block-label")
        yield HangingText(answer_words(self.prompt, self.value), classes="block-answer")
        if self.note:
            yield Static(plain(self.note), classes="block-note")

    def action_history(self) -> None:
        self.post_message(self.HistoryWanted(self))

    def on_click(self) -> None:
        self.focus()

    def action_step(self, step: int) -> None:
        focus_sibling(self, step)
