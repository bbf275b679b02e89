"""The base of every answer widget: one prompt, its value, and AnswerChanged when it changes."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.containers import Vertical
from textual.content import Content
from textual.message import Message

from workbook.content.models import Prompt


def plain(text: str) -> Content:
    """Words from an exercise file or from the user, shown as they are (never as markup)."""
    return Content(text)


def as_text(value: Any) -> str:
    """A stored value as words to edit: nothing for None, lines for a list."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(str(item) for item in value)
    return str(value)


class AnswerField(Vertical):
    """One prompt's answer. Subclasses build the widgets and say what the value is."""

    # How to answer by keyboard, in a line, shown under the answer.
    how_to: ClassVar[str] = ""

    class AnswerChanged(Message):
        """The user changed the answer. `draft` holds typed words that are not a valid
        answer yet (a date that is not a date); the answer itself is then left alone."""

        def __init__(self, field: AnswerField, value: Any, draft: str | None = None) -> None:
            super().__init__()
            self.field = field
            self.value = value
            self.draft = draft

        @property
        def control(self) -> AnswerField:
            return self.field

    def __init__(
        self,
        prompt: Prompt,
        value: Any = None,
        *,
        draft: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.prompt = prompt
        self.add_class("answer-field", f"answer-{type(prompt).__name__.lower()}")
        self.take(value, draft)

    def take(self, value: Any, draft: str | None = None) -> None:
        """Remember what to show when composed. Subclasses work out their state here, coping
        with a value an edited exercise no longer expects (it is shown, never dropped)."""
        self.initial_value = value
        self.initial_draft = draft

    @property
    def value(self) -> Any:
        """The answer as the store keeps it, or None while it is empty."""
        raise NotImplementedError

    @property
    def draft(self) -> str | None:
        """Typed words that are not a valid answer yet, or None."""
        return None

    async def load(self, value: Any) -> None:
        """Show `value` (a restored revision) in place of what is shown now."""
        self.take(value)
        await self.recompose()

    def focus_answer(self) -> None:
        """Put the cursor where the user starts answering."""
        self.focus_first()

    def focus_first(self) -> None:
        for widget in self.query("*"):
            if widget.focusable:
                widget.focus()
                return

    def announce(self) -> None:
        self.post_message(self.AnswerChanged(self, self.value, self.draft))
