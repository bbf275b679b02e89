"""Plain mode set up from the command line: `workbook write`, and `workbook --plain` (or
WORKBOOK_PLAIN=1). The conversations are in workbook/plain/; this decides their streams and
width, turns a closed terminal, SIGTERM and Ctrl+C into a clean stop, and opens the store.

Exit status: 0 when the user finishes or types :quit, 1 when the input ends in the middle of a
question (what was typed is saved), 130 after Ctrl+C, 2 for an exercise or question that
does not exist.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import signal
import sys
from collections.abc import Iterator

from workbook.content.loading import Content, load_content
from workbook.content.models import Exercise
from workbook.content.regions import REGION_SETTING, chosen_region, guess_region
from workbook.errors import UserError
from workbook.paths import Paths
from workbook.plain.conversation import Conversation, Ending, resume_place
from workbook.plain.home import Home, choose_exercise, welcome
from workbook.plain.lines import Hangup, InputEnded, Interrupted, Lines
from workbook.plain.words import crisis_words
from workbook.store.database import StoreLockedError, WorkbookStore
from workbook.tracker.journal import local_date

EXIT_OK, EXIT_INPUT_ENDED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_HANGUP = 0, 1, 2, 130, 129
ENDINGS = {
    Ending.FINISHED: EXIT_OK,
    Ending.QUIT: EXIT_OK,
    Ending.INPUT_ENDED: EXIT_INPUT_ENDED,
    Ending.INTERRUPTED: EXIT_INTERRUPTED,
}


def terminal_lines() -> Lines:
    """stdin and stdout as a conversation, as wide as the terminal (80 for a pipe)."""
    width = shutil.get_terminal_size(fallback=(80, 24)).columns
    return Lines(sys.stdin, sys.stdout, width)


@contextlib.contextmanager
def stops_cleanly(lines: Lines) -> Iterator[None]:
    """A closed terminal (SIGHUP), SIGTERM and Ctrl+C stop the conversation between saves,
    never in the middle of one; everything given before is already written."""

    def hang_up(signum: int, _frame: object) -> None:
        lines.stop(Hangup())

    def interrupt(signum: int, _frame: object) -> None:
        lines.stop(KeyboardInterrupt())

    wanted = {signal.SIGINT: interrupt, signal.SIGTERM: hang_up}
    if hasattr(signal, "SIGHUP"):
        wanted[signal.SIGHUP] = hang_up
    before = {signum: signal.signal(signum, handler) for signum, handler in wanted.items()}
    try:
        with lines.keeping_typing():
            yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)


def region_of(args: argparse.Namespace, store: WorkbookStore, content: Content) -> str | None:
    """The user's region, as the app decides it: their choice, else the locale's guess."""
    guess = guess_region(getattr(args, "locale_name", None), content.resources)
    return chosen_region(store.setting(REGION_SETTING), guess, content.resources)


def today_of(store: WorkbookStore):
    return lambda: local_date(store.clock())


def find_exercise(content: Content, wanted: str) -> Exercise:
    exercises = content.catalog.exercises
    words = wanted.strip().casefold()
    if words.isascii() and words.isdigit() and 1 <= int(words) <= len(exercises):
        return exercises[int(words) - 1]
    for exercise in exercises:
        if words in (exercise.id, exercise.title.casefold()):
            return exercise
    names = ", ".join(f"{n} {e.id}" for n, e in enumerate(exercises, start=1))
    raise UsageProblem(f"there is no exercise called {wanted!r}; the exercises are: {names}")


def find_question(exercise: Exercise, wanted: str) -> int:
    prompts = exercise.prompts()
    words = wanted.strip()
    if words.isascii() and words.isdigit() and 1 <= int(words) <= len(prompts):
        return int(words) - 1
    ids = [p.id for p in prompts]
    if words in ids:
        return ids.index(words)
    raise UsageProblem(
        f"{exercise.title} has no question {wanted!r}: give a number from 1 to {len(prompts)} "
        "or a question's id"
    )


class UsageProblem(Exception):
    pass


@contextlib.contextmanager
def opened(paths: Paths, args: argparse.Namespace | None = None) -> Iterator[WorkbookStore]:
    """The store, unlocked first when the workbook is protected (the passphrase is asked)."""
    from workbook.cli.passphrase import key_for

    key = key_for(args, paths)
    try:
        store = WorkbookStore.open(paths, key=key)
    except StoreLockedError:
        raise UserError(
            f"{paths.data_file}: the workbook is open in another window. Close it there "
            "first, then write here; nothing was changed."
        ) from None
    with store:
        yield store


def run_conversation(lines: Lines, talk) -> int:
    """Run `talk` (which returns an Ending) and turn how it ended into an exit status."""
    with stops_cleanly(lines):
        try:
            return ENDINGS[talk()]
        except (KeyboardInterrupt, Interrupted):
            lines.say()
            lines.say("Stopped. What you typed is saved.")
            return EXIT_INTERRUPTED
        except Hangup:
            return EXIT_HANGUP


def run_write(args: argparse.Namespace, paths: Paths) -> int:
    lines = terminal_lines()
    content = load_content(paths)
    try:
        if args.start and not args.exercise:
            raise UsageProblem("--from needs the exercise too, like: workbook write 1 --from 5")
        exercise = find_exercise(content, args.exercise) if args.exercise else None
        start = find_question(exercise, args.start) if exercise and args.start else None
    except UsageProblem as problem:
        print(f"workbook write: {problem}", file=sys.stderr)
        return EXIT_USAGE
    with opened(paths, args) as store:
        today = today_of(store)

        def talk() -> Ending:
            welcome(lines, store)  # the first time only, whichever way plain mode is started
            chosen = exercise
            if chosen is None:
                try:
                    chosen = choose_exercise(lines, store, content)
                except InputEnded:
                    lines.say()
                    lines.say("The input ended before an exercise was chosen. Nothing changed.")
                    return Ending.INPUT_ENDED
                if chosen is None:
                    return Ending.QUIT
            first = start if start is not None else resume_place(chosen, store)
            crisis = lambda: crisis_words(  # noqa: E731
                content.resources, content.user_resources, region_of(args, store, content)
            )
            return Conversation(lines, store, chosen, crisis, today).run(first)

        return run_conversation(lines, talk)


def run_home(args: argparse.Namespace, paths: Paths) -> int:
    """`workbook --plain`: the first-run words, then a numbered home."""
    lines = terminal_lines()
    content = load_content(paths)
    with opened(paths, args) as store:
        today = today_of(store)

        def checkin() -> None:
            from workbook.cli.daily_checkin import plain_checkin

            plain_checkin(lines, store)

        def plan_text() -> str:
            from workbook.plan.export import store_plan
            from workbook.plan.render import renderer_named

            return renderer_named("text").render(store_plan(content, store, today()))

        region = lambda: region_of(args, store, content)  # noqa: E731
        home = Home(lines, store, content, today, checkin, plan_text, region)
        return run_conversation(lines, home.run)
