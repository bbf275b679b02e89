"""Every saved version of one answer, newest first; any of them can be brought back."""

from __future__ import annotations

import datetime as dt

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Header, Static

from workbook.content.models import Exercise, Prompt
from workbook.store.database import Clock, Revision, StoreError, WorkbookStore
from workbook.ui.screens.confirm_modal import ConfirmModal
from workbook.ui.screens.safety_keys import SAFETY_KEYS
from workbook.ui.screens.styles import SCREENS_CSS
from workbook.ui.widgets.answer_field import plain
from workbook.ui.widgets.formatting import answer_words, local, when_words
from workbook.ui.widgets.key_line import KeyLine
from workbook.ui.widgets.revision_card import RevisionCard
from workbook.ui.widgets.version_words import change_words, shared_minutes, version_heading

# Versions shown at a time: a prompt written to daily for years has thousands, and each
# card is laid out in full (about 3 ms of CPU each, measured with 10 against 20 a page).
PAGE_SIZE = 10


class HistoryScreen(Screen[bool]):
    """Returns True when an older version was brought back (the answer changed)."""

    CSS_PATH = SCREENS_CSS

    BINDINGS = [*SAFETY_KEYS, Binding("escape", "close", "Back")]

    def __init__(
        self,
        exercise: Exercise,
        prompt: Prompt,
        store: WorkbookStore,
        clock: Clock,
        *,
        start_at: dt.datetime | None = None,
    ) -> None:
        super().__init__(classes="history-screen")
        self.exercise = exercise
        self.prompt = prompt
        self.store = store
        self.clock = clock
        self.restored = False
        self.history: list[Revision] = []
        # Opened at one version (from a search): the list starts there, newer ones a button away.
        self.start_at = start_at
        self.first = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(plain(self.prompt.label), id="history-title")
        yield Static(id="history-hint")
        yield VerticalScroll(id="revisions")
        yield KeyLine(palette=False)  # room for the keys that matter here

    async def on_mount(self) -> None:
        self.sub_title = f"{self.exercise.title}: earlier versions"
        await self.show_revisions()

    async def show_revisions(self) -> None:
        self.history = self.store.history(self.exercise.id, self.prompt.id)
        self.first = next((i for i, r in enumerate(self.history) if r.saved_at == self.start_at), 0)
        self.start_at = None  # once: after a version is brought back, the newest come first
        holder = self.query_one("#revisions", VerticalScroll)
        await holder.remove_children()
        self.query_one("#history-hint", Static).update(self.hint())
        await self.show_older()
        await self.offer_newer()
        cards = holder.query(RevisionCard)
        if cards:
            cards.first().focus()

    def hint(self) -> str:
        count = len(self.history)
        if count == 0:
            return "Nothing saved for this question yet."
        if count == 1:
            return "One version so far. Each time you come back and change it, one more."
        return (
            f"{count} versions, newest first. Choose one and press Enter to bring it back; "
            "your answer now stays here too."
        )

    async def show_older(self) -> None:
        """Add the next page of versions below the ones shown, and a button for the rest."""
        holder = self.query_one("#revisions", VerticalScroll)
        shown = self.first + len(holder.query(RevisionCard))
        cards = self.cards(shown, shown + PAGE_SIZE)
        await holder.query("#older").remove()
        await holder.mount_all(cards)
        rest = len(self.history) - shown - len(cards)
        if rest > 0:
            more = min(rest, PAGE_SIZE)
            await holder.mount(Button(f"Show {more} older ({rest} in all)", id="older"))

    def cards(self, start: int, end: int) -> list[RevisionCard]:
        now = self.clock()
        end = min(end, len(self.history))
        # Words of the shown versions and the one just older, to say what changed.
        texts = {
            i: answer_words(self.prompt, self.history[i].value)
            for i in range(start, min(end + 1, len(self.history)))
        }
        same_minute = shared_minutes([r.saved_at for r in self.history])
        cards = []
        for index in range(start, end):
            revision = self.history[index]
            text = texts[index]
            older = texts.get(index + 1)
            seconds = local(revision.saved_at).timetuple()[:5] in same_minute
            heading = version_heading(
                text,
                revision.saved_at,
                now,
                seconds=seconds,
                current=index == 0,
                number=len(self.history) - index,
            )
            change = None if older is None else change_words(text, older)
            cards.append(RevisionCard(self.prompt, revision, heading, index == 0, change))
        return cards

    async def offer_newer(self) -> None:
        """Above a list opened at an older version: a button for the newer ones."""
        holder = self.query_one("#revisions", VerticalScroll)
        await holder.query("#newer").remove()
        if self.first > 0:
            more = min(self.first, PAGE_SIZE)
            newer = Button(f"Show {more} newer ({self.first} in all)", id="newer")
            await holder.mount(newer, before=0)

    @on(Button.Pressed, "#newer")
    async def _newer(self) -> None:
        holder = self.query_one("#revisions", VerticalScroll)
        start = max(0, self.first - PAGE_SIZE)
        cards = self.cards(start, self.first)
        await holder.mount_all(cards, after=holder.query_one("#newer"))
        self.first = start
        await self.offer_newer()
        cards[-1].focus()

    @on(Button.Pressed, "#older")
    async def _older(self) -> None:
        holder = self.query_one("#revisions", VerticalScroll)
        first_new = len(holder.query(RevisionCard))
        await self.show_older()
        holder.query(RevisionCard)[first_new].focus()

    def action_close(self) -> None:
        self.dismiss(self.restored)

    @on(RevisionCard.Chosen)
    @work
    async def _chosen(self, message: RevisionCard.Chosen) -> None:
        card = message.card
        if card.current:
            self.notify("This is already your answer.")
            return
        if self.store.read_only:
            self.notify("This workbook is open read-only, so nothing can be changed.")
            return
        when = when_words(card.revision.saved_at, self.clock())
        confirmed = await self.app.push_screen_wait(
            ConfirmModal(
                f"Bring back the version from {when}? It becomes your answer now. "
                "The answer you have now stays in this list.",
                yes="Bring it back",
            )
        )
        if not confirmed:
            return
        try:
            self.store.restore_revision(self.exercise.id, self.prompt.id, card.revision)
        except (OSError, StoreError) as error:
            self.notify(f"Could not bring it back: {error}", severity="error")
            return
        self.restored = True
        self.notify("Brought back. It is your answer now.")
        await self.show_revisions()
