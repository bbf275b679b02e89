"""How `workbook checkin` works: read the options, ask for the rest, save, confirm.

Craving, mood and contact make a check-in; a trigger, what helped and a note are extra.
Anything not given as an option is asked for when there is a terminal to ask in (an earlier
answer for the day is kept by pressing Enter). Without one (a script, a pipe) a missing answer
is a usage error: it never waits for input that cannot come. Checking in again on the same day
updates that day's check-in; options not given keep their earlier answers; when nothing
changed, it says so and writes nothing. Contact outside the plan is a slip (see records.py).
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
from workbook.cli.text_args import FROM_STDIN, ascii_number, clean_argument, read_stdin_text
from workbook.cli.warnings import say_warnings
from workbook.errors import UserError
from workbook.paths import Paths
from workbook.plain.lines import InputEnded, Interrupted, Lines
from workbook.store.database import COMMAND, WorkbookStore, utc_now
from workbook.tracker.journal import (
    CONTACT_ALLOWED,
    CONTACT_NONE,
    CONTACT_OUTSIDE,
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
CONTACT_ANSWERS = {
    CONTACT_NONE: ("n", "no", "none"),
    CONTACT_ALLOWED: ("a", "allowed", "plan"),
    CONTACT_OUTSIDE: ("o", "outside"),
}

T = TypeVar("T")


# --- reading what was given ------------------------------------------------------------


def parse_craving(text: str) -> int:
    value = ascii_number(text)
    if value is None or not 0 <= value <= 10:
        raise TrackerInputError(f"the craving is a whole number from 0 to 10 (you gave {text!r})")
    return value


def parse_mood(text: str) -> str:
    word = text.strip().casefold()
    matches = [mood for mood in MOODS if mood.startswith(word)] if word else []
    if word in MOODS:
        return word
    if len(matches) == 1:
        return matches[0]
    raise TrackerInputError(f"the mood is one of: {', '.join(MOODS)} (you gave {text!r})")


def parse_contact(text: str) -> str:
    word = text.strip().casefold()
    for contact, words in CONTACT_ANSWERS.items():
        if word in words:
            return contact
    raise TrackerInputError(
        "please answer none, allowed (only what your plan allows) or outside (your plan)"
    )


class Given(msgspec.Struct):
    """The check-in fields given as options; None where an option was left out."""

    day: dt.date
    craving: int | None
    mood: str | None
    contact: str | None
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

    words = words_given(args)
    day = today if args.date is None else checked(parse_day, clean_argument(args.date), "--date: ")
    try:
        check_not_future(day, today)
    except TrackerInputError as problem:
        raise UserError(f"--date: {problem}; {NOTHING_SAVED}") from None
    return Given(
        day=day,
        craving=None
        if args.craving is None
        else checked(parse_craving, clean_argument(args.craving)),
        mood=None if args.mood is None else checked(parse_mood, clean_argument(args.mood)),
        contact=args.contact,
        **words,
    )


TEXT_OPTIONS = {
    "triggers": ("--trigger", "what set off the pull"),
    "helped": ("--helped", "what helped"),
    "note": ("--note", "your note"),
}


def words_given(args: argparse.Namespace) -> dict[str, Any]:
    """--trigger, --helped and --note, each from its argument, or from stdin when it is "-"."""
    given = {"triggers": args.trigger, "helped": args.helped, "note": args.note}
    from_stdin = [
        name
        for name, value in given.items()
        if value == FROM_STDIN or (isinstance(value, list) and FROM_STDIN in value)
    ]
    if len(from_stdin) > 1 and not (sys.stdin and sys.stdin.isatty()):
        options = " and ".join(TEXT_OPTIONS[name][0] for name in from_stdin)
        raise UserError(f"{options}: only one can be read from standard input; {NOTHING_SAVED}")
    words: dict[str, Any] = {}
    for name, value in given.items():
        option, what = TEXT_OPTIONS[name]
        if isinstance(value, list):
            words[name] = [
                read_stdin_text(option, what) if item == FROM_STDIN else clean_argument(item)
                for item in value
            ]
        elif value is not None:
            words[name] = (
                read_stdin_text(option, what) if value == FROM_STDIN else clean_argument(value)
            )
        else:
            words[name] = None
    return words


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


def ask(lines: Lines, question: str, parse: Callable[[str], T], earlier: T | None = None) -> T:
    """Ask until the answer makes sense, in plain lines as `workbook write` asks (wrapped to the
    terminal, :quit or Ctrl+D to stop); an empty answer keeps `earlier` when there is one, and
    otherwise goes to `parse` as ''."""
    if earlier is not None and earlier not in ("", []):
        shown = "; ".join(earlier) if isinstance(earlier, list) else earlier
        question = f"{question.rstrip()} [Enter keeps: {shown}] "
    while True:
        try:
            answer = lines.ask(question)
        except Interrupted:
            raise KeyboardInterrupt from None  # Ctrl+C: leave at once, as before
        except InputEnded:
            raise LeftEarly from None
        if answer.strip().casefold() == ":quit":
            raise LeftEarly
        if not answer.strip() and earlier is not None:
            return earlier
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
        numbers = [ascii_number(part) for part in parts]
        if known and text and None not in numbers:
            if not all(1 <= n <= len(known) for n in numbers):
                raise TrackerInputError(f"choose a number from 1 to {len(known)}, or type words")
            return [known[n - 1] for n in numbers]
        return [text] if text else []

    return parse


def ask_for_rest(
    checkin: CheckIn, given: Given, known: list[str], today: dt.date, lines: Lines
) -> CheckIn:
    """Ask for every field not given as an option; Enter keeps the day's earlier answer."""
    answers: dict[str, Any] = {}
    when = "today" if checkin.day == today else f"on {spoken_day(checkin.day)}"
    if given.craving is None:
        answers["craving"] = ask(
            lines,
            f"How strong was the craving {when}, from 0 (none) to 10 (overwhelming)? ",
            parse_craving,
            checkin.craving,
        )
    if given.mood is None:
        question = f"How was your mood {when}? ({' / '.join(MOODS)}) "
        answers["mood"] = ask(lines, question, parse_mood, checkin.mood)
    if given.contact is None:
        question = (
            f"Was there any contact with them {when}? (none / allowed: only what your plan "
            "allows / outside: outside your plan, a slip) "
        )
        answers["contact"] = ask(lines, question, parse_contact, checkin.contact)
    if given.triggers is None:
        if known:
            lines.say("Your triggers: " + "; ".join(f"{n}) {t}" for n, t in enumerate(known, 1)))
            question = "What set off the pull, if anything? (a number, or your own words) "
        else:
            question = "What set off the pull, if anything? "
        answers["triggers"] = ask(lines, question, trigger_answer(known), checkin.triggers or None)
    if given.helped is None:
        answers["helped"] = ask(lines, "What helped? ", optional_text, checkin.helped or None)
    if given.note is None:
        answers["note"] = ask(lines, "Anything else to note? ", optional_text, checkin.note or None)
    return msgspec.structs.replace(checkin, **answers)


