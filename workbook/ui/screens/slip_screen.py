"""Recording a slip: the day and a note, beside what the user wrote to themselves for this moment.

A slip is information: it shows what was hard. The words here carry no judgement. The current
stretch starts again on the day of the slip; the earlier days and the longest stretch stay.

Only the Record button records a slip, because it restarts the count. Words written here and
left by the quick exit, or kept when Escape asks "Keep / Discard / Stay", are kept as a draft,
and come back the next time this screen opens. Focus starts on the day, the first field.
"""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Static

from workbook.content.models import DatePrompt, LongTextPrompt
from workbook.store.database import Clock, StoreError, WorkbookStore
from workbook.store.drafts import draft, forget_draft, keep_draft
from workbook.tracker.journal import (
    TrackerInputError,
    if_i_slip,
    local_date,
    record_slip,
    slips,
    streak_for,
)
from workbook.ui.screens.leave_modal import DISCARD, KEEP, LeaveModal
from workbook.ui.screens.safety_keys import SAFETY_KEYS
from workbook.ui.screens.styles import SCREENS_CSS
from workbook.ui.widgets.answer_field import plain
from workbook.ui.widgets.date_field import DateField, date_problem
from workbook.ui.widgets.formatting import day_words, sentence_case
from workbook.ui.widgets.long_text_field import LongTextField
from workbook.ui.widgets.tracker_words import days_words

INTRO = (
    "A slip is information: it shows you what was hard, and what might help next time. "
    "Your earlier days stay counted, and so does your longest "
    "stretch; a new stretch begins on the day of the slip."
)
NO_OWN_WORDS = (
    "Your abstinence plan asks what you want to tell yourself after a slip. What you write "
    "there will be shown here, for a moment like this."
)
DAY = DatePrompt(id="day", label="Which day?")
DRAFT_HINT = (
    "You began writing this earlier and left before recording it. It is not recorded yet: "
    "record it, or go back to let it go."
)
# The draft of a slip written but not recorded: {"text": note, "day": what was typed}.
SLIP_DRAFT = "tracker/slip"
NOTE = LongTextPrompt(
    id="note",
    label="What happened, and what might help next time? Only you will read this.",
    placeholder="Write as much or as little as you like.",
)


class SlipScreen(Screen[None]):
    CSS_PATH = SCREENS_CSS
    BINDINGS = [
        *SAFETY_KEYS,
        Binding("ctrl+s", "record", "Record it"),
        Binding("escape", "leave", "Back"),
    ]

    def __init__(self, store: WorkbookStore, clock: Clock, day: dt.date | None = None) -> None:
        super().__init__(classes="slip-screen tracker-screen")
        self.store = store
        self.today = local_date(clock())
        self.day = day or self.today
        earlier = [s for s in slips(store) if s.day == self.day]
        # A slip already noted for the day: its note is shown, so saving keeps it.
        self.earlier_note = earlier[0].note if earlier else ""
        self.recorded = False
        kept = draft(store, SLIP_DRAFT) or {}
        self.draft_note: str | None = kept.get("text") or None
        self.draft_day: str = kept.get("day") or self.day.isoformat()

    def compose(self) -> ComposeResult:
        own_words = if_i_slip(self.store)
        yield Header()
        with VerticalScroll(id="slip"):
            yield Static(INTRO, id="slip-intro")
            if own_words:
                yield Static("What you wrote for this moment", classes="tracker-label")
                yield Static(plain(own_words), id="if-i-slip", classes="own-words")
            else:
                yield Static(NO_OWN_WORDS, id="if-i-slip", classes="tracker-hint")
            if self.draft_note is not None:
                yield Static(DRAFT_HINT, id="slip-draft", classes="tracker-hint")
            yield Static(plain(DAY.label), classes="tracker-label")
            yield DateField(DAY, self.draft_day, id="slip-day")
            yield Static(plain(NOTE.label), classes="tracker-label")
            yield LongTextField(NOTE, self.draft_note or self.earlier_note, id="slip-note")
            yield Button("Record the slip  ^S", id="record", variant="primary")
        yield Static(id="slip-status", classes="tracker-status")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = "A slip"
        day = self.query_one("#slip-day Input", Input)
        day.focus()
        day.select_all()  # typing another day replaces the one shown

    def _problem(self, words: str) -> None:
        status = self.query_one("#slip-status", Static)
        status.update(plain(words))
        status.add_class("-problem")

    def _write(self) -> str | None:
        """Record the slip; None when kept, else what went wrong, in words."""
        field = self.query_one("#slip-day", DateField)
        if field.value is None:
            return date_problem(field.text) if field.text.strip() else "Write the day, please."
        day = dt.date.fromisoformat(field.value)
        note = self.query_one("#slip-note", LongTextField).value
        try:
            record_slip(self.store, day, note, self.today)
        except TrackerInputError as error:
            return sentence_case(str(error)) + "."
        except (OSError, StoreError) as error:
            return f"Could not save just now ({error}). What you wrote is still here."
        self.day = day
        self.recorded = True
        self._forget_draft()
        return None

    def _forget_draft(self) -> None:
        if self.draft_note is None:
            return
        try:
            forget_draft(self.store, SLIP_DRAFT)
        except (OSError, StoreError):
            return  # the old draft comes back next time: nothing is lost by keeping it
        self.draft_note = None

    def save_now(self) -> bool:
        """On the quick exit: keep what was written as a draft. The slip is not recorded:
        that restarts the count, and only the user's Record does it."""
        note = self.query_one("#slip-note", LongTextField).value
        if self.recorded or note.strip() in ("", self.earlier_note.strip()):
            return True
        day = self.query_one("#slip-day", DateField).text
        try:
            keep_draft(self.store, SLIP_DRAFT, note, day=day)
        except (OSError, StoreError):
            return False
        return True

    @on(Button.Pressed, "#record")
    def action_record(self) -> None:
        problem = self._write()
        if problem is not None:
            self._problem(problem)
            return
        current = streak_for(self.store, self.today)
        words = "Noted."
        if current.current_start == self.day:
            words += f" A new stretch began on {day_words(self.day)}."
        if current.longest:
            words += f" Your longest stretch stays: {days_words(current.longest)}."
        self.notify(words, title="A slip, recorded", timeout=10)
        self.dismiss()

    def action_leave(self) -> None:
        note = self.query_one("#slip-note", LongTextField).value.strip()
        if self.recorded or note == self.earlier_note.strip():
            self._forget_draft()  # nothing new is written here: no draft to come back to
            self.dismiss()
            return

        def answered(choice: str | None) -> None:
            if choice == KEEP:
                if self.save_now():
                    self.notify("Kept as a draft; it comes back when you record a slip.")
                    self.dismiss()
                else:
                    self._problem("Could not keep it just now. What you wrote is still here.")
            elif choice == DISCARD:
                self._forget_draft()
                self.dismiss()

        self.app.push_screen(
            LeaveModal(
                "Go back without recording this slip? You can keep what you wrote as a draft "
                "(it is not recorded), or let it go.",
                keep="Keep as a draft",
                discard="Let it go",
            ),
            answered,
        )
