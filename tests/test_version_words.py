"""Earlier versions told apart: when to the second, length, first words, what changed."""

from __future__ import annotations

import datetime as dt

from workbook.ui.widgets.version_words import (
    change_words,
    first_words,
    length_words,
    shared_minutes,
    version_heading,
)

NOW = dt.datetime(2026, 3, 14, 14, 51, 40, tzinfo=dt.timezone.utc)


def test_three_versions_saved_in_one_minute_have_different_headings():
    texts = ["He left on a Sunday", "He left on a Sunday in May", "He left"]
    moments = [NOW, NOW - dt.timedelta(seconds=20), NOW - dt.timedelta(seconds=35)]
    shared = shared_minutes(moments)
    headings = [
        version_heading(t, m, NOW, seconds=m.astimezone().timetuple()[:5] in shared, current=False)
        for t, m in zip(texts, moments, strict=True)
    ]
    assert len(set(headings)) == 3
    assert all(h.startswith("Today at ") for h in headings)
    assert "5 words" in headings[0] and "7 words" in headings[1]


def test_lengths_and_first_words():
    assert length_words("") == "empty"
    assert length_words("one") == "1 word"
    assert first_words("a b c d e f g h") == "a b c d e f…"
    long = "I kept every message he sent, and read them at night " * 3
    assert f"“{first_words(long)}”" in version_heading(long, NOW, NOW, seconds=False, current=True)


def test_what_changed_is_said_when_short():
    assert change_words("He left on a Sunday in May", "He left on a Sunday") == "added “in May”"
    assert change_words("He left", "He left on a Sunday") == "took out “on a Sunday”"
    assert change_words("She left", "He left") == "“He” became “She”"
    assert change_words("same", "same") is None
    assert change_words("entirely new words " * 5, "something else") is None  # too long to say


def test_versions_saved_in_the_same_second_are_numbered():
    one = version_heading("a", NOW, NOW, seconds=True, current=False, number=1)
    two = version_heading("a", NOW, NOW, seconds=True, current=True, number=2)
    assert one != two and "version 2" in two and two.endswith("your answer now")
