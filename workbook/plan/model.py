"""The personal recovery plan: built from the user's own answers, ready to render.

`build_plan(content, answers, today, progress)` turns answers into a `Plan`, a plain value
with every string already in readable form (dates written out, scales explained, "Other: "
stripped). Renderers in `workbook.plan.render` turn a `Plan` into text, Markdown or HTML;
`workbook.plan.export` builds one from a store, for the plan screen and `workbook plan`.

Nothing here reads files or imports the store: answers come in as a mapping
{(exercise_id, prompt_id): value}; `answers_from_store(store)` builds one from a store.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import msgspec

from workbook.content.loading import Content
from workbook.content.models import (
    OTHER_PREFIX,
    ChecklistPrompt,
    ChoicePrompt,
    CrisisLine,
    DatePrompt,
    ListPrompt,
    LongTextPrompt,
    PairsPrompt,
    Prompt,
    Resources,
    ScalePrompt,
    TextPrompt,
    YesNoPrompt,
    as_pairs,
)
from workbook.tracker.progress import ProgressFacts

Answers = Mapping[tuple[str, str], Any]

# An answered date prompt with this id (in any exercise) sets the next review date.
REVIEW_DATE_PROMPT = "review-date"
DEFAULT_REVIEW_DAYS = 30
# Lists in these sections are steps taken in order, so they are numbered.
ORDERED_SECTIONS = frozenset({"craving-steps"})
# Labels longer than this are shortened to their first sentence.
LABEL_LIMIT = 120

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

NOTICE = (
    "This plan is self-help, not therapy. It does not replace a counselor, a doctor "
    "or emergency help."
)
CRISIS_TITLE = "If you are in danger or in crisis"
LEFT_OUT_NOTE = "Some parts of this plan were left out of this copy."
PROGRESS_EMPTY = "Nothing here yet: the no-contact tracker fills this part in as you check in."


class Answer(msgspec.Struct, frozen=True):
    """One answered prompt, in readable form.

    shape "value": one short line (a scale, a date, yes/no, a choice).
    shape "paragraphs": each line of `lines` is a paragraph, which may hold line breaks.
    shape "items": each line of `lines` is one entry of a list.
    shape "pairs": `pairs` holds the rows of a two-column list, `columns` their headings;
    `lines` holds each row as one line ("Friday nights: call my sister").
    """

    label: str
    shape: Literal["value", "paragraphs", "items", "pairs"]
    lines: tuple[str, ...]
    exercise_id: str
    prompt_id: str
    # The name of the repeated section this answer belongs to ("Feeling that I matter"),
    # shown as a heading above the answers that share it.
    group: str | None = None
    pairs: tuple[tuple[str, str], ...] = ()
    columns: tuple[str, str] | None = None
    # The prompt's type ("list", "checklist", ...): in a part of steps, only a list the user
    # wrote in order is numbered, not the boxes they ticked.
    kind: str = ""

    def numbered(self, in_order: bool) -> bool:
        return in_order and self.kind == "list"


class Fact(msgspec.Struct, frozen=True):
    """One line of the progress part: "Days without contact" / "12 days"."""

    label: str
    value: str


class PlanPart(msgspec.Struct, frozen=True):
    """One section of the plan, after the header."""

    id: str
    title: str
    intro: str
    kind: str
    answers: tuple[Answer, ...] = ()
    facts: tuple[Fact, ...] = ()
    # Titles of the exercises whose prompts feed this part.
    filled_by: tuple[str, ...] = ()
    # Lists in this part are steps in order.
    ordered: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.answers and not self.facts

    @property
    def empty_note(self) -> str:
        if self.kind == "progress":
            return PROGRESS_EMPTY
        if not self.filled_by:
            return "Nothing here yet."
        names = [f"“{title}”" for title in self.filled_by]
        if len(names) == 1:
            return f"Nothing here yet: the exercise {names[0]} fills this part."
        which = ", ".join(names[:-1]) + " and " + names[-1]
        return f"Nothing here yet: the exercises {which} fill this part."


def runs_by_group(answers: Iterable[Answer]) -> list[tuple[str | None, list[Answer]]]:
    """Answers in runs that share a group, in order: [(group or None, answers), ...]."""
    runs: list[tuple[str | None, list[Answer]]] = []
    for answer in answers:
        if runs and runs[-1][0] == answer.group:
            runs[-1][1].append(answer)
        else:
            runs.append((answer.group, [answer]))
    return runs


class CrisisContact(msgspec.Struct, frozen=True):
    name: str
    call: str | None
    text: str | None
    hours: str
    purpose: str

    def ways(self) -> list[str]:
        """["call 988", "text 988"]"""
        found = [f"call {self.call}"] if self.call else []
        return found + ([f"text {self.text}"] if self.text else [])

    def how_to_reach(self) -> str:
        """ "call 988, or text 988" """
        return ", or ".join(self.ways())

    def details(self) -> str:
        """ "24 hours. Immediate danger." """
        return " ".join(_sentence(part) for part in (self.hours, self.purpose) if part)


class CrisisGroup(msgspec.Struct, frozen=True):
    """The lines for one region, or the user's own lines."""

    name: str
    contacts: tuple[CrisisContact, ...]