def left_out(given: Given) -> bool:
    fields = ("craving", "mood", "contact", "triggers", "helped", "note")
    return any(getattr(given, name) is None for name in fields)


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
    lines = [f"{verb} for {when}."]
    if checkin.contact == CONTACT_OUTSIDE:
        lines.append(
            "Contact outside your plan counts as a slip: a new stretch begins on "
            f"{spoken_day(checkin.day)}. Your earlier days stay counted."
        )
    elif checkin.contact == CONTACT_ALLOWED:
        lines.append("Contact your plan allows: your days keep counting.")
    lines.append(days_line(current))
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
    if can_ask and hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(errors="replace")  # a byte that is not UTF-8 is "�", not a crash
    draft = merged(given, None)
    if not can_ask and missing(draft) and not paths.data_file.exists():
        return usage_error(args, missing(draft))  # before the store would create the file

    # The store backs up what it found just before this check-in is written, and at close.
    key = key_for(args, paths)
    with WorkbookStore.open(paths, holder=COMMAND, key=key) as store:
        today = local_today(store)
        earlier = checkin_for(store, given.day)
        checkin = merged(given, earlier)
        if missing(checkin) and not can_ask:
            return usage_error(args, missing(checkin))
        if can_ask and left_out(given):
            try:
                lines = terminal_lines()
                checkin = ask_for_rest(checkin, given, known_triggers(store), today, lines)
            except LeftEarly:
                print(f"\nYou stopped before the end, so {NOTHING_SAVED}.", file=sys.stderr)
                return 1
        if earlier is not None and checkin.fields() == earlier.fields():
            when = "today" if checkin.day == today else spoken_day(checkin.day)
            print(f"Nothing changed: your check-in for {when} is as it was.")
            return 0
        try:
            save_checkin(store, checkin, today)
        except TrackerInputError as problem:
            raise UserError(f"{problem}; {NOTHING_SAVED}") from None
        print(confirmation(checkin, today, earlier is not None, streak_for(store, today)))
    say_warnings(store)  # after close: the backup taken on the way out is in them too
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
        # Every question is asked; Enter keeps what the day's earlier check-in said.
        checkin = ask_for_rest(merged(given, earlier), given, known_triggers(store), today, lines)
    except LeftEarly:
        lines.say(f"You stopped before the end, so {NOTHING_SAVED}.")
        return
    save_checkin(store, checkin, today)
    lines.say(confirmation(checkin, today, earlier is not None, streak_for(store, today)))
