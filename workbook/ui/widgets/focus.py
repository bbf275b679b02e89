"""Moving focus between widgets of one kind, with the arrow keys."""

from __future__ import annotations

from textual.widget import Widget


def focus_sibling(widget: Widget, step: int) -> None:
    """Move focus to the next (or previous) focusable widget of the same kind beside this one."""
    kin = [w for w in widget.parent.children if type(w) is type(widget)] if widget.parent else []
    index = kin.index(widget) + step
    if 0 <= index < len(kin):
        kin[index].focus()
