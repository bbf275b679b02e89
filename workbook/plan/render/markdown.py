"""The plan as CommonMark, clean enough for pandoc to turn into a document.

Every string from an answer or a content file goes through `escape_line`, so a user's words
never become Markdown syntax or HTML: "# heading", "*stars*" and "<script>" stay as typed.
"""

from __future__ import annotations

import re

from workbook.plan.model import CRISIS_TITLE, Answer, Plan, PlanPart, long_date

# Characters that mean something anywhere in a line, in CommonMark or in pandoc's Markdown
# ($ math, ^ and ~ super/subscript, @ citations, {} attributes, | tables and line blocks).
_INLINE = re.compile(r"([\\`*_\[\]<>&|~$^@{}])")
# At the start of a line: headings, block quotes, bullets, breaks, setext underlines,
# pandoc's definition lists, and the ordered-list markers of CommonMark and pandoc
# ("1." "1)" "a)" "iv." "(2)" "#.").
_BLOCK_START = re.compile(r"^([#>+=:-])")
_LIST_MARKER = re.compile(r"^(\(?)(\d{1,9}|[A-Za-z]|[ivxlcdmIVXLCDM]+|#)([.)])(?=\s|$)")


def escape_line(text: str) -> str:
    """One line of user text, escaped to read literally wherever it stands in a block."""
    text = _INLINE.sub(r"\\\1", text.strip())
    text = _BLOCK_START.sub(r"\\\1", text)
    return _LIST_MARKER.sub(_escape_marker, text)


def _escape_marker(match: re.Match[str]) -> str:
    opening, marker, delimiter = match.groups()
    if opening:
        return f"\\({marker}{delimiter}"
    return f"{marker}\\{delimiter}"


def escape_paragraph(text: str) -> str:
    """A paragraph that may hold line breaks; each break stays a break (a backslash break)."""
    return "\\\n".join(escape_line(line) for line in text.split("\n") if line.strip())


def _answer(answer: Answer, ordered: bool) -> list[str]:
    blocks = [f"**{escape_line(answer.label)}**"]
    if answer.shape == "items":
        if ordered:
            items = [f"{n}. {escape_line(item)}" for n, item in enumerate(answer.lines, 1)]
        else:
            items = [f"- {escape_line(item)}" for item in answer.lines]
        blocks.append("\n".join(items))
    else:
        blocks.extend(escape_paragraph(paragraph) for paragraph in answer.lines)
    return blocks


def _part(part: PlanPart) -> list[str]:
    blocks = [f"## {escape_line(part.title)}"]
    if part.intro:
        blocks.append(f"*{escape_line(part.intro)}*")
    if part.is_empty:
        blocks.append(escape_line(part.empty_note))
    if part.facts:
        blocks.append(
            "\n".join(f"- **{escape_line(f.label)}:** {escape_line(f.value)}" for f in part.facts)
        )
    for answer in part.answers:
        blocks.extend(_answer(answer, part.ordered))
    return blocks


def _header(plan: Plan) -> list[str]:
    blocks = [f"# {escape_line(plan.title)}"]
    if plan.about_title:
        blocks.append(f"## {escape_line(plan.about_title)}")
    if plan.intro:
        blocks.append(f"*{escape_line(plan.intro)}*")
    facts = []
    if plan.name:
        facts.append(f"- **Name:** {escape_line(plan.name)}")
    facts.append(f"- **Made on:** {long_date(plan.made_on)}")
    facts.append(f"- **Next review:** {long_date(plan.review_on)}")
    blocks.append("\n".join(facts))
    blocks.append(f"*{escape_line(plan.notice)}*")
    for answer in plan.header_answers:
        blocks.extend(_answer(answer, ordered=False))
    blocks.append(f"## {escape_line(CRISIS_TITLE)}")
    blocks.append(escape_line(plan.crisis_note))
    for group in plan.crisis:
        blocks.append(f"**{escape_line(group.name)}**")
        lines = []
        for contact in group.contacts:
            line = f"- **{escape_line(contact.name)}:** {escape_line(contact.how_to_reach())}."
            if contact.details():
                line += f" {escape_line(contact.details())}"
            lines.append(line)
        blocks.append("\n".join(lines))
    return blocks


def render_markdown(plan: Plan) -> str:
    blocks = _header(plan)
    for part in plan.parts:
        blocks.extend(_part(part))
    return "\n\n".join(blocks) + "\n"
