"""How `workbook checkin` works: read the options, ask for the rest, save, confirm.

Craving, mood and contact make a check-in; a trigger, what helped and a note are extra.
Anything not given as an option is asked for when there is a terminal to ask in. Without one
(a script, a pipe) a missing answer is a usage error: it never waits for input that cannot come.
Checking in again on the same day updates that day's check-in; options not given keep their
earlier answers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import msgspec

from workbook.cli.passphrase import key_for
from workbook.cli.plain_mode import terminal_lines
from workbook.errors import UserError
from workbook.paths import Paths
from workbook.plain.lines import InputEnded, Interrupted, Lines
from workbook.store.database import WorkbookStore, utc_now
from workbook.tracker.journal import (
    MOODS,
    CheckIn,
    TrackerInputError,
    checkin_for,
    known_triggers,
    local_date,
    local_today,
    save_checkin,
    streak_for,
)
from workbook.tracker.records import check_not_future, parse_day
from workbook.tracker.streak import Streak

EXIT_USAGE = 2
NOTHING_SAVED = "nothing was saved"
REQUIRED = ("craving", "mood", "contact")
OPTION_NAMES = {"craving": "--craving", "mood": "--mood", "contact": "--contact/--no-contact"}

T = TypeVar("T")


# --- reading what was given ------------------------------------------------------------


def parse_craving(text: str) -> int:
    value = text.strip()
    if not (value.isdigit() and 0 <= int(value) <= 10):
        raise TrackerInputError(f"the craving is a whole number from 0 to 10 (you gave {text!r})")
    return int(value)


def parse_mood(text: str) -> str:
    word = text.strip().casefold()
    matches = [mood for mood in MOODS if mood.startswith(word)] if word else []
    if word in MOODS:
        return word
    if len(matches) == 1:
        return matches[0]
    raise TrackerInputError(f"the mood is one of: {', '.join(MOODS)} (you gave {text!r})")


def parse_yes_no(text: str) -> bool:
    word = text.strip().casefold()
    if word in ("y", "yes"):
        return True
    if word in ("n", "no"):
        return False
    raise TrackerInputError("please answer yes or no")


class Given(msgspec.Struct):
    """The check-in fields given as options; None where an option was left out."""

    day: dt.date
    craving: int | None
    mood: str | None
    contact: bool | None
    triggers: list[str] | None
    helped: str | None
    note: str | None


def read_options(args: argparse.Namespace, today: dt.date) -> Given:
    """Check every option before anything is opened; a bad one stops here, changing nothing."""

    def checked(parse: Callable[[str], T], text: str, option: str = "") -> T:
        try:
            return parse(text)
        except TrackerInputError as problem:
            raise UserError(f"{option}{problem}; {NOTHING_SAVED}") from None

    day = today if args.date is None else checked(parse_day, args.date, "--date: ")
    try:
        check_not_future(day, today)
    except TrackerInputError as problem:
        raise UserError(f"--date: {problem}; {NOTHING_SAVED}") from None
    return Given(
        day=day,
        craving=None if args.craving is None else checked(parse_craving, args.craving),
        mood=None if args.mood is None else checked(parse_mood, args.mood),
        contact=args.contact,
        triggers=args.trigger,
        helped=args.helped,
        note=args.note,
    )


def merged(given: Given, earlier: CheckIn | None) -> CheckIn:
    """The given fields on top of the day's earlier check-in, if there is one."""
    base = earlier or CheckIn(given.day)
    changes: dict[str, Any] = {
        name: getattr(given, name)
        for name in ("craving", "mood", "contact", "triggers", "helped", "note")
        if getattr(given, name) is not None
    }
    return msgspec.structs.replace(base, **changes)


def missing(checkin: CheckIn) -> list[str]:
    return [name for name in REQUIRED if getattr(checkin, name) is None]


# --- asking in a terminal --------------------------------------------------------------


class LeftEarly(Exception):
    """The user closed the input (Ctrl+D) before finishing."""


def ask(lines: Lines, question: str, parse: Callable[[str], T]) -> T:
    """Ask until the answer makes sense; an empty answer goes to `parse` as ''. Asked in plain
    lines, as `workbook write` asks: wrapped to the terminal, :quit or Ctrl+D to stop."""
    while True:
        try:
            answer = lines.ask(question)
        except Interrupted:
            raise KeyboardInterrupt from None  # Ctrl+C: leave at once, as before
        except InputEnded:
            raise LeftEarly from None
        if answer.strip().casefold() == ":quit":
            raise LeftEarly
        try:
            return parse(answer)
        except TrackerInputError as problem:
            lines.say(f"  {str(problem)[0].upper()}{str(problem)[1:]}.")


def optional_text(answer: str) -> str:
    return answer.strip()


def trigger_answer(known: list[str]) -> Callable[[str], list[str]]:
    """Numbers from the user's own list (like "1" or "1, 3"), or their own words."""

    def parse(answer: str) -> list[str]:
        text = answer.strip()
        parts = [part.strip() for part in text.split(",")]
        if known and text and all(part.isdigit() for part in parts):
            numbers = [int(part) for part in parts]
            if not all(1 <= n <= len(known) for n in numbers):
                raise TrackerInputError(f"choose a number from 1 to {len(known)}, or type words")
            return [known[n - 1] for n in numbers]
        return [text] if text else []

    return parse


