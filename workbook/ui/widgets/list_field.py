"""`list`: short entries the user adds, edits, reorders and removes (reasons, triggers, people).

Keys: Enter in the last box adds an entry; Ctrl+Up / Ctrl+Down (or Alt+Up / Alt+Down) move
the entry with the cursor; an entry emptied and left is removed. The buttons do the same.
"""

from __future__ import annotations

from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input

from workbook.content.models import ListPrompt
from workbook.ui.widgets.repeatable_field import (
    RepeatableEntry,
    RepeatableField,
    small_button,
    with_article,
)


class ListEntry(RepeatableEntry):
    """One entry's words, with buttons to move it or take it away."""

    def __init__(self, text: str) -> None:
        super().__init__(classes="list-entry")
        self.text = text

    def compose_boxes(self) -> ComposeResult:
        yield Input(self.text, select_on_focus=False, compact=True, classes="entry-text")

    @property
    def words(self) -> str:
        boxes = self.query(".entry-text")
        # Just added and not yet composed: its words are the ones it was made with.
        return boxes.first(Input).value.strip() if boxes else self.text.strip()


class AddBox(Input):
    """The box under the list. Enter moves its words up into the list right here, in the
    box's own key handling: a binding would run only after keys typed later (fast typing,
    a burst of keys) had already landed in the box, running two entries together."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter" and self.value.strip():
            event.stop()
            event.prevent_default()
            self.move_up()
            return
        await super()._on_key(event)  # an empty box: Enter moves on to the next question

    def move_up(self) -> None:
        if not self.value.strip():
            return
        field = self.query_ancestor(ListField)
        field.add_entry(self.value)
        with self.prevent(Input.Changed):
            self.value = ""
        field.announce()  # the same answer as before: the words only moved up a line


class ListField(RepeatableField):
    prompt: ListPrompt
    how_to = "Enter adds what you typed. Ctrl+↑ ↓ moves an entry; empty one to remove it."

    def take(self, value: Any, draft: str | None = None) -> None:
        super().take(value, draft)
        if isinstance(value, list):
            self._entries = [str(item) for item in value]
        else:
            self._entries = [str(value)] if value else []

    def compose(self) -> ComposeResult:
        with Vertical(id="entries"):
            for text in self._entries:
                yield ListEntry(text)
        with Horizontal(id="new-entry-row"):
            yield AddBox(
                placeholder=f"Add {with_article(self.prompt.item_label)}, then press Enter",
                select_on_focus=False,
                id="new-entry",
            )
            yield small_button("Add", "entry-add", "Add (Enter)")

    def focus_answer(self) -> None:
        self.query_one("#new-entry", Input).focus()

    @property
    def value(self) -> list[str]:
        words = [entry.words for entry in self.entries]
        # Words typed in the "add" box count already: nothing typed is lost.
        words.append(self.query_one("#new-entry", Input).value.strip())
        return [text for text in words if text]

    def add_entry(self, text: str) -> None:
        self.query_one("#entries").mount(ListEntry(text.strip()))

    def add_typed(self) -> None:
        self.query_one("#new-entry", AddBox).move_up()

    @on(Input.Submitted, ".entry-text")
    def _entry_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()

    @on(Input.Blurred, ".entry-text")
    def _entry_left(self, event: Input.Blurred) -> None:
        entry = event.input.parent
        if isinstance(entry, ListEntry) and not entry.words:
            self.remove_entry(entry)
