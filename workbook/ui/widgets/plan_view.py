"""The plan drawn for the screen: one block of styled text for the header and crisis lines,
then one per part, so the screen can keep its place by part when the plan changes.

Plain rich renderables, not Textual's Markdown widget: a whole plan as Markdown widgets took
over a second to lay out; one block of text per part takes a few milliseconds.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
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
    """Renderables one under the other; each wrapped line keeps its indent."""

    def __init__(self) -> None:
        self.items: list[RenderableType] = []

    def add(self, words: str | Text, indent: int = 0, style: str = "") -> None:
        text = words if isinstance(words, Text) else Text(words, style=style)
        self.items.append(Padding(text, (0, 0, 0, indent)) if indent else text)

    def item(self, marker: str, words: str, indent: int) -> None:
        """A list entry: its wrapped lines start under its words, not under the marker."""
        grid = Table.grid(padding=(0, 1, 0, 0))
        grid.add_column(width=len(marker), no_wrap=True)
        grid.add_column()
        grid.add_row(marker, Text(words))
        self.items.append(Padding(grid, (0, 0, 0, indent)))

    def blank(self) -> None:
        self.items.append(Text(""))

    def group(self) -> Group:
        return Group(*self.items)


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


def head_text(plan: Plan) -> Group:
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


def part_text(part: PlanPart) -> Group:
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


def plan_blocks(plan: Plan) -> list[tuple[str, Group]]:
    """(widget id, text) for the header, then each part, in order."""
    return [(HEAD_ID, head_text(plan)), *((part_id(p), part_text(p)) for p in plan.parts)]
