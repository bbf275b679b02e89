"""Shared data for the plan tests: the golden content, a store that answers every prompt type,
and the golden-file check. (No tests here; the other test_plan_* modules import this.)

The golden content lives in tests/golden/content (its own plan.json and crisis lines, plus
tests/data/exercises/mini.json) so the golden files do not change when the bundled content does.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from workbook.content.loading import Content, load_content
from workbook.paths import Paths
from workbook.plan.model import ProgressFacts

TESTS_DIR = Path(__file__).parent
GOLDEN_DIR = TESTS_DIR / "golden"
GOLDEN_CONTENT_DIR = GOLDEN_DIR / "content"
MINI_EXERCISE = TESTS_DIR / "data" / "exercises" / "mini.json"

TODAY = dt.date(2026, 3, 14)
PROGRESS = ProgressFacts(
    days_without_contact=13,
    longest_streak=13,
    urges_logged=6,
    urges_passed=5,
    craving_trend="falling",
    check_ins=11,
)

# One answer for every prompt of mini.json (every prompt type) and of steps.json.
EVERY_ANSWER = {
    ("mini", "name"): "Sam",
    ("mini", "story"): (
        "We met at work, and for a year it felt like the best thing in my life.\n"
        "Then the silences started.\n\n"
        "I stopped seeing my friends. I told myself it was love."
    ),
    ("mini", "reasons"): ["I want my sleep back.", "My friends miss me.", "I deserve care."],
    ("mini", "pull"): 7,
    ("mini", "contact"): "Other: Any message, even a 'like'",
    ("mini", "blocked"): ["Phone", "Social media", "Other: Our shared music account"],
    ("mini", "start"): "2026-03-01",
    ("mini", "safe"): True,
    ("mini", "triggers"): [
        ["Sunday evenings alone", "call my sister"],
        ["Our song on the radio", ""],
    ],
    ("steps", "craving-steps"): [
        "Stop, and breathe slowly for one minute.",
        "Read my list of truths.",
        "Call Jo (555 0134).",
        "Write the letter I will not send.",
    ],
    ("steps", "review-date"): "2026-04-11",
}

USER_RESOURCES = """{
  "regions": [
    {"id": "mine", "name": "My own numbers",
     "lines": [{"name": "My sister Jo", "call": "555 0134", "purpose": "She knows everything"}]}
  ]
}
"""


def golden_content(paths: Paths) -> Content:
    """The golden plan outline and crisis lines, mini.json and steps.json, the user's own line."""
    paths.user_exercises_dir.mkdir(parents=True, exist_ok=True)
    (paths.user_exercises_dir / "mini.json").write_bytes(MINI_EXERCISE.read_bytes())
    paths.user_resources_file.write_text(USER_RESOURCES, encoding="utf-8")
    content = load_content(paths, bundled=GOLDEN_CONTENT_DIR)
    assert not content.problems, content.problems
    return content


def save_every_answer(store) -> None:
    for (exercise_id, prompt_id), value in EVERY_ANSWER.items():
        store.save_answer(exercise_id, prompt_id, value)


def assert_matches_golden(name: str, actual: str) -> None:
    """Compare with tests/golden/<name>; UPDATE_GOLDEN=1 writes the file instead."""
    path = GOLDEN_DIR / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_bytes(actual.encode("utf-8"))
        return
    assert path.exists(), f"{path} is missing: run the tests with UPDATE_GOLDEN=1 to make it"
    expected = path.read_bytes().decode("utf-8")
    assert actual == expected, f"{name} differs from the golden file; UPDATE_GOLDEN=1 rewrites it"
