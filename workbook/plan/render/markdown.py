"""The plan as CommonMark, clean enough for pandoc to turn into a document.

It opens with a YAML title block (title, date, language), so `pandoc -s` makes an HTML page
or a Word file with a proper title and no warnings. Every string from an answer or a content
file goes through `escape_line`, so a user's words never become Markdown syntax or HTML:
"# heading", "*stars*" and "<script>" stay as typed, while an ordinary "&" or "<" is left
alone. A line break inside an answer becomes a new paragraph (no trailing-backslash breaks).
"""

from __future__ import annotations

import json
import re

from workbook.plan.model import (
    CRISIS_TITLE,
    LEFT_OUT_NOTE,
    Answer,
    Plan,
    PlanPart,
    long_date,
    runs_by_group,
)

# Characters that mean something anywhere in a line, in CommonMark or in pandoc's Markdown
# ($ math, ^ and ~ super/subscript, @ citations, {} attributes, | tables and line blocks).
_INLINE = re.compile(r"([\\`*\[\]|~$^@{}])")
# These mean something only in some company: "_" at the edge of a word (emphasis), "<" that
# opens a tag or an autolink, "&" that spells an entity such as "&amp;".
_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# At the start of a line: headings, block quotes, bullets, breaks, setext underlines,
# pandoc's definition lists, and the ordered-list markers of CommonMark and pandoc
# ("1." "1)" "a)" "iv." "(2)" "#.").
_BLOCK_START = re.compile(r"^([#>+=:-])")
_LIST_MARKER = re.compile(r"^(\(?)(\d{1,9}|[A-Za-z]|[ivxlcdmIVXLCDM]+|#)([.)])(?=\s|$)")


def escape_line(text: str) -> str:
    """One line of user text, escaped to read literally wherever it stands in a block."""
    text = _INLINE.sub(r"\\\1", text.strip())
    text = _UNDERSCORE.sub(r"\\_", text)
    text = _TAG_START.sub(r"\\<", text)
    text = _ENTITY.sub(r"\\&", text)
    text = _BLOCK_START.sub(r"\\\1", text)
    return _LIST_MARKER.sub(_escape_marker, text)


def _escape_marker(match: re.Match[str]) -> str:
    opening, marker, delimiter = match.groups()
    if opening:
        return f"\\({marker}{delimiter}"
    return f"{marker}\\{delimiter}"


def escape_paragraph(text: str) -> list[str]:
    """A paragraph that may hold line breaks: each of its lines becomes a paragraph."""
    return [escape_line(line) for line in text.split("\n") if line.strip()]


def _answer(answer: Answer, ordered: bool, level: str = "###") -> list[str]:
    ordered = answer.numbered(ordered)
    blocks = [f"{level} {escape_line(answer.label)}"]
    if answer.shape in ("items", "pairs"):
        if ordered:
            items = [f"{n}. {escape_line(item)}" for n, item in enumerate(answer.lines, 1)]
        else:
            items = [f"- {escape_line(item)}" for item in answer.lines]
        blocks.append("\n".join(items))
    else:
        for paragraph in answer.lines:
            blocks.extend(escape_paragraph(paragraph))
    return blocks


def _answers(answers: tuple[Answer, ...], ordered: bool) -> list[str]:
    blocks: list[str] = []
    for group, run in runs_by_group(answers):
        if group is None:
            for answer in run:
                blocks.extend(_answer(answer, ordered))
            continue
        blocks.append(f"### {escape_line(group)}")
        for answer in run:
            blocks.extend(_answer(answer, ordered, level="####"))
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
    blocks.extend(_answers(part.answers, part.ordered))
    return blocks


def _title_block(plan: Plan) -> str:
    """YAML metadata for pandoc; each value a JSON string, which YAML reads as it is."""
    fields = {"title": plan.title, "date": long_date(plan.made_on), "lang": "en"}
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
    return "\n".join(["---", *lines, "---"])


def _header(plan: Plan, title_block: bool) -> list[str]:
    blocks = [_title_block(plan)] if title_block else []
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
    if plan.left_out:
        blocks.append(f"*{escape_line(LEFT_OUT_NOTE)}*")
    for answer in plan.header_answers:
        blocks.extend(_answer(answer, ordered=False))
    blocks.append(f"## {escape_line(CRISIS_TITLE)}")
    blocks.append(escape_line(plan.crisis_note))
    for group in plan.crisis:
        blocks.append(f"### {escape_line(group.name)}")
        lines = []
        for contact in group.contacts:
            line = f"- **{escape_line(contact.name)}:** {escape_line(contact.how_to_reach())}."
            if contact.details():
                line += f" {escape_line(contact.details())}"
            lines.append(line)
        blocks.append("\n".join(lines))
    return blocks


def render_markdown(plan: Plan, *, title_block: bool = True) -> str:
    """The plan as Markdown; `title_block=False` leaves out the YAML block (for a viewer that
    would show it as text)."""
    blocks = _header(plan, title_block)
    for part in plan.parts:
        blocks.extend(_part(part))
    return "\n\n".join(blocks) + "\n"
