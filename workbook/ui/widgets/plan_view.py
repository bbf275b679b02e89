"""The plan drawn for the screen: one block of styled text for the header and crisis lines,
then one per part, so the screen can keep its place by part when the plan changes.

Plain rich renderables, not Textual's Markdown widget: a whole plan as Markdown widgets took
over a second to lay out; one block of text per part takes a few milliseconds.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator

from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from rich.text import Text

from workbook.plan.model import (
    CRISIS_TITLE,
    LEFT_OUT_NOTE,
    Answer,
    Plan,
    PlanPart,
    long_date,
    runs_by_group,
)

HEAD_ID = "plan-head"


def part_id(part: PlanPart) -> str:
    return f"part-{part.id}"


class Lines:
    """The lines of one block, wrapped to the width they are drawn at: each line keeps its
    indent, and a list entry's wrapped lines start under its words, not under its marker.

    A small renderable of its own: rich's Table did the same hanging indent at ten times the
    cost, and the plan screen has to open in well under a third of a second."""

    def __init__(self) -> None:
        # (first line's prefix, later lines' prefix, words, style)
        self.entries: list[tuple[str, str, str | Text, str]] = []

    def add(self, words: str | Text, indent: int = 0, style: str = "") -> None:
        self.entries.append((" " * indent, " " * indent, words, style))

    def item(self, marker: str, words: str, indent: int) -> None:
        first = " " * indent + marker + " "
        self.entries.append((first, " " * len(first), words, ""))

    def blank(self) -> None:
        self.entries.append(("", "", "", ""))

    def group(self) -> Lines:
        return self

    def __rich_console__(
        self, console: Console, options: ConsoleOptions
    ) -> Iterator[Segment | Text]:
        width = max(options.max_width, 20)
        for first, rest, words, style in self.entries:
            if isinstance(words, Text):  # styled inside (a crisis line): rich wraps it
                yield Text(first) + words if first else words
                continue
            lines = textwrap.wrap(
                words,
                width=width,
                initial_indent=first,
                subsequent_indent=rest,
                break_on_hyphens=False,
                drop_whitespace=True,
            ) or [""]
            for line in lines:
                yield Segment(line, console.get_style(style) if style else None)
                yield Segment.line()


def _answer(lines: Lines, answer: Answer, ordered: bool, indent: int) -> None:
    ordered = answer.numbered(ordered)
    lines.blank()
    lines.add(answer.label, indent, "bold")
    if answer.shape in ("items", "pairs"):
        for number, line in enumerate(answer.lines, 1):
            lines.item(f"{number}." if ordered else "•", line, indent + 2)
    else:
        for index, paragraph in enumerate(answer.lines):
            if index:
                lines.blank()
            for line in paragraph.split("\n"):
                lines.add(line, indent + 2)


def _answers(lines: Lines, answers: tuple[Answer, ...], ordered: bool) -> None:
    for group, run in runs_by_group(answers):
        if group is not None:
            lines.blank()
            lines.add(group, 0, "bold italic")
        for answer in run:
            _answer(lines, answer, ordered, 2 if group is not None else 0)


def head_text(plan: Plan) -> Lines:
    lines = Lines()
    lines.add(plan.title, 0, "bold underline")
    if plan.intro:
        lines.add(plan.intro, 0, "italic")
    lines.blank()
    if plan.name:
        lines.add(f"Name:         {plan.name}")
    lines.add(f"Made on:      {long_date(plan.made_on)}")
    lines.add(f"Next review:  {long_date(plan.review_on)}")
    lines.blank()
    lines.add(plan.notice, 0, "dim")
    if plan.left_out:
        lines.add(LEFT_OUT_NOTE, 0, "dim")
    _answers(lines, plan.header_answers, ordered=False)
    lines.blank()
    lines.add(f" {CRISIS_TITLE} ", 0, "bold reverse")
    for group in plan.crisis:
        lines.add(group.name, 0, "bold")
        for contact in group.contacts:
            words = Text(f"{contact.name}: ")
            words.append(contact.how_to_reach(), style="bold")
            details = contact.details()
            words.append(f". {details}" if details else ".")
            lines.add(words, 2)
    lines.add(plan.crisis_note, 0, "dim")
    return lines.group()


def part_text(part: PlanPart) -> Lines:
    lines = Lines()
    lines.blank()
    lines.add(part.title, 0, "bold underline")
    if part.intro:
        lines.add(part.intro, 0, "italic")
    if part.is_empty:
        lines.blank()
        lines.add(part.empty_note, 0, "dim")
    if part.facts:
        lines.blank()
        width = max(len(f.label) for f in part.facts) + 2
        for fact in part.facts:
            lines.add(f"{fact.label + ':':<{width}}{fact.value}")
    _answers(lines, part.answers, part.ordered)
    return lines.group()


def plan_blocks(plan: Plan) -> list[tuple[str, Lines]]:
    """(widget id, text) for the header, then each part, in order."""
    return [(HEAD_ID, head_text(plan)), *((part_id(p), part_text(p)) for p in plan.parts)]
