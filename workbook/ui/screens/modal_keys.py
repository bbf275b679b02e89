"""Keys every dialog shares: the arrow keys move between its buttons, as Tab does.

A person who presses Right to reach "Not now" must land there, not on the button they were
declining. Bound on the screen, so a focused text box or list keeps its own arrow keys.
"""

from __future__ import annotations

from textual.binding import Binding

BUTTON_ARROWS = [
    Binding("left,up", "app.focus_previous", "Previous button", show=False),
    Binding("right,down", "app.focus_next", "Next button", show=False),
]
