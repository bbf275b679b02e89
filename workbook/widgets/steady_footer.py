"""A Footer that shows its keys in the first frame and rebuilds only when they change.

Textual's Footer composes empty, then rebuilds itself after each bindings refresh of its
screen (on home: when the menu takes focus, when the screen resumes, and once more after the
first refresh), each time mounting its keys afresh though they are the same. At start-up
those rebuilds came after the first paint and cost about 35 ms (measured against the plain
Footer, alternating runs); with this one the home screen is painted complete at once.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.widgets import Footer


class SteadyFooter(Footer):
    _shown: Hashable = None

    def shown_keys(self) -> Hashable:
        """Everything the Footer's compose reads: the keys it shows and how."""
        bindings = tuple(
            (binding, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )
        return bindings, self.compact, self.show_command_palette

    def compose(self) -> ComposeResult:
        # The screen's bindings are known when it composes its footer: show them now rather
        # than wait for the first bindings refresh (Footer's own compose waits for that).
        self._bindings_ready = True
        self._shown = self.shown_keys()
        yield from super().compose()

    async def recompose(self) -> None:
        shown = self.shown_keys()
        if shown == self._shown:
            return
        self._shown = shown
        await super().recompose()