class Plan(msgspec.Struct, frozen=True):
    title: str
    # The header section of plan.json: its title ("About this plan") and intro.
    about_title: str
    intro: str
    made_on: dt.date
    review_on: dt.date
    name: str | None
    notice: str
    crisis_note: str
    crisis: tuple[CrisisGroup, ...]
    # Other answers that feed the header (besides the name).
    header_answers: tuple[Answer, ...]
    parts: tuple[PlanPart, ...]
    # True when the user chose to leave some parts out of this copy (they are not named).
    left_out: bool = False

    def without_empty(self) -> Plan:
        return msgspec.structs.replace(self, parts=tuple(p for p in self.parts if not p.is_empty))

    def answers(self) -> list[Answer]:
        return [*self.header_answers, *(a for p in self.parts for a in p.answers)]


# --- building ------------------------------------------------------------------------------


def build_plan(
    content: Content,
    answers: Answers,
    today: dt.date,
    progress: ProgressFacts | None = None,
    *,
    region: str | None = None,
    leave_out: Iterable[str] = (),
) -> Plan:
    """The plan, in plan.json's order, from the answers of the prompts that feed each part.

    `region` (a region id of resources.json) chooses the crisis lines shown beside the user's
    own; None shows every region's. Parts whose ids are in `leave_out` are not in this copy.
    """
    leave_out = frozenset(leave_out)
    feeding = _prompts_by_section(content)
    headers = [s for s in content.outline.sections if s.kind == "header"]
    name, header_answers = _header_answers(
        [item for section in headers for item in feeding.get(section.id, [])], answers
    )

    groups = _groups_of(content)
    parts = []
    for section in content.outline.sections:
        if section.kind == "header" or section.id in leave_out:
            continue
        fed_by = feeding.get(section.id, [])
        part = PlanPart(
            id=section.id,
            title=clean(section.title),
            intro=clean(section.intro),
            kind=section.kind,
            filled_by=_titles(content, (e for e, _ in fed_by)),
            ordered=section.id in ORDERED_SECTIONS,
        )
        if section.kind == "progress":
            part = msgspec.structs.replace(part, facts=progress_facts(progress) if progress else ())
        else:
            found = (
                readable_answer(e, p, answers.get((e, p.id)), groups.get((e, p.id)))
                for e, p in fed_by
            )
            part = msgspec.structs.replace(part, answers=tuple(a for a in found if a is not None))
        parts.append(part)

    return Plan(
        title=clean(content.outline.title),
        about_title=clean(headers[0].title) if headers else "",
        intro=clean(headers[0].intro) if headers else "",
        made_on=today,
        review_on=review_date(content, answers) or today + dt.timedelta(days=DEFAULT_REVIEW_DAYS),
        name=name,
        notice=NOTICE,
        crisis_note=_crisis_note(content),
        crisis=crisis_groups(content, region),
        left_out=any(s.id in leave_out for s in content.outline.sections if s.kind != "header"),
        header_answers=header_answers,
        parts=tuple(parts),
    )


def _header_answers(
    fed_by: list[tuple[str, Prompt]], answers: Answers
) -> tuple[str | None, tuple[Answer, ...]]:
    """The user's name (the first answered text prompt that feeds the header), and the rest."""
    name: str | None = None
    rest: list[Answer] = []
    for exercise_id, prompt in fed_by:
        value = answers.get((exercise_id, prompt.id))
        if name is None and isinstance(prompt, TextPrompt) and isinstance(value, str):
            name = _one_line(value) or None
            if name:
                continue
        answer = readable_answer(exercise_id, prompt, value)
        if answer is not None:
            rest.append(answer)
    return name, tuple(rest)


