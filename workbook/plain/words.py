"""Fixed words of plain mode that more than one conversation says: the crisis lines, the
first-run words, the commands, and exercise text made readable without Markdown."""

from __future__ import annotations

import re
from pathlib import Path

from workbook.content.models import CrisisLine, Resources

DANGER = "If you are in danger right now, call your local emergency number."
# Said in words a speech synthesizer says too: a lone "?" is silent in espeak-ng and in most
# screen readers' default punctuation level, so :help comes first and "?" is named.
COMMANDS = (
    "Commands, each on a line of its own: :help, or a question mark, for help with the "
    "question; :back for the question before; :skip to leave it for now; :outline for the "
    "list of questions; :crisis for crisis lines; :clear to empty your answer; :quit to "
    "stop. Everything is saved as you go."
)


def first_run_words(data_file: Path) -> list[str]:
    """What a new user hears first, in the app's welcome too: what this is, where the words
    go, and where help is."""
    return [
        "Welcome. This workbook is for you if you are pulling away from a relationship that "
        "hurt you and still has a hold on you.",
        "It is a self-help workbook, not therapy. You work through a few exercises at your "
        "own pace; there are no wrong answers, and you can stop at any time.",
        f"What you write stays on this computer, in {data_file}. Every earlier version is "
        "kept, so you can look back. Nothing is sent anywhere.",
        "Type :crisis on a line of its own, at any question, for crisis lines. " + DANGER,
    ]


def crisis_words(resources: Resources, own: Resources | None) -> list[str]:
    """The crisis lines as paragraphs: the user's own numbers first, then each region."""
    out = [DANGER]
    if own is not None:
        out.append("Your own numbers:")
        out.extend(_region_words(own))
    out.extend(_region_words(resources))
    if resources.note:
        out.append(resources.note)
    return out


def _region_words(resources: Resources) -> list[str]:
    out = []
    for region in resources.regions:
        out.append(f"{region.name}:")
        out.extend(line_words(line) for line in region.lines)
    return out


def line_words(line: CrisisLine) -> str:
    """One line as a sentence or two: "988 Suicide & Crisis Lifeline: call 988, text 988,
    24 hours, every day. If you are thinking about suicide ..."."""
    ways = []
    if line.call:
        ways.append(f"call {line.call}")
    if line.text:
        ways.append(f"text {line.text}")
    if line.hours:
        ways.append(line.hours)
    words = f"{line.name}: {', '.join(ways)}."
    return f"{words} {line.purpose}" if line.purpose else words


EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)


def without_markdown(text: str) -> str:
    """Exercise intros are Markdown: read aloud, "star star" means nothing. Emphasis and
    heading marks go; the words stay."""
    return HEADING.sub("", EMPHASIS.sub(r"\2", text))
