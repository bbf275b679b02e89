"""Today's check-in: the craving, the mood, any contact, what set it off, what helped, a note.

One check-in per day: opening it again the same day shows what was saved, to change. An
earlier day can be checked in too, by changing the date at the top. The answer widgets are the
exercise screen's own (a scale, choices, yes or no), fed with prompts made here.

Saved with Ctrl+S or the button. Escape with changes asks "Keep", "Discard" or "Stay" (Stay
focused): it never saves or throws away by itself. The quick exit saves what was typed.
Focus starts on the date, the first field, so typing a day never touches the craving scale.
"""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Static

from workbook.content.models import (
    OTHER_PREFIX,
    ChecklistPrompt,
    ChoicePrompt,
    DatePrompt,
    LongTextPrompt,
    ScalePrompt,
    TextPrompt,
)
from workbook.store.database import Clock, StoreError, WorkbookStore
from workbook.tracker.journal import (
    CONTACT_WORDS,
    CONTACTS,
    MOODS,
    CheckIn,
    TrackerInputError,
    checkin_for,
    known_triggers,
    local_date,
    save_checkin,
    slips,
)
from workbook.ui.screens.confirm_modal import ConfirmModal
from workbook.ui.screens.leave_modal import DISCARD, KEEP, LeaveModal
from workbook.ui.screens.safety_keys import SAFETY_KEYS
from workbook.ui.screens.styles import SCREENS_CSS
from workbook.ui.widgets.answer_field import AnswerField, plain
from workbook.ui.widgets.checklist_field import ChecklistField
from workbook.ui.widgets.choice_field import ChoiceField
from workbook.ui.widgets.date_field import DateField, date_problem
from workbook.ui.widgets.formatting import day_words, sentence_case
from workbook.ui.widgets.long_text_field import LongTextField
from workbook.ui.widgets.scale_field import ScaleField
from workbook.ui.widgets.text_field import TextField
from workbook.ui.widgets.tracker_words import spoken_day

DAY = DatePrompt(id="day", label="Which day is this check-in for?")
CRAVING = ScalePrompt(
    id="craving",
    label="How strong was the pull towards them?",
    min_label="none",
    max_label="overwhelming",
)
MOOD = ChoicePrompt(id="mood", label="How was your mood?", options=list(MOODS))
CONTACT = ChoicePrompt(
    id="contact",
    label="Was there any contact with them?",
    options=[CONTACT_WORDS[c] for c in CONTACTS],
)
CONTACT_OF_WORDS = {words: contact for contact, words in CONTACT_WORDS.items()}
HELPED = TextPrompt(id="helped", label="What helped?", placeholder="A walk, a friend, sleep…")
NOTE = LongTextPrompt(
    id="note", label="Anything else, just for you", placeholder="Write here, if you like."
)
TRIGGERS_LABEL = "What set off the pull, if anything?"
OWN_TRIGGER = TextPrompt(
    id="triggers", label=TRIGGERS_LABEL, placeholder="In your own words, if anything"
)


def triggers_prompt(known: list[str]) -> ChecklistPrompt:
    # The user's own triggers from the abstinence plan, each once; their own words beside.
    return ChecklistPrompt(
        id="triggers", label=TRIGGERS_LABEL, options=list(dict.fromkeys(known)), other=True
    )


