"""One exercise as a conversation: each question said once, answered in a line or a few.

Every answer is saved the moment it is given, through the same store, drafts and resume
place as the app's exercise screen: a visit to a question is one revision (lines of a long
answer or a list are saved as they come, replacing each other within the visit, as the app's
autosave does), a date that is not a date yet is kept as the app's draft, and the question
the user is on is where the app (and this) continue next time.

Commands on a line of their own: ? (help), :back, :skip, :outline, :crisis, :clear, :quit.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Callable
from typing import Any

from workbook.content.models import (
    OTHER_PREFIX,
    ChecklistPrompt,
    ChoicePrompt,
    DatePrompt,
    Exercise,
    ListPrompt,
    LongTextPrompt,
    Prompt,
    ScalePrompt,
    Section,
    YesNoPrompt,
)
from workbook.plain.dates import read_date, spoken_date
from workbook.plain.kinds import SOMETHING_ELSE, how_to_answer, options_of, spoken_answer
from workbook.plain.lines import InputEnded, Interrupted, Lines
from workbook.plain.words import COMMANDS, without_markdown
from workbook.store.database import StoreError, WorkbookStore
from workbook.store.drafts import RESUME_SETTING, PendingAnswer, PendingSaves, saved_draft

PROMPT = ">"
KNOWN_COMMANDS = {"?", ":help", ":back", ":skip", ":outline", ":crisis", ":clear", ":quit"}


class Ending(enum.Enum):
    FINISHED = "finished"  # past the last question
    QUIT = "quit"  # :quit
    INPUT_ENDED = "input ended"  # Ctrl+D, the end of a pipe, a closed terminal
    INTERRUPTED = "interrupted"  # Ctrl+C


class Command(Exception):
    """A command typed where an answer was expected; raised out of the reading."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = ":help" if name == "?" else name


class Move(enum.Enum):
    NEXT = 1
    STAY = 0
    BACK = -1


def command_in(line: str) -> str | None:
    word = line.strip().casefold()
    return word if word in KNOWN_COMMANDS else None


def resume_place(exercise: Exercise, store: WorkbookStore) -> int | None:
    """The index of the question the user was last on in this exercise, if any."""
    places = store.setting(RESUME_SETTING, {}) or {}
    prompt_id = (places.get("prompts") or {}).get(exercise.id)
    ids = [p.id for p in exercise.prompts()]
    return ids.index(prompt_id) if prompt_id in ids else None


