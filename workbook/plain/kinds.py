"""What each kind of question asks for, in words, and an answer said back in words.

The exercise file says a prompt's type; here it becomes a sentence a person can follow
without seeing a screen: "Write one line, then press Enter." And a stored value becomes
words again: "2, 3: Calling or texting them; Seeing them in person".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from workbook.content.models import (
    OTHER_PREFIX,
    ChecklistPrompt,
    ChoicePrompt,
    DatePrompt,
    ListPrompt,
    LongTextPrompt,
    Prompt,
    ScalePrompt,
    TextPrompt,
    YesNoPrompt,
)
from workbook.plain.dates import spoken_date

SOMETHING_ELSE = "Something else, in your own words"


def options_of(prompt: ChoicePrompt | ChecklistPrompt, value: Any) -> list[str]:
    """The numbered options: the exercise's, then any earlier answer it no longer offers
    (so nothing is dropped), then "Something else" when the prompt allows it."""
    options = list(prompt.options)
    given = value if isinstance(value, list) else [value] if isinstance(value, str) else []
    for item in given:
        if isinstance(item, str) and item not in options and not _own_words(prompt, item):
            options.append(item)
    if prompt.other:
        options.append(SOMETHING_ELSE)
    return options


def _own_words(prompt: Prompt, item: str) -> bool:
    return bool(getattr(prompt, "other", False)) and item.startswith(OTHER_PREFIX)


def how_to_answer(prompt: Prompt) -> str:
    """The kind of answer, in one or two sentences."""
    if isinstance(prompt, TextPrompt):
        return "Answer in one line, then press Enter."
    if isinstance(prompt, LongTextPrompt):
        return "Write as many lines as you like. An empty line ends your answer."
    if isinstance(prompt, ScalePrompt):
        return (
            f"Answer with a number from {prompt.min} to {prompt.max}: "
            f"{prompt.min} means {_unquoted(prompt.min_label)}, "
            f"{prompt.max} means {_unquoted(prompt.max_label)}."
        )
    if isinstance(prompt, ChoicePrompt):
        return "Choose one: answer with its number."
    if isinstance(prompt, ChecklistPrompt):
        return "Choose all that apply: answer with their numbers, like 1, 3."
    if isinstance(prompt, ListPrompt):
        return f"Write one {prompt.item_label} a line. An empty line ends the list."
    if isinstance(prompt, DatePrompt):
        return (
            "Answer with a date, as you would say it: for example 14 March 2026, "
            "today, or yesterday."
        )
    if isinstance(prompt, YesNoPrompt):
        return "Answer y for yes or n for no."
    return "Answer in one line, then press Enter."


def _unquoted(label: str) -> str:
    """An end label as part of a sentence: "Not at all" -> "not at all"."""
    if len(label) > 1 and label[0].isupper() and not label[1].isupper():
        return label[0].lower() + label[1:]
    return label


def spoken_answer(prompt: Prompt, value: Any) -> str:
    """A stored answer as words; empty when there is none."""
    if prompt.is_empty(value):
        return ""
    if isinstance(prompt, YesNoPrompt):
        return "yes" if value else "no"
    if isinstance(prompt, ScalePrompt):
        return f"{value} (from {prompt.min} to {prompt.max})"
    if isinstance(prompt, DatePrompt):
        try:
            return spoken_date(dt.date.fromisoformat(str(value)))
        except ValueError:
            return str(value)
    if isinstance(prompt, ChoicePrompt) and isinstance(value, str):
        return _numbered_choices(prompt, [value], value)
    if isinstance(prompt, ChecklistPrompt) and isinstance(value, list):
        return _numbered_choices(prompt, [str(item) for item in value], value)
    if isinstance(value, list):
        return "\n".join(f"{n}. {item}" for n, item in enumerate(value, start=1))
    return str(value)


def _numbered_choices(prompt: ChoicePrompt | ChecklistPrompt, items: list[str], value: Any):
    options = options_of(prompt, value)
    spoken = []
    for item in items:
        if _own_words(prompt, item):
            spoken.append(f"{len(options)}. {item.removeprefix(OTHER_PREFIX)}")
        elif item in options:
            spoken.append(f"{options.index(item) + 1}. {item}")
    return "; ".join(spoken)
