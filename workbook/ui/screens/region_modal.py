"""Pick the user's country or region: it chooses which crisis lines come first, on the crisis
screen and in the plan. Returns the region id, ALL_REGIONS for "somewhere else", or None."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from workbook.content.models import Resources
from workbook.ui.screens.safety_keys import SAFETY_KEYS
from workbook.ui.screens.styles import SCREENS_CSS

# "Somewhere else": every region's lines are shown.
ALL_REGIONS = "all"
QUESTION = "Where do you live?"
WHY = (
    "This chooses the crisis lines you see first, here and in your plan. "
    "You can change it any time from the crisis lines screen (F2)."
)


class RegionModal(ModalScreen[str | None]):
    CSS_PATH = SCREENS_CSS
    BINDINGS = [*SAFETY_KEYS, Binding("escape", "dismiss(None)", "Close")]

    def __init__(self, resources: Resources, current: str | None) -> None:
        super().__init__(classes="modal")
        self.resources = resources
        self.current = current

    def compose(self) -> ComposeResult:
        options = [Option(Content(r.name), id=r.id) for r in self.resources.regions]
        options.append(Option("Somewhere else: show every country's lines", id=ALL_REGIONS))
        with Vertical(classes="modal-box choose-box region-box"):
            yield Static(QUESTION, classes="modal-title")
            yield Static(WHY, classes="modal-text")
            yield OptionList(*options, id="regions")
            yield Static("↑ ↓ then Enter: choose · Escape: keep as it is", classes="modal-hint")

    def on_mount(self) -> None:
        regions = self.query_one("#regions", OptionList)
        try:
            regions.highlighted = regions.get_option_index(self.current or ALL_REGIONS)
        except Exception:  # an id no longer bundled: start at the top
            regions.highlighted = 0
        regions.focus()

    @on(OptionList.OptionSelected, "#regions")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
