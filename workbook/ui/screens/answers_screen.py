"""All of one exercise's answers on one readable page."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from workbook.content.models import Exercise
from workbook.store.database import Clock, WorkbookStore
from workbook.ui.screens.history_screen import HistoryScreen
from workbook.ui.screens.safety_keys import SAFETY_KEYS
from workbook.ui.screens.styles import SCREENS_CSS
from workbook.ui.widgets.answer_block import AnswerBlock
from workbook.ui.widgets.answer_field import plain
from workbook.ui.widgets.formatting import when_words


class AnswersScreen(Screen[None]):
    CSS_PATH = SCREENS_CSS
    BINDINGS = [*SAFETY_KEYS, Binding("escape", "dismiss", "Back")]

    def __init__(self, exercise: Exercise, store: WorkbookStore, clock: Clock) -> None:
        super().__init__(classes="answers-screen")
        self.exercise = exercise
        self.store = store
        self.clock = clock

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            "Your answers as they are now. Choose one and press Enter to see its earlier versions.",
            id="answers-hint",
        )
        yield VerticalScroll(id="answers")
        yield Footer(show_command_palette=False)  # room for the keys that matter here

    async def on_mount(self) -> None:
        self.sub_title = f"{self.exercise.title}: your answers"
        await self.show_answers()

    async def on_screen_resume(self) -> None:
        await self.show_answers()

    async def show_answers(self) -> None:
        answers = self.store.answers_for(self.exercise.id)
        now = self.clock()
        holder = self.query_one("#answers", VerticalScroll)
        focused = self.focused.prompt.id if isinstance(self.focused, AnswerBlock) else None
        widgets: list[Static | AnswerBlock] = []
        number = 0
        for section in self.exercise.sections:
            widgets.append(Static(plain(section.title), classes="answers-section"))
            for prompt in section.prompts:
                number += 1
                history = self.store.history(self.exercise.id, prompt.id)
                note = f"Changed {when_words(history[0].saved_at, now)}" if history else ""
                if len(history) > 1:
                    note += f" · {len(history)} versions"
                widgets.append(AnswerBlock(number, prompt, answers.get(prompt.id), note))
        await holder.remove_children()
        await holder.mount_all(widgets)
        blocks = list(holder.query(AnswerBlock))
        target = next((b for b in blocks if b.prompt.id == focused), blocks[0] if blocks else None)
        if target is not None:
            target.focus(scroll_visible=focused is not None)

    @on(AnswerBlock.HistoryWanted)
    def _history(self, message: AnswerBlock.HistoryWanted) -> None:
        self.app.push_screen(
            HistoryScreen(self.exercise, message.block.prompt, self.store, self.clock)
        )
