"""Answers and moments in plain words, for reading on screen."""

from __future__ import annotations

import datetime as dt
from typing import Any

from workbook.content.models import (
    ChecklistPrompt,
    DatePrompt,
    ListPrompt,
    PairsPrompt,
    Prompt,
    ScalePrompt,
    YesNoPrompt,
    as_pairs,
)

NOT_ANSWERED = "Not answered yet."


def local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone()


def day_words(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def sentence_case(words: str) -> str:
    return words[:1].upper() + words[1:]


def when_words(moment: dt.datetime, now: dt.datetime) -> str:
    """'today at 09:30', 'yesterday at 18:02', '12 March 2026 at 07:15'."""
    moment, now = local(moment), local(now)
    at = f"at {moment:%H:%M}"
    days_ago = (now.date() - moment.date()).days
    if days_ago == 0:
        return f"today {at}"
    if days_ago == 1:
        return f"yesterday {at}"
    return f"{day_words(moment.date())} {at}"


def last_worked_words(moment: dt.datetime | None, now: dt.datetime) -> str:
    if moment is None:
        return "not started"
    days_ago = (local(now).date() - local(moment).date()).days
    if days_ago <= 0:
        return "last worked on today"
    if days_ago == 1:
        return "last worked on yesterday"
    if days_ago < 7:
        return f"last worked on {days_ago} days ago"
    return f"last worked on {day_words(local(moment).date())}"


def answer_words(prompt: Prompt, value: Any) -> str:
    """An answer as text a person reads: lists as bullets, a scale with its end labels."""
    if prompt.is_empty(value):
        return NOT_ANSWERED
    if isinstance(prompt, ScalePrompt):
        return (
            f"{value} on a scale from {prompt.min} ({prompt.min_label}) "
            f"to {prompt.max} ({prompt.max_label})"
        )
    if isinstance(prompt, PairsPrompt):
        return "\n".join(f"• {a}: {b}" if a and b else f"• {a or b}" for a, b in as_pairs(value))
    if isinstance(prompt, (ChecklistPrompt, ListPrompt)) and isinstance(value, list):
        return "\n".join(f"• {item}" for item in value)
    if isinstance(prompt, YesNoPrompt):
        return "Yes" if value else "No"
    if isinstance(prompt, DatePrompt) and prompt.is_valid_value(value):
        return f"{day_words(dt.date.fromisoformat(value))} ({value})"
    return str(value)
