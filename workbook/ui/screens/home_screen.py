"""Home: the exercises with their progress, a way back to where you were, and the rest."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from workbook.content.loading import Content as WorkbookContent
from workbook.content.models import Exercise
from workbook.store.database import Clock, WorkbookStore
from workbook.store.drafts import resume_places
from workbook.ui.screens.registry import HomeEntry
from workbook.ui.screens.safety_keys import SAFETY_KEYS
from workbook.ui.widgets.formatting import last_worked_words
from workbook.ui.widgets.key_line import KeyLine

CONTINUE = "continue"
EXERCISE_PREFIX = "exercise:"
ENTRY_PREFIX = "entry:"


def progress_words(exercise: Exercise, store: WorkbookStore, clock: Clock) -> str:
    answers = store.answers_for(exercise.id)
    prompts = exercise.prompts()
    answered = sum(1 for p in prompts if not p.is_empty(answers.get(p.id)))
    last = last_worked_words(store.last_saved(exercise.id), clock())
    return f"{answered} of {len(prompts)} answered · {last}"


class HomeScreen(Screen[None]):
    BINDINGS = [*SAFETY_KEYS]

    def __init__(
        self,
        content: WorkbookContent,
        store: WorkbookStore,
        clock: Clock,
        entries: list[HomeEntry],
        streak: Callable[[], str] = lambda: "",
    ) -> None:
        super().__init__(classes="home-screen")
        self.content = content
        self.store = store
        self.clock = clock
        self.entries = entries
        # The tracker's day count ("Day 12 without contact"); empty until it has one.
        self.streak = streak

    def compose(self) -> ComposeResult:
        yield Header()
        # The tracker fills this with the day count; empty, it takes no room.
        yield Static(id="streak", classes="-empty")
        yield Static("Take your time. Everything you write is saved as you go.", id="home-lead")
        yield OptionList(id="home-menu")
        yield KeyLine()

    def on_mount(self) -> None:
        self.query_one("#home-menu").focus()

    def on_screen_resume(self) -> None:
        # Also sent when home is first shown, so this fills the menu the first time too.
        self.show_menu()

    def show_streak(self, words: str) -> None:
        streak = self.query_one("#streak", Static)
        streak.update(Content(words))
        streak.set_class(not words, "-empty")

    def resume_place(self) -> tuple[Exercise, str] | None:
        places = resume_places(self.store)
        exercise = self.content.catalog.get(places.exercise or "")
        if exercise is None:
            return None
        prompt_id = places.prompts.get(exercise.id)
        if exercise.prompt(prompt_id or "") is None:
            return None
        return exercise, prompt_id

    def menu_options(self) -> list[Option | None]:
        options: list[Option | None] = []
        place = self.resume_place()
        if place is not None:
            exercise, prompt_id = place
            number = next(i for i, p in enumerate(exercise.prompts(), 1) if p.id == prompt_id)
            options.append(
                Option(
                    Content.from_markup(
                        "[b]Continue where you left off[/b]\n[$text-muted]$where",
                        where=f"{exercise.title}, question {number}",
                    ),
                    id=CONTINUE,
                )
            )
            options.append(None)
        for exercise in self.content.catalog.exercises:
            options.append(
                Option(
                    # Two lines, the progress beside the title, so that the whole menu fits
                    # 80x24 for someone coming back (with "Continue where you left off").
                    Content.from_markup(
                        "[b]$title[/b]  [$text-secondary]$progress[/]\n[$text-muted]$summary",
                        title=exercise.title,
                        summary=exercise.summary,
                        progress=progress_words(exercise, self.store, self.clock),
                    ),
                    id=f"{EXERCISE_PREFIX}{exercise.id}",
                )
            )
        if not self.content.catalog.exercises:
            options.append(Option(Content("No exercises were found. See Help."), disabled=True))
        options.append(None)
        for entry in self.entries:
            if entry.shown(self.app):
                options.append(
                    Option(
                        Content.from_markup(
                            "[b]$title[/b]  [$text-muted]$description",
                            title=entry.title,
                            description=entry.description,
                        ),
                        id=f"{ENTRY_PREFIX}{entry.id}",
                    )
                )
        return options

    def show_menu(self) -> None:
        self.show_streak(self.streak())
        menu = self.query_one("#home-menu", OptionList)
        highlighted = menu.highlighted_option.id if menu.highlighted_option else None
        menu.set_options(self.menu_options())
        try:
            menu.highlighted = menu.get_option_index(highlighted) if highlighted else 0
        except OptionDoesNotExist:
            menu.highlighted = 0

    @on(OptionList.OptionSelected, "#home-menu")
    async def _chosen(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id or ""
        if choice == CONTINUE:
            place = self.resume_place()
            if place is not None:
                await self.app.run_action(f"open_exercise({place[0].id!r}, {place[1]!r})")
        elif choice.startswith(EXERCISE_PREFIX):
            await self.app.run_action(f"open_exercise({choice.removeprefix(EXERCISE_PREFIX)!r})")
        elif choice.startswith(ENTRY_PREFIX):
            entry_id = choice.removeprefix(ENTRY_PREFIX)
            entry = next(e for e in self.entries if e.id == entry_id)
            await self.run_action(entry.action)