def _prompts_by_section(content: Content) -> dict[str, list[tuple[str, Prompt]]]:
    """Plan section id -> the prompts that feed it, across exercises in catalog order."""
    feeding: dict[str, list[tuple[str, Prompt]]] = {}
    for exercise in content.catalog.exercises:
        for prompt in exercise.prompts():
            if prompt.plan is not None:
                feeding.setdefault(prompt.plan, []).append((exercise.id, prompt))
    for fed in feeding.values():
        fed.sort(key=lambda item: item[1].plan_order)  # stable: equal ones keep their order
    return feeding


def _groups_of(content: Content) -> dict[tuple[str, str], str]:
    """(exercise id, prompt id) -> the plan group of the prompt's section, where it has one."""
    return {
        (exercise.id, prompt.id): clean(section.plan_group)
        for exercise in content.catalog.exercises
        for section in exercise.sections
        if section.plan_group
        for prompt in section.prompts
    }


def _titles(content: Content, exercise_ids: Iterable[str]) -> tuple[str, ...]:
    titles: list[str] = []
    for exercise_id in exercise_ids:
        exercise = content.catalog.get(exercise_id)
        title = clean(exercise.title) if exercise else exercise_id
        if title not in titles:
            titles.append(title)
    return tuple(titles)


def review_date(content: Content, answers: Answers) -> dt.date | None:
    """The review date the user chose, if they answered a `review-date` prompt."""
    for exercise in content.catalog.exercises:
        prompt = exercise.prompt(REVIEW_DATE_PROMPT)
        if isinstance(prompt, DatePrompt):
            chosen = _parse_date(answers.get((exercise.id, prompt.id)))
            if chosen is not None:
                return chosen
    return None


def answers_from_store(store: Any) -> dict[tuple[str, str], Any]:
    """The current answers of a `WorkbookStore` (or anything with `answer_docs()`)."""
    return {
        (doc["exercise"], doc["prompt"]): doc["revisions"][-1]["value"]
        for doc in store.answer_docs()
        if doc.get("revisions")
    }


# --- readable values ---------------------------------------------------------------------


def plan_label(prompt: Prompt) -> str:
    """What the answer is called in the plan: its plan label, or the question shortened."""
    return _one_line(prompt.plan_label or "") or short_label(prompt.label)


def readable_answer(
    exercise_id: str, prompt: Prompt, value: Any, group: str | None = None
) -> Answer | None:
    """An answer in the form a person reads on paper, or None when there is nothing to show."""
    if value is None or prompt.is_empty(value):
        return None
    label = plan_label(prompt)

    def make(shape: Literal["value", "paragraphs", "items"], lines: list[str]) -> Answer | None:
        kept = tuple(line for line in lines if line.strip())
        if not kept:
            return None
        return Answer(label, shape, kept, exercise_id, prompt.id, group, kind=prompt.type)

    if isinstance(prompt, PairsPrompt):
        rows = tuple((_one_line(a), _one_line(b)) for a, b in as_pairs(value))
        rows = tuple(row for row in rows if row[0] or row[1])
        if not rows:
            return None
        columns = (_one_line(prompt.columns[0]), _one_line(prompt.columns[1]))
        lines = tuple(f"{a}: {b}" if a and b else a or b for a, b in rows)
        return Answer(
            label, "pairs", lines, exercise_id, prompt.id, group, rows, columns, prompt.type
        )

    # The stored value is trusted only as far as its type: an exercise file may have changed
    # since the answer was saved, and what the user wrote is shown rather than dropped.
    if isinstance(value, bool):
        return make("value", ["Yes" if value else "No"])
    if isinstance(prompt, ScalePrompt) and isinstance(value, int):
        return make("value", [describe_scale(prompt, value)])
    if isinstance(prompt, DatePrompt) and isinstance(value, str):
        date = _parse_date(value)
        return make("value", [long_date(date) if date else clean(value)])
    if isinstance(value, list):
        return make("items", [_one_line(_own_words(str(item))) for item in value])
    if isinstance(prompt, ChoicePrompt) and isinstance(value, str):
        return make("value", [_one_line(_own_words(value))])
    if isinstance(prompt, LongTextPrompt) and isinstance(value, str):
        return make("paragraphs", paragraphs(value))
    if isinstance(prompt, (ChecklistPrompt, ListPrompt)) and isinstance(value, str):
        return make("items", [_one_line(value)])
    if isinstance(prompt, YesNoPrompt):
        return None  # not a yes or a no: nothing sensible to print
    if isinstance(value, str):
        return make("paragraphs", paragraphs(value))
    return make("value", [clean(str(value))])


