"""Crisis lines: the user's own numbers, then their region's; every country one key away.

One key away from everywhere (F2). The region is the user's choice (R here, the palette, the
first run) or, until they make one, the guess from their locale; "A" shows every country.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from workbook.content.models import Resources
from workbook.content.regions import find_region
from workbook.ui.screens.safety_keys import SAFETY_KEYS
from workbook.ui.screens.styles import SCREENS_CSS
from workbook.ui.widgets.answer_field import plain
from workbook.ui.widgets.crisis_lines import region_lines

CHECK_NUMBERS = (
    "Numbers differ from country to country and sometimes change: check the ones for "
    "where you live."
)
DANGER_NOW = "If you are in danger right now, call your local emergency number."


class CrisisScreen(Screen[None]):
    CSS_PATH = SCREENS_CSS
    BINDINGS = [
        *SAFETY_KEYS,
        Binding("escape", "dismiss", "Back"),
        Binding("a", "toggle_all", "All countries"),
        Binding("r", "app.choose_region", "Region"),
    ]

    def __init__(
        self,
        resources: Resources,
        own: Resources | None,
        own_file: Path,
        region: str | None = None,
    ) -> None:
        super().__init__(classes="crisis-screen")
        self.resources = resources
        self.own = own
        self.own_file = own_file
        self.region_id = region
        # With no region known there is nothing to narrow down to.
        self.show_all = find_region(resources, region) is None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="crisis"):
            yield Static(DANGER_NOW, id="crisis-first")
            if self.own is not None:
                yield Static("Your own numbers", classes="crisis-group")
                for region in self.own.regions:
                    yield from region_lines(region)
                if self.own.note:
                    yield Static(plain(self.own.note), classes="crisis-note")
            yield from self._bundled()
            yield Static(plain(self.resources.note or CHECK_NUMBERS), classes="crisis-note")
            yield Static(plain(self._keys_words()), classes="crisis-keys")
            yield Static(
                plain(
                    "You can add your own numbers (a friend, your counselor, a local "
                    f"service) in {self.own_file}. Press Escape to go back."
                ),
                classes="crisis-own",
            )
        yield Footer(show_command_palette=False)  # room for the keys that matter here

    def _bundled(self) -> ComposeResult:
        chosen = find_region(self.resources, self.region_id)
        if chosen is not None:
            yield from region_lines(chosen)
        if self.show_all:
            for region in self.resources.regions:
                if region is not chosen:
                    yield from region_lines(region)

    def _keys_words(self) -> str:
        chosen = find_region(self.resources, self.region_id)
        if chosen is None:
            return "Press R to choose your country or region, so its lines come first."
        if self.show_all:
            return f"Showing every country. A: only {chosen.name}. R: change your region."
        return "Somewhere else? A shows every country's lines. R changes your region."

    def on_mount(self) -> None:
        self.sub_title = "Crisis lines"
        self.query_one("#crisis").focus()

    async def action_toggle_all(self) -> None:
        if find_region(self.resources, self.region_id) is None:
            return  # every country is shown already
        self.show_all = not self.show_all
        await self.recompose()
        self.query_one("#crisis").focus()

    async def show_region(self, region: str | None) -> None:
        """Show another region's lines first (the user just chose it)."""
        self.region_id = region
        self.show_all = find_region(self.resources, region) is None
        await self.recompose()
        self.query_one("#crisis").focus()
