"""The outline of an exercise: every section and question, to jump to any of them."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from workbook.content.models import Exercise
from workbook.ui.screens.modal_keys import BUTTON_ARROWS
from workbook.ui.screens.safety_keys import SAFETY_KEYS
from workbook.ui.screens.styles import SCREENS_CSS

# Targets that cannot clash with a prompt id (those start with a letter or digit).
INTRODUCTION = ":intro"
ALL_ANSWERS = ":answers"


class OutlineModal(ModalScreen[str | None]):
    """Returns a prompt id, INTRODUCTION, ALL_ANSWERS, or None to stay where you were."""

    CSS_PATH = SCREENS_CSS

    BINDINGS = [*SAFETY_KEYS, Binding("escape", "dismiss(None)", "Close"), *BUTTON_ARROWS]

    def __init__(self, exercise: Exercise, answered: set[str], current: str | None) -> None:
        super().__init__(classes="modal")
        self.exercise = exercise
        self.answered = answered
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box outline-box"):
            yield Static(Content(f"Outline: {self.exercise.title}"), classes="modal-title")
            yield OptionList(*self._options(), id="outline")
            yield Static("Enter: go there · Escape: stay here · ✓ answered", classes="modal-hint")

    def _options(self) -> list[Option | None]:
        options: list[Option | None] = [
            Option(Content("Introduction"), id=INTRODUCTION),
            Option(Content("Read all my answers on one page"), id=ALL_ANSWERS),
        ]
        number = 0
        for index, section in enumerate(self.exercise.sections, start=1):
            options.append(None)
            options.append(
                Option(
                    Content.from_markup("[b]$title", title=f"{index}. {section.title}"),
                    disabled=True,
                )
            )
            for prompt in section.prompts:
                number += 1
                mark = "✓" if prompt.id in self.answered else " "
                options.append(Option(Content(f" {mark} {number}. {prompt.label}"), id=prompt.id))
        return options

    def on_mount(self) -> None:
        outline = self.query_one("#outline", OptionList)
        target = self.current or INTRODUCTION
        outline.highlighted = outline.get_option_index(target)

    @on(OptionList.OptionSelected, "#outline")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
