"""The keys, in plain words, and where the answers are kept."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Header, Static

from workbook.ui.screens.safety_keys import SAFETY_KEYS
from workbook.ui.screens.styles import SCREENS_CSS
from workbook.ui.widgets.answer_field import plain
from workbook.ui.widgets.key_line import KeyLine

KEY_WIDTH = 18  # the key column, after the group's indent of 2

KEYS = [
    (
        "Everywhere",
        [
            ("Ctrl+Q", "Leave at once. What you typed is saved first; nothing is asked."),
            ("F2 or Ctrl+R", "Crisis lines."),
            ("F3", "An urge, right now: a minute's pause, your own words, then note it."),
            ("F1", "This help (also ? when you are not typing)."),
            ("Ctrl+F", "Find anything you wrote (also / when you are not typing)."),
            ("Ctrl+P", "Find any command: open an exercise, your answers, the theme."),
            (
                "F4",
                "Lock: hide everything until your passphrase is typed. It locks by itself "
                "when you are away. First set a passphrase: Ctrl+P, “Protect with a passphrase”.",
            ),
            ("Tab / Shift+Tab", "Move between the parts of a screen."),
            ("Escape", "Go back."),
            ("← → or Tab", "In a question box: move between its buttons."),
        ],
    ),
    (
        "On the home screen",
        [
            ("↑ ↓ and Enter", "Choose an exercise or another entry."),
        ],
    ),
    (
        "In an exercise",
        [
            ("Ctrl+N / Ctrl+B", "Next question / back to the one before."),
            ("Enter", "In a one-line answer: go to the next question."),
            ("Ctrl+O", "The outline: jump to any question."),
            ("Ctrl+T", "Help with this question, often an example."),
            ("Ctrl+L", "Earlier versions of this answer."),
            ("Ctrl+S", "Save now (it also saves by itself as you type)."),
            ("Scale", "← → or a number key; the mouse works too."),
            ("Choices", "↑ ↓ to move, Enter or Space to choose."),
            (
                "Lists",
                "Type and press Enter to add; Ctrl+↑ ↓ to move an entry;\n"
                "empty an entry to remove it.",
            ),
            (
                "Pairs",
                "Type the first column, Enter, the second, Enter: added.\n"
                "Ctrl+↑ ↓ moves a pair; empty both boxes to remove it.",
            ),
        ],
    ),
    (
        "Your recovery plan",
        [
            ("Space", "Next page."),
            ("Ctrl+S", "Save it as a file: text, Markdown or a web page to print."),
            ("P", "Choose the parts that go in (remembered)."),
            ("Ctrl+E", "Hide the parts not filled in yet."),
        ],
    ),
    (
        "Crisis lines",
        [
            ("A", "Every country's lines, or only your region's."),
            ("R", "Choose your country or region (also in Ctrl+P)."),
        ],
    ),
    (
        "Check-in, urge, slip",
        [
            ("Ctrl+S", "Save it."),
            ("Escape", "Back. With changes, it asks first: keep, discard or stay."),
            ("Tab / Shift+Tab", "Move from one question to the next."),
        ],
    ),
    (
        "Days without contact",
        [
            ("C / S / D", "Check in / record a slip / your no-contact start date."),
            ("T", "Craving and mood over 30 or 90 days."),
            ("Enter", "Change the chosen entry: open a check-in, mark an urge as passed."),
        ],
    ),
    (
        "Finding words",
        [
            ("Type", 'Every word has to appear, in any order; "quotes" find a phrase.'),
            ("Enter", "Open the first result; ↓ ↑ choose another first."),
            ("Escape", "From what you opened, back to the results; again, back."),
        ],
    ),
    (
        "Earlier versions",
        [
            ("↑ ↓ or Tab", "Go through the versions, newest first."),
            ("Enter", "Bring the chosen version back as your answer."),
        ],
    ),
]


def key_table(keys: list[tuple[str, str]]) -> Table:
    """A group's keys as two columns: a long meaning wraps beside its key, under itself.

    One widget draws a whole group; a row of widgets per key (about 130 in all) made the
    help screen's first opening slow.
    """
    table = Table.grid(expand=True)
    table.add_column(width=KEY_WIDTH, style="bold")
    table.add_column(ratio=1)
    for key, meaning in keys:
        table.add_row(Text(key), Text(meaning))  # words, not markup
    return table


def key_groups() -> ComposeResult:
    for group, keys in KEYS:
        yield Static(group, classes="keys-group")
        yield Static(key_table(keys), classes="keys")


class HelpScreen(Screen[None]):
    CSS_PATH = SCREENS_CSS
    BINDINGS = [*SAFETY_KEYS, Binding("escape", "dismiss", "Back")]

    def __init__(self, data_file: Path) -> None:
        super().__init__(classes="help-screen")
        self.data_file = data_file

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="help"):
            yield from key_groups()
            yield Static(
                plain(
                    f"Your answers are kept in {self.data_file}, on this computer only, "
                    "with every earlier version. This is a self-help workbook, not therapy."
                ),
                id="help-data",
            )
        with Horizontal(id="help-buttons"):
            yield Button("Show the welcome again", id="welcome", compact=True)
            yield Button("Crisis lines", id="crisis", compact=True)
        yield KeyLine(palette=False)  # room for the keys that matter here

    def on_mount(self) -> None:
        self.sub_title = "Help"
        self.query_one("#help").focus()

    @on(Button.Pressed, "#welcome")
    async def _welcome(self) -> None:
        await self.app.run_action("show_screen('welcome')")

    @on(Button.Pressed, "#crisis")
    async def _crisis(self) -> None:
        await self.app.run_action("show_screen('crisis')")