class CheckinScreen(Screen[None]):
    CSS_PATH = SCREENS_CSS
    BINDINGS = [
        *SAFETY_KEYS,
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "leave", "Back"),
    ]

    def __init__(self, store: WorkbookStore, clock: Clock, day: dt.date | None = None) -> None:
        super().__init__(classes="checkin-screen tracker-screen")
        self.store = store
        self.clock = clock
        self.today = local_date(clock())
        self.day = day or self.today
        self.known = known_triggers(store)
        # What the store holds for self.day: the form differs from it when there is news.
        self.saved = checkin_for(store, self.day) or CheckIn(self.day)

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        saved = self.saved
        yield Header()
        yield Static(id="checkin-title", classes="tracker-title")
        with VerticalScroll(id="checkin-form"):
            yield Static(plain(DAY.label), classes="tracker-label")
            yield DateField(DAY, self.day.isoformat(), id="checkin-day")
            yield Static(plain(CRAVING.label), classes="tracker-label")
            yield ScaleField(CRAVING, saved.craving, id="craving")
            yield Static(plain(MOOD.label), classes="tracker-label")
            yield ChoiceField(MOOD, saved.mood, id="mood", classes="-across")
            yield Static(plain(CONTACT.label), classes="tracker-label")
            yield ChoiceField(CONTACT, CONTACT_WORDS.get(saved.contact or ""), id="contact")
            yield Static(plain(TRIGGERS_LABEL), classes="tracker-label")
            if self.known:
                yield ChecklistField(triggers_prompt(self.known), saved.triggers, id="triggers")
            else:
                yield TextField(OWN_TRIGGER, "; ".join(saved.triggers), id="triggers")
            yield Static(plain(HELPED.label), classes="tracker-label")
            yield TextField(HELPED, saved.helped, id="helped")
            yield Static(plain(NOTE.label), classes="tracker-label")
            yield LongTextField(NOTE, saved.note, id="note")
            yield Button("Save the check-in  ^S", id="save", variant="primary")
        yield Static(id="checkin-status", classes="tracker-status")
        yield Footer(show_command_palette=False)  # room for the keys that matter here

    def on_mount(self) -> None:
        self.sub_title = "Check-in"
        self._show_title()
        day = self.query_one("#checkin-day Input", Input)
        day.focus()
        day.select_all()  # typing another day replaces the one shown

    def _show_title(self) -> None:
        when = spoken_day(self.day, self.today)
        words = f"Check-in for {when}"
        if self.day >= self.today - dt.timedelta(days=1):
            words += f", {self.day:%A} {day_words(self.day)}"
        if checkin_for(self.store, self.day) is not None:
            words += " · saved earlier; change anything you like"
        self.query_one("#checkin-title", Static).update(plain(words))

    def say(self, words: str, problem: bool = False) -> None:
        status = self.query_one("#checkin-status", Static)
        status.update(plain(words))
        status.set_class(problem, "-problem")

    # --- what is on the screen -----------------------------------------------------------

    def form(self) -> CheckIn:
        """The check-in as the screen shows it now, for self.day."""
        triggers_field = self.query_one("#triggers", AnswerField)
        if isinstance(triggers_field, ChecklistField):
            triggers = [t.removeprefix(OTHER_PREFIX) for t in triggers_field.value]
        else:
            own = triggers_field.value.strip()
            triggers = [own] if own else []
        return CheckIn(
            day=self.day,
            craving=self.query_one("#craving", ScaleField).value,
            mood=self.query_one("#mood", ChoiceField).value,
            contact=CONTACT_OF_WORDS.get(self.query_one("#contact", ChoiceField).value or ""),
            triggers=triggers,
            helped=self.query_one("#helped", TextField).value,
            note=self.query_one("#note", LongTextField).value,
        )

    def changed(self) -> bool:
        return self.form().fields() != self.saved.fields()

    def day_problem(self) -> str | None:
        """Why the date at the top cannot be used, or None (self.day is then that date)."""
        field = self.query_one("#checkin-day", DateField)
        if field.value is None:
            return date_problem(field.text) if field.text.strip() else "Write the day, please."
        day = dt.date.fromisoformat(field.value)
        if day > self.today:
            return (
                f"{day_words(day)} has not come yet. A check-in is for today "
                f"({day_words(self.today)}) or an earlier day."
            )
        self.day = day
        return None

    # --- changing the day ---------------------------------------------------------------

    @on(AnswerField.AnswerChanged, "#checkin-day")
    async def _day_typed(self, message: AnswerField.AnswerChanged) -> None:
        message.stop()
        field = self.query_one("#checkin-day", DateField)
        # Only a whole date: "2026-03-1" on the way to "2026-03-12" is not meant yet.
        if message.value is None or len(field.text.strip()) < len("2026-03-14"):
            return
        day = dt.date.fromisoformat(message.value)
        if day > self.today:
            self.say(self.day_problem() or "", problem=True)
            return
        if day == self.day:
            return
        untouched = not self.changed()
        self.day = day
        earlier = checkin_for(self.store, day)
        self.saved = earlier or CheckIn(day)
        self._show_title()
        if untouched:
            await self._fill(self.saved)
            self.say("")
        elif earlier is not None:
            self.say(
                f"There is already a check-in for {day_words(day)}. Saving puts what is on "
                "this screen in its place."
            )
        else:
            self.say("")

    async def _fill(self, checkin: CheckIn) -> None:
        triggers = self.query_one("#triggers", AnswerField)
        await self.query_one("#craving", ScaleField).load(checkin.craving)
        await self.query_one("#mood", ChoiceField).load(checkin.mood)
        await self.query_one("#contact", ChoiceField).load(CONTACT_WORDS.get(checkin.contact or ""))
        listed = isinstance(triggers, ChecklistField)
        await triggers.load(checkin.triggers if listed else "; ".join(checkin.triggers))
        await self.query_one("#helped", TextField).load(checkin.helped)
        await self.query_one("#note", LongTextField).load(checkin.note)

    # --- saving -------------------------------------------------------------------------

    def _write(self) -> str | None:
        """Save the form for its day; None when kept, else what went wrong, in words."""
        problem = self.day_problem()
        if problem is not None:
            return problem
        checkin = self.form()
        try:
            save_checkin(self.store, checkin, self.today)
        except TrackerInputError as error:
            return sentence_case(str(error)) + "."
        except (OSError, StoreError) as error:
            return f"Could not save just now ({error}). What you wrote is still here."
        self.saved = checkin
        return None

    def save_now(self) -> bool:
        """Keep what was typed, quietly (the quick exit calls this on its way out)."""
        return not self.changed() or self._write() is None

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        was_slip = self.saved.is_slip
        problem = self._write()
        if problem is not None:
            self.say(problem, problem=True)
            return
        checkin = self.saved
        self.notify(f"Your check-in for {spoken_day(checkin.day, self.today)} is saved.")
        slip_noted = any(slip.day == checkin.day for slip in slips(self.store))
        if checkin.is_slip and not was_slip and not slip_noted:
            self.app.push_screen(
                ConfirmModal(
                    f"Contact outside your plan {self._when(checkin.day)} counts as a slip: a "
                    "new stretch begins that day, and your earlier days stay counted. A slip "
                    "is information about what was hard. Would you like to write about it? "
                    "That is up to you.",
                    yes="Write about it",
                    no="Not now",
                ),
                self._slip_answered,
            )
            return
        self.dismiss()

    def _when(self, day: dt.date) -> str:
        when = spoken_day(day, self.today)
        return when if when in ("today", "yesterday") else f"on {when}"

    def _slip_answered(self, record: bool | None) -> None:
        if not record:
            self.dismiss()
            return
        from workbook.ui.screens.slip_screen import SlipScreen

        self.app.switch_screen(SlipScreen(self.store, self.clock, self.day))

    def action_leave(self) -> None:
        """Back. With changes, ask first: keep them, let them go, or stay."""
        if not self.changed():
            self.dismiss()
            return
        self.app.push_screen(
            LeaveModal(
                "This check-in has changes that are not saved yet. Keep them?",
                keep="Keep them",
                discard="Discard them",
            ),
            self._leave_answered,
        )

    def _leave_answered(self, choice: str | None) -> None:
        if choice == KEEP:
            self.action_save()  # stays, saying why, when it cannot be kept
        elif choice == DISCARD:
            self.dismiss()
