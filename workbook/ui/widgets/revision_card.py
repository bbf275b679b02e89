"""One saved version of an answer, readable in full; focusable so it can be chosen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from workbook.content.models import Prompt
from workbook.store.database import Revision
from workbook.ui.widgets.answer_field import plain
from workbook.ui.widgets.focus import focus_sibling
from workbook.ui.widgets.formatting import answer_words
from workbook.ui.widgets.hanging_text import HangingText


class RevisionCard(Vertical, can_focus=True):
    BINDINGS = [
        ("enter", "choose", "Bring back"),
        Binding("down", "step(1)", "Next", show=False),
        Binding("up", "step(-1)", "Previous", show=False),
    ]

    class Chosen(Message):
        def __init__(self, card: RevisionCard) -> None:
            super().__init__()
            self.card = card

        @property
        def control(self) -> RevisionCard:
            return self.card

    def __init__(
        self,
        prompt: Prompt,
        revision: Revision,
        heading: str,
        current: bool,
        change: str | None = None,
    ) -> None:
        super().__init__(classes="revision-card")
        self.prompt = prompt
        self.revision = revision
        self.heading = heading
        self.current = current
        # What changed from the version before it, when that is short enough to say.
        self.change = change
        self.set_class(current, "-current")

    def compose(self) -> ComposeResult:
        yield Static(plain(self.heading), classes="revision-heading")
        if self.change:
            yield Static(plain(f"Changed: {self.change}"), classes="revision-change")
        yield HangingText(answer_words(self.prompt, self.revision.value), classes="revision-text")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The answer now cannot be brought back: it is already here.
        return not (action == "choose" and self.current)

    def action_choose(self) -> None:
        self.post_message(self.Chosen(self))

    def on_click(self) -> None:
        self.focus()

    def action_step(self, step: int) -> None:
        focus_sibling(self, step)