def ask_for_rest(
    checkin: CheckIn, given: Given, known: list[str], today: dt.date, lines: Lines
) -> CheckIn:
    """Ask for each missing field, then the extras that were not given as options."""
    answers: dict[str, Any] = {}
    when = "today" if checkin.day == today else f"on {spoken_day(checkin.day)}"
    if checkin.craving is None:
        answers["craving"] = ask(
            lines,
            f"How strong was the craving {when}, from 0 (none) to 10 (overwhelming)? ",
            parse_craving,
        )
    if checkin.mood is None:
        answers["mood"] = ask(
            lines, f"How was your mood {when}? ({' / '.join(MOODS)}) ", parse_mood
        )
    if checkin.contact is None:
        question = f"Was there any contact with them {when}? (yes / no) "
        answers["contact"] = ask(lines, question, parse_yes_no)
    if given.triggers is None:
        if known:
            lines.say("Your triggers: " + "; ".join(f"{n}) {t}" for n, t in enumerate(known, 1)))
            question = "What set off the pull, if anything? (a number, or your own words) "
        else:
            question = "What set off the pull, if anything? "
        answers["triggers"] = ask(lines, question, trigger_answer(known)) or checkin.triggers
    if given.helped is None:
        answers["helped"] = ask(lines, "What helped? ", optional_text) or checkin.helped
    if given.note is None:
        answers["note"] = ask(lines, "Anything else to note? ", optional_text) or checkin.note
    return msgspec.structs.replace(checkin, **answers)


# --- saying what happened ----------------------------------------------------------------


def spoken_day(day: dt.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def days_line(current: Streak) -> str:
    if current.start is None:
        return "Add your no-contact start date in the abstinence plan to see your days counted."
    if current.days is None:
        ahead = (current.start - current.today).days
        later = "tomorrow" if ahead == 1 else f"in {ahead} days"
        return f"Your no-contact start date is {spoken_day(current.start)}, {later}."
    if current.days == 0:
        return "Your days without contact start counting today."
    line = f"{current.days} day{'s' if current.days != 1 else ''} without contact."
    if current.milestone_today:
        line += " A milestone, reached today."
    if current.longest and current.longest > current.days:
        line += f" Your longest stretch so far: {current.longest} days."
    return line


def confirmation(checkin: CheckIn, today: dt.date, updated: bool, current: Streak) -> str:
    when = "today" if checkin.day == today else spoken_day(checkin.day)
    verb = "Updated your check-in" if updated else "Checked in"
    lines = [f"{verb} for {when}.", days_line(current)]
    if checkin.contact:
        lines.append("You noted contact; it is kept with this check-in.")
    return "\n".join(lines)


def usage_error(args: argparse.Namespace, fields: list[str]) -> int:
    names = " and ".join(OPTION_NAMES[name] for name in fields)
    sys.stderr.write(args.checkin_usage())
    print(
        f"workbook checkin: please give {names} (there is no terminal to ask in); {NOTHING_SAVED}.",
        file=sys.stderr,
    )
    return EXIT_USAGE


def run_checkin(args: argparse.Namespace, paths: Paths) -> int:
    given = read_options(args, local_date(utc_now()))
    can_ask = sys.stdin is not None and sys.stdin.isatty()
    draft = merged(given, None)
    if not can_ask and missing(draft) and not paths.data_file.exists():
        return usage_error(args, missing(draft))  # before the store would create the file

    # The store backs up what it found just before this check-in is written, and at close.
    key = key_for(args, paths)
    with WorkbookStore.open(paths, key=key) as store:
        today = local_today(store)
        earlier = checkin_for(store, given.day)
        checkin = merged(given, earlier)
        if missing(checkin):
            if not can_ask:
                return usage_error(args, missing(checkin))
            try:
                lines = terminal_lines()
                checkin = ask_for_rest(checkin, given, known_triggers(store), today, lines)
            except LeftEarly:
                print(f"\nYou stopped before the end, so {NOTHING_SAVED}.", file=sys.stderr)
                return 1
        try:
            save_checkin(store, checkin, today)
        except TrackerInputError as problem:
            raise UserError(f"{problem}; {NOTHING_SAVED}") from None
        print(confirmation(checkin, today, earlier is not None, streak_for(store, today)))
    return 0


def plain_checkin(lines: Lines, store: WorkbookStore) -> None:
    """Today's check-in from `workbook --plain`: every question asked, in the same words as
    `workbook checkin`; an earlier check-in today is updated."""
    today = local_today(store)
    earlier = checkin_for(store, today)
    if earlier is not None:
        lines.say("You checked in today already; your answers now update it.")
    given = Given(today, None, None, None, None, None, None)
    try:
        checkin = ask_for_rest(CheckIn(today), given, known_triggers(store), today, lines)
    except LeftEarly:
        lines.say(f"You stopped before the end, so {NOTHING_SAVED}.")
        return
    if earlier is not None:
        checkin = msgspec.structs.replace(
            checkin,
            triggers=checkin.triggers or earlier.triggers,
            helped=checkin.helped or earlier.helped,
            note=checkin.note or earlier.note,
        )
    save_checkin(store, checkin, today)
    lines.say(confirmation(checkin, today, earlier is not None, streak_for(store, today)))
