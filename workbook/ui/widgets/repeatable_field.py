"""What a `list` answer and a `pairs` answer share: entries the user adds, edits, reorders and
removes, all from the keyboard.

Keys: Ctrl+Up / Ctrl+Down (or Alt+Up / Alt+Down) move the entry with the cursor. Each entry's
buttons move it or take it away; the Add button adds what is typed below the list. How many boxes
an entry has, what Enter does and when an emptied entry goes are each kind's own.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Input, Static

from workbook.ui.widgets.answer_field import AnswerField


def with_article(noun: str) -> str:
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def small_button(label: str, classes: str, tooltip: str) -> Button:
    button = Button(label, classes=classes, compact=True, tooltip=tooltip)
    button.can_focus = False  # the keys do the same; tabbing stays on the words
    return button


class RepeatableEntry(Horizontal):
    """One entry's boxes, with buttons to move it or take it away."""

    def compose(self) -> ComposeResult:
        yield Static("•", classes="entry-bullet")
        yield from self.compose_boxes()
        yield small_button("↑", "entry-up", "Move up (Ctrl+Up)")
        yield small_button("↓", "entry-down", "Move down (Ctrl+Down)")
        yield small_button("✕", "entry-remove", "Remove")

    def compose_boxes(self) -> ComposeResult:
        """The boxes for the entry's words, each of the class `entry-text`."""
        raise NotImplementedError

    @property
    def words(self) -> Any:
        """What the entry's boxes hold, stripped."""
        raise NotImplementedError


class RepeatableField(AnswerField):
    """The entries stand in `#entries`; below it, the boxes to add one and the Add button."""

    BINDINGS = [
        Binding("ctrl+up,alt+up", "move(-1)", "Move up", show=False),
        Binding("ctrl+down,alt+down", "move(1)", "Move down", show=False),
    ]

    @property
    def entries(self) -> list[RepeatableEntry]:
        return list(self.query_one("#entries").query_children(RepeatableEntry))

    def add_typed(self) -> None:
        """Move what is typed below the list up into it (the Add button)."""
        raise NotImplementedError

    def remove_entry(self, entry: RepeatableEntry) -> None:
        entry.remove()
        self.call_after_refresh(self.announce)

    def action_move(self, delta: int) -> None:
        focused = self.screen.focused
        entry = focused.parent if focused is not None else None
        if not isinstance(entry, RepeatableEntry):
            return
        self.move_entry(entry, delta)
        focused.focus()

    def move_entry(self, entry: RepeatableEntry, delta: int) -> None:
        entries = self.entries
        target = entries.index(entry) + delta
        if not 0 <= target < len(entries):
            return
        holder = self.query_one("#entries")
        if delta < 0:
            holder.move_child(entry, before=entries[target])
        else:
            holder.move_child(entry, after=entries[target])
        self.announce()

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self.announce()

    @on(Button.Pressed, ".entry-add")
    def _add_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.add_typed()

    @on(Button.Pressed, ".entry-up, .entry-down, .entry-remove")
    def _entry_button(self, event: Button.Pressed) -> None:
        event.stop()
        entry = event.button.parent
        assert isinstance(entry, RepeatableEntry)
        if event.button.has_class("entry-remove"):
            self.remove_entry(entry)
        else:
            self.move_entry(entry, -1 if event.button.has_class("entry-up") else 1)
