"""Crisis lines: numbers to call or text, grouped by region. One key away from everywhere."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from workbook.content.models import CrisisLine, Resources
from workbook.ui.screens.safety_keys import SAFETY_KEYS
from workbook.ui.screens.styles import SCREENS_CSS
from workbook.ui.widgets.answer_field import plain

CHECK_NUMBERS = (
    "Numbers differ from country to country and sometimes change: check the ones for "
    "where you live."
)


# The smallest useful resources.json, as the README shows it too.
OWN_EXAMPLE = (
    '{"regions": [{"id": "mine", "name": "My people",\n'
    '  "lines": [{"name": "Sam, my sister", "call": "07700 900123"}]}]}'
)


def line_details(line: CrisisLine) -> str:
    """How to reach a line and when, then what it is for: the lines under its name."""
    ways = []
    if line.call:
        ways.append(f"Call {line.call}")
    if line.text:
        ways.append(f"Text {line.text}")
    if line.hours:
        ways.append(line.hours)
    return "\n".join(part for part in (" · ".join(ways), line.purpose) if part)


class CrisisScreen(Screen[None]):
    CSS_PATH = SCREENS_CSS
    BINDINGS = [*SAFETY_KEYS, Binding("escape", "dismiss", "Back")]

    def __init__(self, resources: Resources, own: Resources | None, own_file: Path) -> None:
        super().__init__(classes="crisis-screen")
        self.resources = resources
        self.own = own
        self.own_file = own_file

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="crisis"):
            yield Static(
                "If you are in danger right now, call your local emergency number.",
                id="crisis-first",
            )
            yield Static(plain(self.resources.note or CHECK_NUMBERS), classes="crisis-note")
            if self.own is not None:
                yield Static("Your own numbers", classes="crisis-group")
                yield from self._regions(self.own)
                if self.own.note:
                    yield Static(plain(self.own.note), classes="crisis-note")
            yield from self._regions(self.resources)
            yield Static(
                plain(
                    "You can add your own numbers (a friend, your counselor, a local "
                    f"service) in {self.own_file}, a text file like this:\n{OWN_EXAMPLE}\n"
                    "Each line needs a name and a number to call or to text; hours and "
                    "purpose are optional. `workbook validate` checks the file. Press Escape "
                    "to go back."
                ),
                classes="crisis-own",
            )
        yield Footer(show_command_palette=False)  # room for the keys that matter here

    def _regions(self, resources: Resources) -> ComposeResult:
        for region in resources.regions:
            yield Static(plain(region.name), classes="crisis-region")
            for line in region.lines:
                yield Static(plain(line.name), classes="crisis-line")
                # Its own widget, indented by a margin, so wrapped lines keep the indent.
                yield Static(plain(line_details(line)), classes="crisis-line -details")

    def on_mount(self) -> None:
        self.sub_title = "Crisis lines"
        self.query_one("#crisis").focus()
