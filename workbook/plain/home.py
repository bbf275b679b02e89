"""`workbook --plain`: the workbook's home as a numbered list, and the first-run words.

Each choice starts its own conversation: an exercise (conversation.py), the crisis lines,
the plan read out, or today's check-in (which the command line hands in, since it lives
with `workbook checkin`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from workbook.content.loading import Content
from workbook.content.models import Exercise
from workbook.plain.conversation import Conversation, Ending, numbers_in, resume_place
from workbook.plain.lines import InputEnded, Interrupted, Lines
from workbook.plain.words import crisis_words, first_run_words
from workbook.store.database import WorkbookStore
from workbook.store.drafts import RESUME_SETTING

WELCOME_SEEN = "welcome_seen"  # the app's setting: words said here are not said again there


def progress_words(exercise: Exercise, store: WorkbookStore) -> str:
    answers = store.answers_for(exercise.id)
    prompts = exercise.prompts()
    answered = sum(1 for p in prompts if not p.is_empty(answers.get(p.id)))
    return f"{answered} of {len(prompts)} answered"


def welcome(lines: Lines, store: WorkbookStore) -> None:
    """The first-run words, once: after them the app does not show its welcome either."""
    if store.setting(WELCOME_SEEN, False):
        return
    for paragraph in first_run_words(store.paths.data_file):
        lines.say(paragraph)
        lines.say()
    store.set_setting(WELCOME_SEEN, True)


def choose_exercise(lines: Lines, store: WorkbookStore, content: Content) -> Exercise | None:
    """Ask which exercise; Enter alone continues where the user left off (when there is such
    a place). None when there is nothing to choose."""
    exercises = content.catalog.exercises
    if not exercises:
        lines.say("No exercises were found. `workbook validate` says why.")
        return None
    places = store.setting(RESUME_SETTING, {}) or {}
    last = content.catalog.get(places.get("exercise") or "")
    lines.say("Which exercise? Answer with its number.")
    for number, exercise in enumerate(exercises, start=1):
        lines.say(f"{number}. {exercise.title}: {progress_words(exercise, store)}.")
    if last is not None and resume_place(last, store) is not None:
        lines.say(
            f"Press Enter alone to continue where you left off: {last.title}, question "
            f"{resume_place(last, store) + 1}."
        )
    while True:
        line = lines.ask(">")
        if not line.strip() and last is not None:
            return last
        try:
            (number,) = numbers_in(line, len(exercises), most=1)
        except ValueError as problem:
            lines.say(str(problem))
            continue
        return exercises[number - 1]


class Home:
    def __init__(
        self,
        lines: Lines,
        store: WorkbookStore,
        content: Content,
        today: Callable[[], dt.date],
        checkin: Callable[[], None],
        plan_text: Callable[[], str],
    ) -> None:
        self.lines = lines
        self.store = store
        self.content = content
        self.today = today
        self.checkin = checkin
        self.plan_text = plan_text

    def crisis(self) -> list[str]:
        return crisis_words(self.content.resources, self.content.user_resources)

    def write(self, exercise: Exercise, start: int | None) -> Ending:
        conversation = Conversation(self.lines, self.store, exercise, self.crisis, self.today)
        return conversation.run(start)

    def run(self) -> Ending:
        """The numbered home, until the user leaves: QUIT, or INPUT_ENDED in a question."""
        say = self.lines.say
        welcome(self.lines, self.store)
        choices = [
            ("Write in an exercise", self._exercise),
            ("Today's check-in", self.checkin),
            ("Crisis lines", self._crisis),
            ("Your recovery plan, read out here", self._plan),
            ("Leave", None),
        ]
        while True:
            say()
            say("What would you like to do? Answer with a number.")
            for number, (words, _) in enumerate(choices, start=1):
                say(f"{number}. {words}")
            try:
                line = self.lines.ask(">")
            except Interrupted:
                say()
                say("Stopped. Your answers are saved.")
                return Ending.INTERRUPTED
            except InputEnded:
                return Ending.QUIT
            try:
                (number,) = numbers_in(line, len(choices), most=1)
            except ValueError as problem:
                say(str(problem))
                continue
            action = choices[number - 1][1]
            if action is None:
                say("Your answers are saved. Take care.")
                return Ending.QUIT
            say()
            try:
                ending = action()
            except Interrupted:
                say()
                say("Stopped. Your answers are saved.")
                return Ending.INTERRUPTED
            except InputEnded:
                return Ending.QUIT
            if ending in (Ending.INPUT_ENDED, Ending.INTERRUPTED):
                return ending

    def _exercise(self) -> Ending | None:
        exercise = choose_exercise(self.lines, self.store, self.content)
        if exercise is None:
            return None
        return self.write(exercise, resume_place(exercise, self.store))

    def _crisis(self) -> None:
        for paragraph in self.crisis():
            self.lines.say(paragraph)

    def _plan(self) -> None:
        self.lines.say(self.plan_text())
