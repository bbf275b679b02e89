"""One saved version of an answer, readable in full; focusable so it can be chosen."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget

from workbook.content.models import Prompt
from workbook.store.database import Revision
from workbook.ui.widgets.focus import focus_sibling
from workbook.ui.widgets.formatting import answer_words
from workbook.ui.widgets.hanging_text import hang_text


class RevisionCard(Widget, can_focus=True):
    """One widget draws the whole card. A Vertical holding a Static per line and a HangingText
    was up to four widgets a card, and the widgets, not the words, were most of the history
    screen's opening time (about 5 ms of CPU a card, ten cards to a page)."""

    DEFAULT_CSS = """
    RevisionCard {
        height: auto;
    }
    """
    # Styled in screens.tcss, as the heading's and the change's own widgets were.
    COMPONENT_CLASSES = {"revision-card--heading", "revision-card--change"}
    BINDINGS = [
        ("enter", "choose", "Bring back"),
        Binding("down", "step(1)", "Next", show=False),
        Binding("up", "step(-1)", "Previous", show=False),
    ]

    class Chosen(Message):
        def __init__(self, card: RevisionCard) -> None:
            super().__init__()
            self.card = card

        @property
        def control(self) -> RevisionCard:
            return self.card

    def __init__(
        self,
        prompt: Prompt,
        revision: Revision,
        heading: str,
        current: bool,
        change: str | None = None,
    ) -> None:
        super().__init__(classes="revision-card")
        self.prompt = prompt
        self.revision = revision
        self.heading = heading
        self.current = current
        # What changed from the version before it, when that is short enough to say.
        self.change = change
        self.set_class(current, "-current")
        self.text = answer_words(prompt, revision.value)

    def card_content(self, width: int) -> Content:
        """The heading and the change wrap as any text does; the answer's lines wrap with
        their hanging indent (as HangingText's do)."""
        lines = [Content.styled(self.heading, self.get_visual_style("revision-card--heading"))]
        if self.change:
            change_style = self.get_visual_style("revision-card--change")
            lines.append(Content.styled(f"Changed: {self.change}", change_style))
        lines.extend(Content(line) for line in hang_text(self.text, width))
        return Content("\n").join(lines)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.card_content(width).get_height(self.styles, width)

    def render(self) -> Content:
        return self.card_content(self.content_size.width)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The answer now cannot be brought back: it is already here.
        return not (action == "choose" and self.current)

    def action_choose(self) -> None:
        self.post_message(self.Chosen(self))

    def on_click(self) -> None:
        self.focus()

    def action_step(self, step: int) -> None:
        focus_sibling(self, step)
