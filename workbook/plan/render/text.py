"""The plan as plain text, wrapped to 80 columns: for a terminal, a text file or `lpr`."""

from __future__ import annotations

import textwrap

from workbook.plan.model import (
    CRISIS_TITLE,
    LEFT_OUT_NOTE,
    Answer,
    Plan,
    PlanPart,
    long_date,
    runs_by_group,
)

WIDTH = 80
INDENT = "  "


def _wrap(text: str, indent: str = "", hanging: str | None = None) -> list[str]:
    """Wrap each line of `text`; words longer than a line are broken so no line passes 80."""
    lines: list[str] = []
    for line in text.split("\n"):
        lines.extend(
            textwrap.wrap(
                line,
                width=WIDTH,
                initial_indent=indent,
                subsequent_indent=indent if hanging is None else hanging,
                break_on_hyphens=False,
            )
            or [indent.rstrip()]
        )
    return lines


def _heading(title: str, underline: str) -> list[str]:
    lines = _wrap(title.upper())
    return [*lines, underline * min(WIDTH, max(len(line) for line in lines))]


def _answer(answer: Answer, ordered: bool) -> list[str]:
    ordered = answer.numbered(ordered)
    lines = _wrap(answer.label)
    if answer.shape in ("items", "pairs"):
        for number, item in enumerate(answer.lines, 1):
            marker = f"{number}. " if ordered else "- "
            lines += _wrap(item, INDENT + marker, INDENT + " " * len(marker))
    else:
        for index, paragraph in enumerate(answer.lines):
            if index:
                lines.append("")
            lines += _wrap(paragraph, INDENT)
    return lines


def _facts(rows: list[tuple[str, str]]) -> list[str]:
    width = max(len(label) for label, _ in rows) + 2
    lines = []
    for label, value in rows:
        lines += _wrap(f"{label + ':':<{width}}{value}", "", " " * width)
    return lines


def _part(part: PlanPart) -> list[list[str]]:
    # The intro sits right under the heading, as its subtitle.
    blocks = [_heading(part.title, "-") + (_wrap(part.intro) if part.intro else [])]
    if part.is_empty:
        blocks.append(_wrap(part.empty_note))
    if part.facts:
        blocks.append(_facts([(f.label, f.value) for f in part.facts]))
    for group, run in runs_by_group(part.answers):
        answers = [_answer(answer, part.ordered) for answer in run]
        if group is not None:
            # The need's name above its answers, which are indented under it.
            heading = [*_wrap(group), "~" * min(WIDTH, len(group))]
            answers = [[INDENT + line if line else line for line in a] for a in answers]
            answers[0] = heading + answers[0]
        blocks.extend(answers)
    return blocks


def _header(plan: Plan) -> list[list[str]]:
    blocks = [_heading(plan.title, "=")]
    if plan.about_title:
        blocks.append(_heading(plan.about_title, "-") + (_wrap(plan.intro) if plan.intro else []))
    elif plan.intro:
        blocks.append(_wrap(plan.intro))
    rows = [("Name", plan.name)] if plan.name else []
    rows += [("Made on", long_date(plan.made_on)), ("Next review", long_date(plan.review_on))]
    blocks.append(_facts(rows))
    blocks.append(_wrap(plan.notice))
    if plan.left_out:
        blocks.append(_wrap(LEFT_OUT_NOTE))
    blocks.extend(_answer(answer, ordered=False) for answer in plan.header_answers)
    return blocks


def _crisis(plan: Plan) -> list[list[str]]:
    blocks = [_heading(CRISIS_TITLE, "-") + _wrap(plan.crisis_note)]
    for group in plan.crisis:
        lines = _wrap(group.name)
        for contact in group.contacts:
            words = f"{contact.name}: {contact.how_to_reach()}. {contact.details()}".rstrip()
            lines += _wrap(words, INDENT + "- ", INDENT + "  ")
        blocks.append(lines)
    return blocks


def render_text(plan: Plan) -> str:
    # Parts are set apart by two blank lines, the blocks inside a part by one.
    parts = [_header(plan), _crisis(plan), *(_part(part) for part in plan.parts)]
    return "\n\n\n".join("\n\n".join("\n".join(block) for block in part) for part in parts) + "\n"
