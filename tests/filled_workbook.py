"""A workbook with every bundled prompt answered, in the words a real person might use: for
the printed-plan check (tests/test_plan_print.py), the plan-screen benchmark and trying the
app by hand. `fill(store)` saves the answers; ANSWERS maps (exercise, prompt) to each value.
"""

from __future__ import annotations

from typing import Any

from workbook.content.loading import Content
from workbook.content.models import (
    ChecklistPrompt,
    ChoicePrompt,
    DatePrompt,
    ListPrompt,
    PairsPrompt,
    ScalePrompt,
    YesNoPrompt,
)

# Words for the prompts that matter most on paper; every other prompt gets an answer made
# from its own label, so that no prompt is left empty.
WORDS: dict[tuple[str, str], Any] = {
    ("abstinence-plan", "name"): "Alex",
    ("abstinence-plan", "no-contact-start"): "2026-11-01",
    ("abstinence-plan", "review-date"): "2026-12-31",
    ("abstinence-plan", "commitment"): (
        "I will not call, text, email or look them up, for ninety days and then again.\n"
        "If I slip, I tell Jo the same day and start again the next morning."
    ),
    ("abstinence-plan", "reasons"): [
        "I want to sleep through the night again.",
        "My children deserve a calm parent.",
        "I want to like the person I see in the mirror.",
    ],
    ("abstinence-plan", "triggers"): [
        ["Sunday evenings alone", "Dinner at my sister's, phone left in my bag"],
        ["Our song on the radio", "Change the station and call Jo"],
        ["Payday, when we used to go out", "Buy myself flowers and cook something good"],
    ],
    ("abstinence-plan", "hooks"): [
        ["“I've changed, I'm in therapy now”", "I do not reply. Change shows as respect."],
        ["A crisis of theirs at 2 a.m.", "Not mine to fix. I turn the phone over."],
    ],
    ("abstinence-plan", "warning-signs"): [
        ["I start saying “we” again", "Reread my truths and tell Jo"],
        ["I drive past their street", "Park, breathe, and call my sponsor"],
    ],
    ("abstinence-plan", "craving-steps"): [
        "Stop, and breathe slowly for one minute.",
        "Reread my list of truths.",
        "Call Jo (07700 900123) or Sam (07700 900456).",
        "Write the letter I will not send.",
    ],
    ("abstinence-plan", "support-people"): [
        "Jo, my sister: 07700 900123, any time",
        "Sam, from my group: 07700 900456, evenings",
    ],
    ("abstinence-plan", "professionals"): [
        "Dr Patel, my counselor: Tuesdays at 5, 020 7946 0000",
        "Thursday support group at the library, 7 pm",
    ],
    ("abstinence-plan", "in-danger"): "Not sure",
    ("abstinence-plan", "exceptions"): ["We share children"],
    ("need-inventory", "significance-ways"): ["Volunteer on Saturdays", "Finish my course"],
    ("need-inventory", "love-ways"): ["Weekly call with my brother", "Adopt a cat"],
    ("need-inventory", "security-ways"): ["Save a little each month", "Change the locks"],
    ("truth-realizations", "harms"): [
        "The night they left me at the station in the rain.",
        "The silent weeks after my birthday.",
        "Being told I imagined things I saw with my own eyes.",
    ],
}


def _made_up(prompt: Any) -> Any:
    label = (prompt.plan_label or prompt.label).rstrip("?.")
    if isinstance(prompt, ScalePrompt):
        return (prompt.min + prompt.max) // 2 + 1
    if isinstance(prompt, DatePrompt):
        return "2026-12-01"
    if isinstance(prompt, YesNoPrompt):
        return True
    if isinstance(prompt, ChoicePrompt):
        return prompt.options[1]
    if isinstance(prompt, ChecklistPrompt):
        return [prompt.options[1], prompt.options[2], "Other: something of my own"]
    if isinstance(prompt, PairsPrompt):
        return [[f"First: {label}", "what I will do"], [f"Second: {label}", "and then this"]]
    if isinstance(prompt, ListPrompt):
        return [f"One thing for “{label}”", f"Another thing for “{label}”"]
    return f"My answer to “{label}”, in my own words."


def answers(content: Content) -> dict[tuple[str, str], Any]:
    """An answer for every prompt of every exercise in `content`."""
    found: dict[tuple[str, str], Any] = {}
    for exercise in content.catalog.exercises:
        for prompt in exercise.prompts():
            key = (exercise.id, prompt.id)
            found[key] = WORDS.get(key, _made_up(prompt))
    return found


def fill(store: Any, content: Content) -> dict[tuple[str, str], Any]:
    filled = answers(content)
    for (exercise_id, prompt_id), value in filled.items():
        store.save_answer(exercise_id, prompt_id, value)
    return filled
