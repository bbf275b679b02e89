"""Working through one exercise: its intro, then one question per page, saved as you type.

Every change goes into `PendingSaves`; a thread worker writes it about a second after the
typing stops. Moving to another question writes at once in the background; leaving the
screen (or the app, with Ctrl+Q) writes synchronously first. Each time the user arrives at a
question starts a new `visit`, so its history holds one revision per visit.
"""

from __future__ import annotations

import contextlib
import uuid
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, ContentSwitcher, Footer, Header, Input, Static
from textual.worker import Worker, WorkerState

from workbook.content.models import ChoicePrompt, CrisisLine, Exercise, Prompt, Region
from workbook.store.database import Clock, StoreError, WorkbookStore
from workbook.store.drafts import RESUME_SETTING, PendingAnswer, PendingSaves, saved_draft
from workbook.ui.screens.safety_keys import SAFETY_KEYS
from workbook.ui.screens.styles import SCREENS_CSS
from workbook.ui.widgets.answer_field import AnswerField, plain
from workbook.ui.widgets.crisis_lines import danger_lines
from workbook.ui.widgets.formatting import when_words
from workbook.ui.widgets.prompt_page import PromptPage

AUTOSAVE_DELAY = 1.0
RETRY_DELAY = 5.0
INTRO = "intro"


def page_id(prompt_id: str) -> str:
    return f"page-{prompt_id}"


def save_problem(error: BaseException) -> str:
    reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return f"Could not save just now ({reason}). What you typed is still here."


