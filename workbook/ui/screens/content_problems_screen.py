"""Exercise or crisis-line files of the user's that could not be loaded, and what to do."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from workbook.ui.screens.safety_keys import SAFETY_KEYS
from workbook.ui.screens.styles import SCREENS_CSS
from workbook.ui.widgets.answer_field import plain


class ContentProblemsScreen(Screen[None]):
    CSS_PATH = SCREENS_CSS
    BINDINGS = [*SAFETY_KEYS, Binding("escape", "dismiss", "Back")]

    def __init__(self, problems: list[str], exercises_dir: Path, resources_file: Path) -> None:
        super().__init__(classes="problems-screen")
        self.problems = problems
        self.exercises_dir = exercises_dir
        self.resources_file = resources_file

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="problems"):
            yield Static(
                "Some of your own files could not be used, so they were skipped. Everything "
                "else works as usual, and nothing in these files was changed.",
                id="problems-lead",
            )
            for problem in self.problems:
                yield Static(plain(problem), classes="problem")
            yield Static(
                plain(
                    "To fix a file, edit it where it is named above and open the workbook "
                    f"again: your own exercises are in {self.exercises_dir}, your own crisis "
                    f"lines in {self.resources_file}. `workbook validate` in a terminal "
                    "checks them and says what is wrong."
                ),
                id="problems-advice",
            )
        yield Footer(show_command_palette=False)  # room for the keys that matter here

    def on_mount(self) -> None:
        self.sub_title = "Files that were skipped"
        self.query_one("#problems").focus()