def describe_scale(prompt: ScalePrompt, value: int) -> str:
    """ "7 / 10 (closer to Overwhelming)": the number, and which end it leans to."""
    if prompt.min in (0, 1):
        number = f"{value} / {prompt.max}"
    else:
        number = f"{value} on a scale of {prompt.min} to {prompt.max}"
    low, high = clean(prompt.min_label), clean(prompt.max_label)
    if value <= prompt.min:
        where = low
    elif value >= prompt.max:
        where = high
    else:
        middle = (prompt.min + prompt.max) / 2
        if value == middle:
            where = f"halfway between {low} and {high}"
        else:
            where = f"closer to {high if value > middle else low}"
    return f"{number} ({where})"


def long_date(date: dt.date) -> str:
    """ "14 March 2026", the same in every locale."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def short_label(label: str) -> str:
    """The prompt's label, or its first sentence when the label is long."""
    label = _one_line(label)
    if not label:
        return "Your answer"
    if len(label) <= LABEL_LIMIT:
        return label
    first = re.match(r"(.+?[.?!])\s", label)
    if first and len(first.group(1)) <= LABEL_LIMIT:
        return first.group(1)
    cut = label[: LABEL_LIMIT - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def paragraphs(text: str) -> list[str]:
    """Paragraphs split at blank lines; single line breaks inside a paragraph are kept."""
    text = clean(text)
    blocks = re.split(r"\n\s*\n", text)
    return [
        "\n".join(line.strip() for line in block.strip().split("\n") if line.strip())
        for block in blocks
        if block.strip()
    ]


# Control characters (other than the line break) would garble a terminal or a printed page.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """Text safe to print: Unix line breaks, tabs as spaces, no control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return _CONTROL.sub("", text)


def _one_line(text: str) -> str:
    return " ".join(clean(text).split())


def _own_words(value: str) -> str:
    return value[len(OTHER_PREFIX) :] if value.startswith(OTHER_PREFIX) else value


def _parse_date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _sentence(text: str) -> str:
    text = _one_line(text)
    return text if text.endswith((".", "!", "?")) else text + "."


# --- progress and crisis lines -----------------------------------------------------------


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def progress_facts(progress: ProgressFacts) -> tuple[Fact, ...]:
    facts = []
    if progress.days_without_contact is not None:
        facts.append(Fact("Days without contact", _days(progress.days_without_contact)))
    if progress.longest_streak is not None:
        facts.append(Fact("Longest stretch without contact", _days(progress.longest_streak)))
    if progress.urges_logged:
        facts.append(
            Fact(
                "Urges that passed without contact",
                f"{progress.urges_passed} of {progress.urges_logged}",
            )
        )
    else:
        facts.append(Fact("Urges logged", "none yet"))
    if progress.craving_trend:
        facts.append(Fact("Cravings lately", clean(progress.craving_trend)))
    facts.append(Fact("Check-ins", str(progress.check_ins)))
    return tuple(facts)


def _contact(line: CrisisLine) -> CrisisContact:
    return CrisisContact(
        name=_one_line(line.name),
        call=_one_line(line.call) if line.call else None,
        text=_one_line(line.text) if line.text else None,
        hours=_one_line(line.hours),
        purpose=_one_line(line.purpose),
    )


def _groups(resources: Resources) -> list[CrisisGroup]:
    return [
        CrisisGroup(_one_line(region.name), tuple(_contact(x) for x in region.lines))
        for region in resources.regions
    ]


def crisis_groups(content: Content, region: str | None = None) -> tuple[CrisisGroup, ...]:
    """The user's own lines first (they chose them for where they live), then those of their
    region; every bundled region when no region is known."""
    own = _groups(content.user_resources) if content.user_resources else []
    bundled = content.resources
    chosen = [r for r in bundled.regions if r.id == region]
    if chosen:
        bundled = msgspec.structs.replace(bundled, regions=chosen)
    return (*own, *_groups(bundled))


def _crisis_note(content: Content) -> str:
    note = _one_line(content.resources.note)
    return note or "Check the numbers for where you live."