class ExerciseScreen(Screen[None]):
    CSS_PATH = SCREENS_CSS
    BINDINGS = [
        *SAFETY_KEYS,
        Binding("escape", "leave", "Home"),
        # Shown on the Back and Next buttons instead of the footer, which is full.
        Binding("ctrl+n", "next", "Next", show=False),
        Binding("ctrl+b", "back", "Back", show=False),
        Binding("ctrl+o", "outline", "Outline"),
        Binding("ctrl+t", "toggle_help", "Help text", show=False),
        Binding("ctrl+l", "history", "Earlier versions", show=False),
        Binding("ctrl+s", "save_now", "Save now", show=False),
    ]

    def __init__(
        self,
        exercise: Exercise,
        store: WorkbookStore,
        clock: Clock,
        *,
        start_at: str | None = None,
    ) -> None:
        super().__init__(classes="exercise-screen")
        self.exercise = exercise
        self.store = store
        self.clock = clock
        self.prompts = exercise.prompts()
        self.start_at = start_at if exercise.prompt(start_at or "") else None
        self.pending = PendingSaves(store)
        # What the store holds (or is about to): a change equal to it is no change.
        self.known: dict[str, Any] = store.answers_for(exercise.id)
        # Words kept as drafts (a date that is not a date yet), by prompt id.
        self.drafts: dict[str, str] = {}
        self.current: str | None = None
        self.visits: dict[str, str] = {}
        self._save_timer: Timer | None = None

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="place")
        if self.store.read_only:
            yield Static(
                plain(
                    f"{self.store.read_only_reason} You can read your answers here, "
                    "but changes cannot be kept."
                ),
                id="read-only-banner",
            )
        with (
            ContentSwitcher(id="pages", initial=INTRO),
            VerticalScroll(id=INTRO, classes="intro-page"),
        ):
            if self.start_at is None:
                yield self._intro_text()
            yield Static(plain(self._intro_facts()), id="intro-facts")
            with Horizontal(id="intro-buttons"):
                yield Button(self._begin_label(), id="begin", variant="primary")
                if self.last_prompt() is not None:
                    yield Button("Start at the beginning", id="from-start")
        with Horizontal(id="nav"):
            yield Button("← Back ^B", id="back", compact=True)
            yield Static(id="save-status")
            yield Button("Next ^N →", id="next", compact=True)
        yield Footer(show_command_palette=False)  # room for the keys that matter here

    async def on_mount(self) -> None:
        self.sub_title = self.exercise.title
        await self.show(self.start_at)

    def _intro_text(self) -> Widget:
        # Imported and built only when the intro is shown: opened at a question (continuing
        # where the user left off), the screen's first opening does not load markdown-it and
        # pygments (about 60 ms) for a page nobody sees.
        from textual.widgets import Markdown

        return Markdown(self.exercise.intro, id="intro-text")

    def _intro_facts(self) -> str:
        facts = [
            f"{len(self.exercise.sections)} sections",
            f"{len(self.prompts)} questions",
        ]
        if self.exercise.minutes:
            facts.append(f"about {self.exercise.minutes} minutes for a first pass")
        answered = len(self.answered())
        if answered:
            facts.append(f"{answered} answered so far")
        return " · ".join(facts) + ". You can stop at any time; everything is saved as you go."

    def answered(self) -> set[str]:
        """The ids of the prompts with an answer saved."""
        return {p.id for p in self.prompts if not p.is_empty(self.known.get(p.id))}

    def _begin_label(self) -> str:
        last = self.last_prompt()
        if last is None:
            return "Begin"
        return f"Continue at question {self._number(last)}"

    def _number(self, prompt_id: str) -> int:
        return next(i for i, p in enumerate(self.prompts, start=1) if p.id == prompt_id)

    def last_prompt(self) -> str | None:
        places = self.store.setting(RESUME_SETTING, {}) or {}
        prompt_id = (places.get("prompts") or {}).get(self.exercise.id)
        return prompt_id if self.exercise.prompt(prompt_id or "") else None

    # --- moving between pages -----------------------------------------------------------

    @property
    def page(self) -> PromptPage | None:
        if self.current is None:
            return None
        return self.query_one(f"#{page_id(self.current)}", PromptPage)

    async def show(self, prompt_id: str | None) -> None:
        """Go to a question (None: the intro), saving the one being left."""
        if self.current is not None:
            self._queue_from_field()
            self._save_in_background()
        switcher = self.query_one("#pages", ContentSwitcher)
        if prompt_id is None:
            if not self.query("#intro-text"):
                await self.query_one(f"#{INTRO}").mount(self._intro_text(), before="#intro-facts")
            self.current = None
            switcher.current = INTRO
            self._show_place()
            # The intro is read from its first line; Begin has the focus all the same (the
            # bar at the bottom says so), without scrolling the intro down to it.
            self.query_one("#begin", Button).focus(scroll_visible=False)
            self.query_one(f"#{INTRO}", VerticalScroll).scroll_home(animate=False)
            return
        if not self.query(f"#{page_id(prompt_id)}"):
            await switcher.mount(self._make_page(prompt_id))
        # Only now, with its page built: handlers that run while the page is being mounted
        # (a screen resuming after the outline closed) read the current page's answer.
        self.current = prompt_id
        switcher.current = page_id(prompt_id)
        self.visits[prompt_id] = uuid.uuid4().hex
        self._show_place()
        self._show_note()
        self._remember_place(prompt_id)
        page = self.page
        assert page is not None
        page.scroll_home(animate=False)
        if self.store.read_only:
            page.field.disabled = True
        page.field.focus_answer()

    def _make_page(self, prompt_id: str) -> PromptPage:
        prompt = self.exercise.prompt(prompt_id)
        section = self.exercise.section_of(prompt_id)
        assert prompt is not None and section is not None
        draft = saved_draft(self.store, self.exercise.id, prompt_id)
        if draft is not None:
            self.drafts[prompt_id] = draft
        return PromptPage(
            section,
            prompt,
            self.known.get(prompt_id),
            draft,
            first_in_section=section.prompts[0].id == prompt_id,
            id=page_id(prompt_id),
            danger=self._danger_lines(prompt),
        )

    def _danger_lines(self, prompt: Prompt) -> list[tuple[Region, list[CrisisLine]]]:
        """For a question like "Are you in any danger?": the lines to show under it."""
        if not (isinstance(prompt, ChoicePrompt) and prompt.show_crisis_lines_for):
            return []
        content = getattr(self.app, "content", None)
        if content is None:
            return []
        return danger_lines(
            content.resources, content.user_resources, getattr(self.app, "region", None)
        )

    def _show_place(self) -> None:
        place = self.query_one("#place", Static)
        at_intro = self.current is None
        self.query_one("#back", Button).disabled = at_intro
        if at_intro:
            place.update(plain(f"{self.exercise.title} · Introduction"))
            self.query_one("#next", Button).label = "Begin ^N →"
            return
        prompt_id = self.current
        section = self.exercise.section_of(prompt_id)
        number = self._number(prompt_id)
        section_number = self.exercise.sections.index(section) + 1
        place.update(
            plain(
                f"Section {section_number} of {len(self.exercise.sections)} · {section.title}"
                f" · Question {number} of {len(self.prompts)}"
            )
        )
        last = number == len(self.prompts)
        self.query_one("#next", Button).label = "Finish ^N" if last else "Next ^N →"

    def _show_note(self) -> None:
        page = self.page
        if page is None:
            return
        history = self.store.history(self.exercise.id, page.prompt.id)
        if not history:
            page.show_note("")
            return
        note = f"Last changed {when_words(history[0].saved_at, self.clock())}."
        earlier = len(history) - 1
        if earlier:
            versions = "version" if earlier == 1 else "versions"
            note += f" {earlier} earlier {versions}: Ctrl+L."
        page.show_note(note)

    def _remember_place(self, prompt_id: str) -> None:
        places = dict(self.store.setting(RESUME_SETTING, {}) or {})
        places["exercise"] = self.exercise.id
        places["prompts"] = {**(places.get("prompts") or {}), self.exercise.id: prompt_id}
        self.run_worker(
            lambda: self.store.set_setting(RESUME_SETTING, places),
            thread=True,
            group="settings",
            exit_on_error=False,
        )

    def _neighbour(self, step: int) -> str | bool | None:
        """The prompt `step` away from the current one; None for the intro, False past the end."""
        ids = [None, *(p.id for p in self.prompts)]
        index = ids.index(self.current) + step
        if index < 0:
            return False
        return ids[index] if index < len(ids) else False

    async def action_next(self) -> None:
        target = self._neighbour(1)
        if target is False:
            self.finish()
        else:
            await self.show(target)

    async def action_back(self) -> None:
        target = self._neighbour(-1)
        if target is not False:
            await self.show(target)

    def finish(self) -> None:
        if not self.save_now():
            return
        open_count = len(self.prompts) - len(self.answered())
        if open_count == 0:
            self.notify(
                "You have answered every question. Your answers are saved.", title="Well done"
            )
        else:
            questions = "question is" if open_count == 1 else "questions are"
            self.notify(
                f"That was the last question. {open_count} {questions} still open, whenever "
                "you are ready: the outline (Ctrl+O) marks the answered ones with ✓.",
                title="Your answers are saved",
            )
        self.dismiss()

    def action_leave(self) -> None:
        # If the answers cannot be written, stay: the words are still here, and the user
        # has been told why.
        if self.save_now():
            self.dismiss()

    def action_toggle_help(self) -> None:
        if self.page is not None:
            self.page.toggle_help()

    def action_outline(self) -> None:
        from workbook.ui.screens.outline_modal import OutlineModal

        self.app.push_screen(
            OutlineModal(self.exercise, self.answered(), self.current), self._outline_chosen
        )

    async def _outline_chosen(self, target: str | None) -> None:
        from workbook.ui.screens.outline_modal import ALL_ANSWERS, INTRODUCTION

        if target is None:
            return
        if target == ALL_ANSWERS:
            self.save_now()
            await self.app.run_action(f"open_answers({self.exercise.id!r})")
        elif target == INTRODUCTION:
            await self.show(None)
        else:
            await self.show(target)

    def action_history(self) -> None:
        if self.current is None:
            return
        self.save_now()
        prompt = self.exercise.prompt(self.current)
        assert prompt is not None
        from workbook.ui.screens.history_screen import HistoryScreen

        self.app.push_screen(HistoryScreen(self.exercise, prompt, self.store, self.clock))

    async def on_screen_resume(self) -> None:
        """Back from a screen that may have brought back an older answer: show what is saved."""
        # First make sure everything typed here is written (a background save may still be
        # running); if it cannot be, the store is no guide to what the user meant to keep.
        if not self.save_now() or self.pending:
            return
        for page in self.query(PromptPage):
            if not page.built:
                continue  # still being mounted, from the answers as they are now
            prompt_id = page.prompt.id
            stored = self.store.answer(self.exercise.id, prompt_id)
            if stored == self.known.get(prompt_id) or prompt_id in self.drafts:
                continue
            self.known[prompt_id] = stored
            await page.field.load(stored)
            self.visits[prompt_id] = uuid.uuid4().hex
            if prompt_id == self.current:
                self._show_note()
                page.field.focus_answer()

    @on(Button.Pressed, "#begin")
    async def _begin(self) -> None:
        last = self.last_prompt()
        await self.show(last if last is not None else self.prompts[0].id)

    @on(Button.Pressed, "#from-start")
    async def _from_start(self) -> None:
        await self.show(self.prompts[0].id)

    @on(Button.Pressed, "#next")
    async def _next_pressed(self) -> None:
        await self.action_next()

    @on(Button.Pressed, "#back")
    async def _back_pressed(self) -> None:
        await self.action_back()

    @on(Input.Submitted)
    async def _entered(self, event: Input.Submitted) -> None:
        # Enter at the end of a one-line answer moves on, like turning a page.
        event.stop()
        await self.action_next()

    # --- saving ---------------------------------------------------------------------------

    @on(AnswerField.AnswerChanged, "#answer")
    def _answer_changed(self, message: AnswerField.AnswerChanged) -> None:
        message.stop()
        if self._queue(message.field.prompt, message.value, message.draft):
            self._restart_save_timer(AUTOSAVE_DELAY)

    def _queue(self, prompt: Prompt, value: Any, draft: str | None) -> bool:
        """Put a change in the queue; False when there is nothing new to save."""
        if self.store.read_only:
            return False
        if draft is not None:
            if self.drafts.get(prompt.id) == draft:
                return False
            self.drafts[prompt.id] = draft
        else:
            known = self.known.get(prompt.id)
            same = value == known or (prompt.is_empty(value) and prompt.is_empty(known))
            if same and prompt.id not in self.drafts:
                return False
            self.known[prompt.id] = value
            self.drafts.pop(prompt.id, None)
        visit = self.visits.setdefault(prompt.id, uuid.uuid4().hex)
        self.pending.put(self.exercise.id, prompt.id, PendingAnswer(value, visit, draft))
        self.query_one("#save-status", Static).update("")
        return True

    def _queue_from_field(self) -> None:
        """Read the answer straight from the widget: its last keystroke may not have been
        announced yet."""
        page = self.page
        if page is not None:
            field = page.field
            self._queue(field.prompt, field.value, field.draft)

    def _restart_save_timer(self, delay: float) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(delay, self._save_in_background)

    def _save_in_background(self) -> None:
        if self.pending:
            self.run_worker(self.pending.flush, thread=True, group="autosave", exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "autosave":
            return
        status = self.query_one("#save-status", Static)
        if event.state == WorkerState.SUCCESS:
            status.update(f"Saved {self.clock().astimezone():%H:%M}")
            status.remove_class("-problem")
        elif event.state == WorkerState.ERROR and event.worker.error is not None:
            status.update(plain(save_problem(event.worker.error)))
            status.add_class("-problem")
            self._restart_save_timer(RETRY_DELAY)

    def save_now(self) -> bool:
        """Write what is on screen, synchronously (leaving the screen or the app)."""
        self._queue_from_field()
        if self._save_timer is not None:
            self._save_timer.stop()
        try:
            self.pending.flush()
        except (OSError, StoreError) as error:
            self.notify(save_problem(error), severity="error", timeout=10)
            return False
        return True

    def action_save_now(self) -> None:
        if self.save_now():
            self.query_one("#save-status", Static).update(
                f"Saved {self.clock().astimezone():%H:%M}"
            )

    def on_screen_suspend(self) -> None:
        # Another screen covers this one (history, crisis lines, help): write in the background.
        self._queue_from_field()
        self._save_in_background()

    def on_unmount(self) -> None:
        # The widgets are gone by now; what they announced is still in the queue.
        # If even this fails (a full disk), the screen is closing anyway: it was said on screen.
        if self.pending:
            with contextlib.suppress(OSError, StoreError):
                self.pending.flush()