class Conversation:
    """Asks the questions of one exercise from `start`, until the end, :quit or no input."""

    def __init__(
        self,
        lines: Lines,
        store: WorkbookStore,
        exercise: Exercise,
        crisis: Callable[[], list[str]],
        today: Callable[[], dt.date],
    ) -> None:
        self.lines = lines
        self.store = store
        self.exercise = exercise
        self.prompts = exercise.prompts()
        self.crisis = crisis
        self.today = today
        self.pending = PendingSaves(store)
        self.index = 0
        self.visit = ""
        self.section: Section | None = None

    # --- the whole exercise ----------------------------------------------------------------

    def run(self, start: int | None) -> Ending:
        """Ask from question `start` (an index; None: the introduction, then the first)."""
        say = self.lines.say
        if self.store.read_only:
            say(
                f"{self.store.read_only_reason} You can read your answers, but changes "
                "cannot be kept."
            )
        if start is None:
            self.introduce()
            start = 0
        self.index = start
        try:
            while self.index < len(self.prompts):
                move = self.question()
                if move is Ending.QUIT:
                    self.say_stopped()
                    return Ending.QUIT
                self.index = max(0, self.index + move.value) if isinstance(move, Move) else move
        except Interrupted:
            self.lines.say()
            self.lines.say("Stopped. What you typed is saved.")
            return Ending.INTERRUPTED
        except InputEnded:
            self.say_input_ended()
            return Ending.INPUT_ENDED
        self.say_finished()
        return Ending.FINISHED

    def introduce(self) -> None:
        exercise, say = self.exercise, self.lines.say
        say(exercise.title)
        say()
        say(without_markdown(exercise.intro))
        say()
        facts = f"{len(exercise.sections)} sections, {len(self.prompts)} questions"
        if exercise.minutes:
            facts += f", about {exercise.minutes} minutes for a first pass"
        say(f"{facts}. {COMMANDS}")

    def kept(self) -> str:
        if self.store.read_only:
            return "Nothing was changed: this workbook is open read-only."
        return "Your answers are saved."

    def say_stopped(self) -> None:
        self.lines.say()
        self.lines.say(
            f"{self.kept()} You stopped at question {self.index + 1}; next time you continue there."
        )

    def say_input_ended(self) -> None:
        typed = (
            "Nothing was changed: this workbook is open read-only."
            if self.store.read_only
            else "What you typed is saved; next time you continue at this question."
        )
        self.lines.say()
        self.lines.say(
            f"The input ended before question {self.index + 1} of {len(self.prompts)} was "
            f"answered. {typed}"
        )

    def say_finished(self) -> None:
        open_count = sum(1 for p in self.prompts if p.is_empty(self.current(p)))
        self.lines.say()
        last = f"That was the last question of {self.exercise.title}."
        if open_count == 0:
            self.lines.say(f"{last} You have answered every question. {self.kept()}")
        else:
            questions = "question is" if open_count == 1 else "questions are"
            self.lines.say(
                f"{last} {self.kept()} {open_count} {questions} still open, whenever you are "
                "ready: :outline, at any question, lists which."
            )

    # --- one question ----------------------------------------------------------------------

    def question(self) -> Move | int | Ending:
        prompt = self.prompts[self.index]
        self.arrive(prompt)
        while True:
            try:
                return self.answer(prompt)
            except Command as command:
                move = self.obey(command.name, prompt)
                if move is not Move.STAY:
                    return move
                self.lines.say()
                self.lines.say(f"Back to question {self.index + 1}. {how_to_answer(prompt)}")

    def arrive(self, prompt: Prompt) -> None:
        """Say the question, once: where it is, what it asks, how to answer, what is there."""
        say = self.lines.say
        section = self.exercise.section_of(prompt.id)
        assert section is not None
        sections = self.exercise.sections
        say()
        where = f"Section {sections.index(section) + 1} of {len(sections)}"
        question = f"question {self.index + 1} of {len(self.prompts)}."
        if section is not self.section:
            self.section = section
            say(f"{where}: {section.title}.")
            if section.intro:
                say(without_markdown(section.intro))
            say()
            # The section was just named: heard twice in a row, it only delays the question.
            say(question.capitalize())
        else:
            say(f"{where}, {question}")
        say(prompt.label)
        say(how_to_answer(prompt))
        if isinstance(prompt, ChoicePrompt | ChecklistPrompt):
            for number, option in enumerate(options_of(prompt, self.current(prompt)), start=1):
                say(f"{number}. {option}", indent="")
        self.say_current(prompt)
        self.visit = uuid.uuid4().hex  # one revision for this visit, however many saves
        self.remember_place(prompt)

    def say_current(self, prompt: Prompt) -> None:
        draft = saved_draft(self.store, self.exercise.id, prompt.id)
        words = spoken_answer(prompt, self.current(prompt))
        if draft is not None:
            self.lines.say(f"You wrote earlier: “{draft}”, which is not a date yet.")
        if words and "\n" in words:
            self.lines.say("Your answer now:")
            self.lines.say(words)
            self.lines.say("Press Enter alone to keep it.")
        elif words:
            self.lines.say(f"Your answer now: {words}. Press Enter alone to keep it.")

    def current(self, prompt: Prompt) -> Any:
        return self.store.answer(self.exercise.id, prompt.id)

    def remember_place(self, prompt: Prompt) -> None:
        if self.store.read_only:
            return
        places = dict(self.store.setting(RESUME_SETTING, {}) or {})
        places["exercise"] = self.exercise.id
        places["prompts"] = {**(places.get("prompts") or {}), self.exercise.id: prompt.id}
        self.store.set_setting(RESUME_SETTING, places)

    def save(self, prompt: Prompt, value: Any, draft: str | None = None) -> None:
        """Write now, as the app's exercise screen would: an answer, or a date's draft. If it
        cannot be written (a full disk), it stays queued and goes with the next save."""
        self.pending.put(self.exercise.id, prompt.id, PendingAnswer(value, self.visit, draft))
        try:
            self.pending.flush()
        except (OSError, StoreError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            self.lines.say(
                f"Could not save just now ({reason}). What you typed is kept here and saved "
                "with your next answer."
            )

    # --- reading ---------------------------------------------------------------------------

    def read(self, prompt_text: str = PROMPT) -> str:
        """One line; a command on its own line is raised as Command."""
        line = self.lines.ask(prompt_text)
        command = command_in(line)
        if command is not None:
            raise Command(command)
        return line

    def answer(self, prompt: Prompt) -> Move:
        if isinstance(prompt, LongTextPrompt):
            return self.lines_answer(prompt, as_list=False)
        if isinstance(prompt, ListPrompt):
            return self.lines_answer(prompt, as_list=True)
        if isinstance(prompt, ScalePrompt):
            return self.checked_answer(prompt, self.scale_value)
        if isinstance(prompt, ChoicePrompt):
            return self.choice_answer(prompt)
        if isinstance(prompt, ChecklistPrompt):
            return self.checklist_answer(prompt)
        if isinstance(prompt, DatePrompt):
            return self.date_answer(prompt)
        if isinstance(prompt, YesNoPrompt):
            return self.checked_answer(prompt, yes_or_no)
        return self.text_answer(prompt)

    def text_answer(self, prompt: Prompt) -> Move:
        try:
            line = self.read()
        except InputEnded as ended:
            if ended.partial.strip():
                self.save(prompt, ended.partial.strip())
            raise
        if line.strip():
            self.save(prompt, line.strip())
        return Move.NEXT

    def lines_answer(self, prompt: Prompt, as_list: bool) -> Move:
        """A long answer (lines until an empty one) or a list (one item a line). A list's new
        items are added to what is there; a long answer's new lines replace it."""
        kept = list(self.current(prompt) or []) if as_list else []
        written: list[str] = []

        def value() -> Any:
            return (
                [*kept, *(w.strip() for w in written if w.strip())]
                if as_list
                else ("\n".join(written).rstrip())
            )

        while True:
            try:
                line = self.read()
            except InputEnded as ended:
                if ended.partial.strip():
                    written.append(ended.partial)
                    self.save(prompt, value())
                raise
            except Command:
                if written:
                    self.save(prompt, value())
                raise
            if not line.strip():
                return Move.NEXT
            written.append(line)
            self.save(prompt, value())  # each line is kept the moment it is given

    def checked_answer(self, prompt: Prompt, parse: Callable[[str, Prompt], Any]) -> Move:
        while True:
            line = self.read()
            if not line.strip():
                return Move.NEXT
            try:
                value = parse(line, prompt)
            except ValueError as problem:
                self.lines.say(str(problem))
                continue
            self.save(prompt, value)
            return Move.NEXT

    def scale_value(self, line: str, prompt: Prompt) -> int:
        assert isinstance(prompt, ScalePrompt)
        text = line.strip()
        if text.isdigit() and prompt.min <= int(text) <= prompt.max:
            return int(text)
        raise ValueError(f"Please answer with a whole number from {prompt.min} to {prompt.max}.")

    def choice_answer(self, prompt: ChoicePrompt) -> Move:
        options = options_of(prompt, self.current(prompt))
        while True:
            line = self.read()
            if not line.strip():
                return Move.NEXT
            try:
                (number,) = numbers_in(line, len(options), most=1)
            except ValueError as problem:
                self.lines.say(str(problem))
                continue
            chosen = options[number - 1]
            if prompt.other and number == len(options):
                words = self.own_words()
                if not words:
                    continue
                chosen = f"{OTHER_PREFIX}{words}"
            self.save(prompt, chosen)
            return Move.NEXT

    def checklist_answer(self, prompt: ChecklistPrompt) -> Move:
        options = options_of(prompt, self.current(prompt))
        while True:
            line = self.read()
            if not line.strip():
                return Move.NEXT
            try:
                numbers = numbers_in(line, len(options))
            except ValueError as problem:
                self.lines.say(str(problem))
                continue
            chosen = [options[n - 1] for n in numbers if not (prompt.other and n == len(options))]
            if prompt.other and len(options) in numbers:
                words = self.own_words()
                if not words:
                    continue
                chosen.append(f"{OTHER_PREFIX}{words}")
            self.save(prompt, chosen)
            return Move.NEXT

    def own_words(self) -> str:
        """The words for "Something else"; empty (and the options again) if none are given."""
        try:
            words = self.read(f"{SOMETHING_ELSE}: {PROMPT}").strip()
        except InputEnded:
            raise
        if not words:
            self.lines.say("No words, so nothing was chosen. Answer with a number again.")
        return words

    def date_answer(self, prompt: DatePrompt) -> Move:
        while True:
            try:
                line = self.read()
            except InputEnded as ended:
                if ended.partial.strip():
                    self.keep_unconfirmed(prompt, ended.partial)
                raise
            if not line.strip():
                return Move.NEXT
            day = read_date(line, self.today())
            if day is None:
                self.keep_unconfirmed(prompt, line)
                self.lines.say(
                    f"“{line.strip()}” is not a date I can read. Write the day, the month and "
                    "the year, for example 14 March 2026. What you wrote is kept."
                )
                continue
            try:
                sure = yes_or_no(
                    self.read(f"That is {spoken_date(day)}. Is that right? y or n {PROMPT}"), prompt
                )
            except ValueError:
                sure = False
            except InputEnded:
                self.keep_unconfirmed(prompt, line)
                raise
            if sure:
                self.save(prompt, day.isoformat())
                return Move.NEXT
            self.lines.say("Then write the date again, with the month as a word: 3 April 2026.")

    def keep_unconfirmed(self, prompt: Prompt, words: str) -> None:
        """Words for a date that is not (yet) a date: the app's draft, the answer untouched."""
        self.save(prompt, self.current(prompt), draft=words.strip())

    # --- commands --------------------------------------------------------------------------

    def obey(self, name: str, prompt: Prompt) -> Move | int | Ending:
        say = self.lines.say
        if name == ":quit":
            return Ending.QUIT
        if name == ":skip":
            return Move.NEXT
        if name == ":back":
            if self.index == 0:
                say("This is the first question.")
                return Move.STAY
            return Move.BACK
        if name == ":help":
            say()
            say(prompt.help or "There is no extra help for this question.")
            say(COMMANDS)
            return Move.STAY
        if name == ":crisis":
            say()
            for paragraph in self.crisis():
                say(paragraph)
            return Move.STAY
        if name == ":clear":
            self.save(prompt, empty_value(prompt))
            say("Your answer is cleared; the earlier one is kept in its history.")
            return Move.STAY
        return self.outline()

    def outline(self) -> int | Move:
        say = self.lines.say
        say()
        say(f"The questions of {self.exercise.title}:")
        number = 0
        for section in self.exercise.sections:
            say(f"{section.title}:")
            for prompt in section.prompts:
                number += 1
                done = "answered" if not prompt.is_empty(self.current(prompt)) else "open"
                say(f"{number}. {prompt.label} ({done})", indent="")
        while True:
            line = self.lines.ask(
                f"Type a question number to go there, or press Enter to stay at "
                f"question {self.index + 1}. {PROMPT}"
            )
            if not line.strip():
                return Move.STAY
            try:
                (target,) = numbers_in(line, len(self.prompts), most=1)
            except ValueError as problem:
                say(str(problem))
                continue
            return target - 1


def yes_or_no(line: str, _prompt: Prompt | None = None) -> bool:
    word = line.strip().casefold()
    if word in ("y", "yes"):
        return True
    if word in ("n", "no"):
        return False
    raise ValueError("Please answer y for yes or n for no.")


def numbers_in(line: str, count: int, most: int | None = None) -> list[int]:
    """ "2" or "1, 3" or "1 3": numbers from 1 to `count`, each once, in the order given."""
    parts = line.replace(",", " ").split()
    one = most == 1
    if not parts or not all(part.isdigit() for part in parts):
        raise ValueError(
            f"Please answer with {'a number' if one else 'numbers'} from 1 to {count}."
        )
    numbers = list(dict.fromkeys(int(part) for part in parts))
    if one and len(numbers) > 1:
        raise ValueError(f"Please choose just one: a number from 1 to {count}.")
    if not all(1 <= n <= count for n in numbers):
        raise ValueError(
            f"Please answer with {'a number' if one else 'numbers'} from 1 to {count}."
        )
    return numbers


def empty_value(prompt: Prompt) -> Any:
    """What the app stores for an answer that was emptied."""
    if isinstance(prompt, ListPrompt | ChecklistPrompt):
        return []
    if isinstance(prompt, ScalePrompt | ChoicePrompt | DatePrompt | YesNoPrompt):
        return None
    return ""
