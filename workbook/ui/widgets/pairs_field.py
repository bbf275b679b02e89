"""`pairs`: a two-column list the user adds to, edits, reorders and removes from ("trigger" and
"what I'll do instead"). Everything works from the keyboard.

Keys: type the first column, Enter moves to the second, Enter again adds the pair (and the
cursor comes back to the first box for the next one). Ctrl+Up / Ctrl+Down (or Alt+Up /
Alt+Down) move the pair with the cursor; a pair emptied and left is removed.
"""

from __future__ import annotations

from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static

from workbook.content.models import PairsPrompt, as_pairs
from workbook.ui.widgets.repeatable_field import (
    RepeatableEntry,
    RepeatableField,
    small_button,
    with_article,
)


class PairEntry(RepeatableEntry):
    """One pair's two boxes, with buttons to move it or take it away."""

    def __init__(self, first: str, second: str, columns: list[str]) -> None:
        super().__init__(classes="list-entry pair-entry")
        self.first, self.second = first, second
        self.columns = columns

    def compose_boxes(self) -> ComposeResult:
        yield Input(
            self.first, select_on_focus=False, compact=True, classes="entry-text pair-first"
        )
        yield Static("→", classes="pair-arrow")
        yield Input(
            self.second, select_on_focus=False, compact=True, classes="entry-text pair-second"
        )

    @property
    def words(self) -> tuple[str, str]:
        boxes = list(self.query(Input))
        if len(boxes) == 2:
            return boxes[0].value.strip(), boxes[1].value.strip()
        return self.first.strip(), self.second.strip()  # not composed yet


class PairBox(Input):
    """One of the two boxes under the list. Enter is handled here, in the box's own key
    handling, so keys typed fast after it never land in the wrong box."""

    async def _on_key(self, event: events.Key) -> None:
        field = self.query_ancestor(PairsField)
        heading_to = field.heading_to
        if heading_to is not None and heading_to is not self:
            # Enter sent the cursor to the other box, but keys typed right after it arrived
            # before the cursor did: they belong to that box.
            event.stop()
            event.prevent_default()
            await heading_to._on_key(event)
            return
        if event.key == "enter" and field.enter_in_new_box(self):
            event.stop()
            event.prevent_default()
            return
        await super()._on_key(event)

    def _on_focus(self, event: events.Focus) -> None:
        field = self.query_ancestor(PairsField)
        if field.heading_to is self:
            field.heading_to = None
        super()._on_focus(event)


class PairsField(RepeatableField):
    prompt: PairsPrompt
    how_to = "Enter moves on, then adds the pair. Ctrl+↑ ↓ moves a pair; empty one to remove it."

    # The box below the list the cursor is on its way to (see PairBox._on_key).
    heading_to: PairBox | None = None

    def take(self, value: Any, draft: str | None = None) -> None:
        super().take(value, draft)
        # A plain list (saved before the prompt had two columns) shows in the first column.
        self._pairs = as_pairs(value)

    def compose(self) -> ComposeResult:
        first, second = self.prompt.columns
        with Horizontal(classes="pair-headings"):
            yield Static(first, classes="pair-heading")
            yield Static(second, classes="pair-heading")
        with Vertical(id="entries"):
            for a, b in self._pairs:
                yield PairEntry(a, b, self.prompt.columns)
        with Horizontal(id="new-entry-row", classes="new-pair-row"):
            yield PairBox(
                placeholder=f"Add {with_article(first.lower())}",
                select_on_focus=False,
                id="new-first",
            )
            yield PairBox(
                placeholder=second,
                select_on_focus=False,
                id="new-second",
            )
            yield small_button("Add", "entry-add", "Add (Enter)")

    def focus_answer(self) -> None:
        self.query_one("#new-first", Input).focus()

    def _new_words(self) -> tuple[str, str]:
        return (
            self.query_one("#new-first", Input).value.strip(),
            self.query_one("#new-second", Input).value.strip(),
        )

    @property
    def value(self) -> list[list[str]]:
        rows = [entry.words for entry in self.entries]
        # Words typed in the boxes below count already: nothing typed is lost.
        rows.append(self._new_words())
        return [[a, b] for a, b in rows if a or b]

    def enter_in_new_box(self, box: PairBox) -> bool:
        """Enter in a box below the list. True when it was used here; False lets an Enter in
        empty boxes move on to the next question."""
        first, second = self._new_words()
        if not (first or second):
            return False
        if box.id == "new-first" and not second:
            self._go_to(self.query_one("#new-second", PairBox))
            return True
        self.add_typed()
        return True

    def _go_to(self, box: PairBox) -> None:
        if self.heading_to is None and self.screen.focused is box:
            return  # there already, with no move on the way
        self.heading_to = box
        box.focus()

    def add_typed(self) -> None:
        first, second = self._new_words()
        if not (first or second):
            return
        self.query_one("#entries").mount(PairEntry(first, second, self.prompt.columns))
        for box_id in ("#new-first", "#new-second"):
            box = self.query_one(box_id, Input)
            with box.prevent(Input.Changed):
                box.value = ""
        self._go_to(self.query_one("#new-first", PairBox))
        self.announce()  # the same answer as before: the words only moved up a line

    @on(Input.Submitted, ".pair-first")
    def _first_done(self, event: Input.Submitted) -> None:
        event.stop()
        event.input.parent.query_one(".pair-second", Input).focus()  # type: ignore[union-attr]

    @on(Input.Submitted, ".pair-second")
    def _second_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()

    @on(Input.Blurred, ".entry-text")
    def _entry_left(self, event: Input.Blurred) -> None:
        entry = event.input.parent
        if isinstance(entry, PairEntry):
            # Only once the cursor has left the pair: moving between its boxes is fine.
            self.call_after_refresh(self._remove_if_emptied, entry)

    def _remove_if_emptied(self, entry: PairEntry) -> None:
        if not (self.is_attached and entry.is_attached):
            return  # the screen closed meanwhile
        focused = self.screen.focused
        if (
            entry.is_attached
            and entry.words == ("", "")
            and (focused is None or focused.parent is not entry)
        ):
            self.remove_entry(entry)
