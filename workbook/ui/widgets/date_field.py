"""`date`: a calendar date written YYYY-MM-DD.

A date that is not a date is never saved as the answer, and never thrown away: it stays in
the box, with a message, and is kept as a draft until it is fixed or cleared.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Static

from workbook.ui.widgets.answer_field import AnswerField, plain

# ASCII digits only: "٣" and "３" are digits to Python, but not to a person reading a date.
DATE_SHAPE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
EXAMPLE = "2026-03-14"


def parse_date(text: str) -> str | None:
    """'2026-3-4' or '2026-03-04' -> '2026-03-04'; anything that is not a real date -> None."""
    match = DATE_SHAPE.fullmatch(text.strip())
    if match is None:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return None


def date_problem(text: str) -> str:
    return (
        f"“{text.strip()}” is not a date yet. Write the year, month and day, like {EXAMPLE}. "
        "What you typed is kept."
    )


class DateField(AnswerField):
    def take(self, value: Any, draft: str | None = None) -> None:
        super().take(value, draft)
        self._text = draft if draft else (value if isinstance(value, str) else "")

    def compose(self) -> ComposeResult:
        yield Input(
            self._text,
            placeholder=f"YYYY-MM-DD, for example {EXAMPLE}",
            select_on_focus=False,
            id="date",
        )
        yield Static(id="date-problem")

    def on_mount(self) -> None:
        self._explain(finished=True)

    @property
    def text(self) -> str:
        return self.query_one("#date", Input).value

    @property
    def value(self) -> str | None:
        return parse_date(self.text)

    @property
    def draft(self) -> str | None:
        text = self.text
        return text if text.strip() and parse_date(text) is None else None

    def _explain(self, finished: bool) -> None:
        """Say what is wrong, once the user has typed a whole date's worth or moved on."""
        problem = self.query_one("#date-problem", Static)
        text = self.text
        show = self.draft is not None and (finished or len(text.strip()) >= len(EXAMPLE))
        problem.update(plain(date_problem(text)) if show else "")
        problem.set_class(show, "-shown")

    @on(Input.Changed, "#date")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self._explain(finished=False)
        self.announce()

    @on(Input.Blurred, "#date")
    def _left(self, event: Input.Blurred) -> None:
        self._explain(finished=True)
        date = self.value
        if date is not None and date != self.text:
            self.query_one("#date", Input).value = date  # tidy 2026-3-4 into 2026-03-04

    @on(Input.Submitted, "#date")
    def _entered(self, event: Input.Submitted) -> None:
        self._explain(finished=True)
        if self.draft is not None:
            event.stop()  # stay here until it is a date (or empty)
