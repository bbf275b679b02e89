"""Every saved version of one answer, newest first; any of them can be brought back."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from workbook.exercises import Exercise, Prompt
from workbook.screens.confirm_modal import ConfirmModal
from workbook.screens.safety_keys import SAFETY_KEYS
from workbook.store import Clock, StoreError, WorkbookStore
from workbook.widgets.answer_field import plain
from workbook.widgets.formatting import sentence_case, when_words
from workbook.widgets.revision_card import RevisionCard


class HistoryScreen(Screen[bool]):
    """Returns True when an older version was brought back (the answer changed)."""

    BINDINGS = [*SAFETY_KEYS, Binding("escape", "close", "Back")]

    def __init__(
        self, exercise: Exercise, prompt: Prompt, store: WorkbookStore, clock: Clock
    ) -> None:
        super().__init__(classes="history-screen")
        self.exercise = exercise
        self.prompt = prompt
        self.store = store
        self.clock = clock
        self.restored = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(plain(self.prompt.label), id="history-title")
        yield Static(id="history-hint")
        yield VerticalScroll(id="revisions")
        yield Footer(show_command_palette=False)  # room for the keys that matter here

    async def on_mount(self) -> None:
        self.sub_title = f"{self.exercise.title}: earlier versions"
        await self.show_revisions()

    async def show_revisions(self) -> None:
        history = self.store.history(self.exercise.id, self.prompt.id)
        now = self.clock()
        cards = [
            RevisionCard(
                self.prompt,
                revision,
                sentence_case(when_words(revision.saved_at, now))
                + (" · your answer now" if index == 0 else ""),
                current=index == 0,
            )
            for index, revision in enumerate(history)
        ]
        holder = self.query_one("#revisions", VerticalScroll)
        await holder.remove_children()
        await holder.mount_all(cards)
        hint = self.query_one("#history-hint", Static)
        if not cards:
            hint.update("Nothing saved for this question yet.")
        elif len(cards) == 1:
            hint.update("One version so far. Each time you come back and change it, one more.")
        else:
            hint.update(
                f"{len(cards)} versions, newest first. Choose one and press Enter to bring "
                "it back; your answer now stays here too."
            )
        if cards:
            cards[0].focus()

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
