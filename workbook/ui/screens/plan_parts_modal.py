"""Choose the parts that go into the plan (for a copy meant for a friend, say). Returns the
ids to leave out, or None when closed without a change."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, SelectionList, Static

from workbook.ui.screens.safety_keys import SAFETY_KEYS
from workbook.ui.screens.styles import SCREENS_CSS

WHY = (
    "Untick a part to keep it out of your plan and the files you save. The plan says, "
    "in small type, that parts were left out, not which."
)


class PlanPartsModal(ModalScreen[list[str] | None]):
    CSS_PATH = SCREENS_CSS
    BINDINGS = [
        *SAFETY_KEYS,
        Binding("escape", "dismiss(None)", "Close"),
        Binding("ctrl+s", "done", "Done", show=False),
    ]

    def __init__(self, sections: list[tuple[str, str]], left_out: list[str]) -> None:
        super().__init__(classes="modal")
        self.sections = sections
        self.left_out = set(left_out)

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box parts-box"):
            yield Static("What goes into your plan?", classes="modal-title")
            yield Static(WHY, classes="modal-text")
            yield SelectionList[str](
                *(
                    (Content(title), section_id, section_id not in self.left_out)
                    for section_id, title in self.sections
                ),
                id="parts",
            )
            with Horizontal(classes="parts-bar"):
                yield Static("Space: tick or untick · Ctrl+S: done", classes="modal-hint")
                yield Button("Done", id="done", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#parts").focus()

    def action_done(self) -> None:
        kept = set(self.query_one("#parts", SelectionList).selected)
        self.dismiss([section_id for section_id, _ in self.sections if section_id not in kept])

    @on(Button.Pressed, "#done")
    def _done(self) -> None:
        self.action_done()
