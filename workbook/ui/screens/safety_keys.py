"""The keys that keep the user safe, listed first on every screen's footer.

The app binds them with priority, so they work everywhere (inside text areas and modals too).
The footer lists a screen's own bindings before the app's, and cuts off what does not fit at
80 columns; repeating them at the head of each screen's BINDINGS puts them first.
"""

from __future__ import annotations

from textual.binding import Binding

SAFETY_KEYS = [
    Binding("ctrl+q", "app.quit", "Quick exit"),
    Binding("f2", "app.show_screen('crisis')", "Crisis lines"),
    Binding("f1", "app.show_screen('help')", "Help"),
]
