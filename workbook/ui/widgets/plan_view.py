"""The plan drawn for the screen: one block of styled text for the header and crisis lines,
then one per part, so the screen can keep its place by part when the plan changes.

Plain rich Text, not Textual's Markdown widget: a whole plan as Markdown widgets took over a
second to lay out; a block of text per part takes a few milliseconds.
"""

from __future__ import annotations

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


def _answer(text: Text, answer: Answer, ordered: bool, indent: str) -> None:
    text.append(f"\n{indent}{answer.label}\n", style="bold")
    if answer.shape in ("items", "pairs"):
        for number, line in enumerate(answer.lines, 1):
            marker = f"{number}." if ordered else "•"
            text.append(f"{indent}  {marker} {line}\n")
    else:
        for index, paragraph in enumerate(answer.lines):
            if index:
                text.append("\n")
            for line in paragraph.split("\n"):
                text.append(f"{indent}  {line}\n")


def _answers(text: Text, answers: tuple[Answer, ...], ordered: bool) -> None:
    for group, run in runs_by_group(answers):
        if group is not None:
            text.append(f"\n{group}\n", style="bold italic")
        for answer in run:
            _answer(text, answer, ordered, "  " if group is not None else "")


def head_text(plan: Plan) -> Text:
    text = Text()
    text.append(f"{plan.title}\n", style="bold underline")
    if plan.intro:
        text.append(f"{plan.intro}\n", style="italic")
    if plan.name:
        text.append(f"\nName:         {plan.name}")
    text.append(f"\nMade on:      {long_date(plan.made_on)}")
    text.append(f"\nNext review:  {long_date(plan.review_on)}\n")
    text.append(f"\n{plan.notice}\n", style="dim")
    if plan.left_out:
        text.append(f"{LEFT_OUT_NOTE}\n", style="dim")
    _answers(text, plan.header_answers, ordered=False)
    text.append(f"\n{CRISIS_TITLE}\n", style="bold reverse")
    for group in plan.crisis:
        text.append(f"{group.name}\n", style="bold")
        for contact in group.contacts:
            text.append(f"  {contact.name}: ")
            text.append(contact.how_to_reach(), style="bold")
            details = contact.details()
            text.append(f". {details}\n" if details else ".\n")
    text.append(f"{plan.crisis_note}\n", style="dim")
    return text


def part_text(part: PlanPart) -> Text:
    text = Text()
    text.append(f"\n{part.title}\n", style="bold underline")
    if part.intro:
        text.append(f"{part.intro}\n", style="italic")
    if part.is_empty:
        text.append(f"\n{part.empty_note}\n", style="dim")
    if part.facts:
        text.append("\n")
        width = max(len(f.label) for f in part.facts) + 2
        for fact in part.facts:
            text.append(f"{fact.label + ':':<{width}}{fact.value}\n")
    _answers(text, part.answers, part.ordered)
    return text


def plan_blocks(plan: Plan) -> list[tuple[str, Text]]:
    """(widget id, text) for the header, then each part, in order."""
    return [(HEAD_ID, head_text(plan)), *((part_id(p), part_text(p)) for p in plan.parts)]
