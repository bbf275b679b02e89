"""The tracker in plain words: the day count, a check-in, an urge, a slip, in a line or two.

No judgement in any of it: a slip starts a new stretch, and the earlier days stay counted.
Imported by the app for the home screen's top line, so it stays light (no Textual).
"""

from __future__ import annotations

import datetime as dt

from workbook.store.database import WorkbookStore
from workbook.tracker.journal import checkin_for, local_today, streak_for
from workbook.tracker.records import (
    CONTACT_ALLOWED,
    CONTACT_NONE,
    CONTACT_OUTSIDE,
    CheckIn,
    Slip,
    Urge,
)
from workbook.tracker.streak import Streak
from workbook.ui.widgets.formatting import day_words


def days_words(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def short_day(day: dt.date) -> str:
    """'Sat 14 Mar', for the history list."""
    return f"{day:%a} {day.day} {day:%b}"


def spoken_day(day: dt.date, today: dt.date) -> str:
    """'today', 'yesterday', or 'Thursday 12 March 2026'."""
    if day == today:
        return "today"
    if day == today - dt.timedelta(days=1):
        return "yesterday"
    return f"{day:%A} {day_words(day)}"


def streak_line(current: Streak) -> str:
    """The day count in one line: "12 days without contact · your longest stretch: 20 days"."""
    if current.start is None:
        return "Set your no-contact start date to see your days counted."
    if current.days is None:
        ahead = (current.start - current.today).days
        later = "tomorrow" if ahead == 1 else f"in {ahead} days"
        return f"Your no-contact time begins {later}, on {day_words(current.start)}."
    if current.days == 0:
        first = (
            "A new stretch begins today"
            if len(current.stretches) > 1
            else "Your days without contact begin today"
        )
    else:
        first = f"{days_words(current.days)} without contact"
    parts = [first]
    if current.milestone_today:
        parts.append("a milestone today")
    if current.longest is not None and current.longest > current.days:
        parts.append(f"longest: {days_words(current.longest)}")
    return " · ".join(parts)


def home_streak_line(store: WorkbookStore) -> str:
    """The home screen's top line: the day count, and whether today has its check-in."""
    today = local_today(store)
    line = streak_line(streak_for(store, today))
    if checkin_for(store, today) is not None:
        line += " · checked in today"
    return line


def streak_details(current: Streak) -> str:
    """Where the count starts and what comes next, under the day count on the tracker screen."""
    if current.start is None or current.days is None:
        return "Press D to choose your no-contact start date."
    lines = [f"Counting from {day_words(current.current_start or current.start)}."]
    if len(current.stretches) > 1:
        lines.append(f"Your first stretch began on {day_words(current.start)}.")
        if current.days and current.days == current.longest:
            lines.append("This one is your longest so far.")
    if current.next_milestone:
        to_go = current.next_milestone - current.days
        when = "tomorrow" if to_go == 1 else f"in {days_words(to_go)}"
        lines.append(f"Next milestone: {days_words(current.next_milestone)}, {when}.")
    return " ".join(lines)


# --- entries ---------------------------------------------------------------------------


# The same three meanings as everywhere (records.CONTACTS), short enough for one line.
CONTACT_SHORT = {
    CONTACT_NONE: "no contact",
    CONTACT_ALLOWED: "contact your plan allows",
    CONTACT_OUTSIDE: "contact outside your plan: a slip",
}


def checkin_words(checkin: CheckIn) -> tuple[str, str]:
    """A check-in as a heading and a quieter line of details (possibly empty)."""
    facts = ["Check-in"]
    if checkin.craving is not None:
        facts.append(f"craving {checkin.craving} of 10")
    if checkin.mood:
        facts.append(f"mood: {checkin.mood}")
    if checkin.contact is not None:
        facts.append(CONTACT_SHORT[checkin.contact])
    details = []
    if checkin.triggers:
        details.append("Set off by: " + ", ".join(checkin.triggers))
    if checkin.helped:
        details.append(f"Helped: {checkin.helped}")
    if checkin.note:
        details.append(f"Note: {checkin.note}")
    return " · ".join(facts), " · ".join(details)


def urge_words(urge: Urge) -> tuple[str, str]:
    facts = ["An urge", f"strength {urge.intensity} of 10"]
    if urge.passed is True:
        facts.append("it passed")
    details = []
    if urge.trigger:
        details.append(f"Set off by: {urge.trigger}")
    if urge.did:
        details.append(f"You did: {urge.did}")
    return " · ".join(facts), " · ".join(details)


def slip_words(slip: Slip) -> tuple[str, str]:
    return "A slip · a new stretch began", slip.note
