"""Asking for the no-contact start date: a day, today or earlier. Returns the day kept, or None."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from workbook.store.database import Clock, StoreError, WorkbookStore
from workbook.tracker.journal import local_date, set_start_date, start_date
from workbook.ui.screens.leave_modal import DISCARD, KEEP, LeaveModal
from workbook.ui.screens.modal_keys import BUTTON_ARROWS
from workbook.ui.screens.safety_keys import SAFETY_KEYS
from workbook.ui.screens.styles import SCREENS_CSS
from workbook.ui.widgets.answer_field import plain
from workbook.ui.widgets.date_field import EXAMPLE, parse_date
from workbook.ui.widgets.formatting import day_words


def day_problem(text: str, today: dt.date) -> str | None:
    """What is wrong with `text` as a start date, or None when it is a day to keep."""
    tidy = parse_date(text)
    if tidy is None:
        return f"“{text.strip()}” is not a date yet. Write the year, month and day, like {EXAMPLE}."
    if dt.date.fromisoformat(tidy) > today:
        return (
            f"That day has not come yet. Choose today ({day_words(today)}) or an earlier day; "
            "you can come back on the day itself."
        )
    return None


class StartDateModal(ModalScreen[dt.date | None]):
    CSS_PATH = SCREENS_CSS
    BINDINGS = [*SAFETY_KEYS, Binding("escape", "leave", "Not now"), *BUTTON_ARROWS]

    def __init__(self, store: WorkbookStore, clock: Clock) -> None:
        super().__init__(classes="modal")
        self.store = store
        self.today = local_date(clock())

    def compose(self) -> ComposeResult:
        known = start_date(self.store)
        self.shown = (known or self.today).isoformat()
        with Vertical(classes="modal-box start-date-box"):
            yield Static("Your no-contact start date", classes="modal-title")
            yield Static(
                "The day your no contact began, or today if it begins now. Your days without "
                "contact are counted from it, and you can change it later.",
                classes="modal-text",
            )
            yield Input(
                self.shown,
                placeholder=f"YYYY-MM-DD, for example {EXAMPLE}",
                select_on_focus=False,
                id="start-date",
            )
            yield Static(id="start-date-problem")
            with Horizontal(classes="modal-buttons"):
                yield Button("Keep this date", id="keep", variant="primary")
                yield Button("Not now", id="not-now")

    def on_mount(self) -> None:
        self.query_one("#start-date", Input).focus()

    @on(Input.Submitted, "#start-date")
    @on(Button.Pressed, "#keep")
    def keep(self) -> None:
        text = self.query_one("#start-date", Input).value
        problem = day_problem(text, self.today)
        if problem is None:
            day = dt.date.fromisoformat(parse_date(text) or "")
            try:
                set_start_date(self.store, day)
            except (OSError, StoreError) as error:
                problem = f"Could not keep it just now ({error}). Please try again."
            else:
                self.dismiss(day)
                return
        shown = self.query_one("#start-date-problem", Static)
        shown.update(plain(problem))
        shown.add_class("-shown")

    @on(Input.Changed, "#start-date")
    def _typing(self) -> None:
        self.query_one("#start-date-problem", Static).remove_class("-shown")

    @on(Button.Pressed, "#not-now")
    def _not_now(self) -> None:
        self.dismiss(None)

    def action_leave(self) -> None:
        """Escape: with a date changed and not kept, ask; otherwise close."""
        typed = self.query_one("#start-date", Input).value.strip()
        if typed == self.shown:
            self.dismiss(None)
            return

        def answered(choice: str | None) -> None:
            if choice == KEEP:
                self.keep()
            elif choice == DISCARD:
                self.dismiss(None)

        self.app.push_screen(
            LeaveModal(
                "Keep the date you typed as your no-contact start date?",
                keep="Keep it",
                discard="Discard it",
            ),
            answered,
        )
