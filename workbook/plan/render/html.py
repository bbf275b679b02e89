"""The plan as one self-contained HTML page: inline CSS, no scripts, nothing fetched.

It reads well on a screen and prints on A4 or US Letter (the printer's own paper size; the
margins fit both). Page 1 holds the title, the dates and the crisis lines, and the plan
begins right under them. Every string from an answer or a content file is escaped, and every
block of the user's own words carries dir="auto" so it reads in its own direction.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from workbook.plan.model import (
    CRISIS_TITLE,
    LEFT_OUT_NOTE,
    Answer,
    Plan,
    PlanPart,
    long_date,
    runs_by_group,
)

STYLE_FILE = Path(__file__).with_name("plan.css")
# Belt and braces: even if something slipped through, the page may load nothing at all.
CONTENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'"


def _e(text: str) -> str:
    """Text between tags."""
    return escape(text, quote=False)


def _attr(text: str) -> str:
    """Text inside an attribute's quotes."""
    return escape(text, quote=True)


# The user's own words may be in any script: each block of them finds its own direction, so
# an Arabic or Hebrew answer reads right to left in an English page.
USER = ' dir="auto"'


def _paragraph(text: str, css_class: str = "", user: bool = False) -> str:
    attribute = f' class="{css_class}"' if css_class else ""
    attribute += USER if user else ""
    return f"<p{attribute}>" + "<br>\n".join(_e(line) for line in text.split("\n")) + "</p>"


def _pairs_table(answer: Answer) -> str:
    first, second = answer.columns or ("", "")
    rows = "".join(
        f"<tr><td{USER}>{_e(a)}</td><td{USER}>{_e(b)}</td></tr>" for a, b in answer.pairs
    )
    return (
        '<table class="pairs"><thead><tr>'
        f'<th scope="col">{_e(first)}</th><th scope="col">{_e(second)}</th>'
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


def _answer(answer: Answer, ordered: bool, heading: str = "h3") -> str:
    ordered = answer.numbered(ordered)
    parts = ['<div class="answer">', f"<{heading}>{_e(answer.label)}</{heading}>"]
    if answer.shape == "pairs":
        parts.append(_pairs_table(answer))
    elif answer.shape == "items":
        tag = "ol" if ordered else "ul"
        items = "".join(f"<li{USER}>{_e(item)}</li>" for item in answer.lines)
        parts.append(f"<{tag}>{items}</{tag}>")
    else:
        css_class = "value" if answer.shape == "value" else ""
        parts.extend(_paragraph(paragraph, css_class, user=True) for paragraph in answer.lines)
    parts.append("</div>")
    return "\n".join(parts)


def _answers(answers: tuple[Answer, ...], ordered: bool) -> list[str]:
    """Answers in order; those of one repeated section (a need) under that section's name."""
    html: list[str] = []
    for group, run in runs_by_group(answers):
        if group is None:
            html.extend(_answer(answer, ordered) for answer in run)
            continue
        html.append('<div class="group">')
        html.append(f"<h3>{_e(group)}</h3>")
        html.extend(_answer(answer, ordered, heading="h4") for answer in run)
        html.append("</div>")
    return html


def _facts(rows: list[tuple[str, str]]) -> str:
    inner = "".join(
        f"<div><dt>{_e(label)}</dt><dd{USER}>{_e(value)}</dd></div>" for label, value in rows
    )
    return f'<dl class="facts">{inner}</dl>'


def _part(part: PlanPart) -> str:
    classes = f"part part-{part.kind}"
    if part.is_empty:
        classes += " empty"
    html = [
        f'<section class="{_attr(classes)}" id="{_attr(part.id)}">',
        f"<h2>{_e(part.title)}</h2>",
    ]
    if part.intro:
        html.append(_paragraph(part.intro, "intro"))
    if part.is_empty:
        html.append(_paragraph(part.empty_note, "empty-note"))
    if part.facts:
        html.append(_facts([(f.label, f.value) for f in part.facts]))
    html.extend(_answers(part.answers, part.ordered))
    html.append("</section>")
    return "\n".join(html)


def _crisis(plan: Plan) -> str:
    html = [
        '<section class="crisis" aria-labelledby="crisis-title">',
        f'<h2 id="crisis-title">{_e(CRISIS_TITLE)}</h2>',
        _paragraph(plan.crisis_note, "intro"),
    ]
    for group in plan.crisis:
        html.append(f"<h3{USER}>{_e(group.name)}</h3>")
        html.append("<ul>")
        for contact in group.contacts:
            # Each way to reach them stays on one line: "call 1-800-799-7233".
            ways = ", or ".join(f'<span class="reach">{_e(way)}</span>' for way in contact.ways())
            details = f' <span class="details">{_e(contact.details())}</span>'
            html.append(
                f'<li{USER}><span class="name">{_e(contact.name)}</span>: {ways}.'
                + (details if contact.details() else "")
                + "</li>"
            )
        html.append("</ul>")
    html.append("</section>")
    return "\n".join(html)


def _cover(plan: Plan) -> str:
    rows = [("Name", plan.name)] if plan.name else []
    rows += [("Made on", long_date(plan.made_on)), ("Next review", long_date(plan.review_on))]
    html = ['<header class="cover">', f"<h1>{_e(plan.title)}</h1>"]
    if plan.about_title:
        html.append(f'<h2 class="about">{_e(plan.about_title)}</h2>')
    if plan.intro:
        html.append(_paragraph(plan.intro, "intro"))
    html.append(_facts(rows))
    html.append(_paragraph(plan.notice, "notice"))
    if plan.left_out:
        html.append(_paragraph(LEFT_OUT_NOTE, "left-out"))
    html.extend(_answer(answer, ordered=False) for answer in plan.header_answers)
    html.append(_crisis(plan))
    html.append("</header>")
    return "\n".join(html)


def render_html(plan: Plan) -> str:
    style = STYLE_FILE.read_text(encoding="utf-8")
    # On paper the parts follow the cover on page 1: a forced page break would leave half a
    # page blank, and a counselor reads the plan through anyway.
    parts = [_part(part) for part in plan.parts]
    body = "\n".join([_cover(plan), '<main class="plan">', *parts, "</main>"])
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CONTENT_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>{_e(plan.title)}</title>
<style>
{style}</style>
</head>
<body>
<div class="page">
{body}
<footer>{_e(plan.title)}, made on {long_date(plan.made_on)}.</footer>
</div>
</body>
</html>
"""
