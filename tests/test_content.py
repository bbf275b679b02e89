"""The bundled words: they load, they read plainly, they are kind, and they cover the plan.

These tests read only the bundled exercises folder. The checked crisis numbers and the
shaming words are written out here on purpose, so the tests need nothing outside the repo.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import msgspec
import pytest
import textstat

from workbook.content.models import (
    PROMPT_TYPES,
    ChecklistPrompt,
    ChoicePrompt,
    DatePrompt,
    Exercise,
    ListPrompt,
    LongTextPrompt,
    PairsPrompt,
    ScalePrompt,
    TextPrompt,
    load_catalog,
    load_plan_outline,
    load_resources,
)
from workbook.content.regions import guess_region
from workbook.paths import bundled_exercises_dir

BUNDLED = bundled_exercises_dir()

MAX_GRADE = 8.0

# Checked 2026-11. Numbers to call, with spaces and hyphens taken out.
CHECKED_CALL_NUMBERS = {
    "911",  # emergency, US and Canada
    "999",  # emergency, UK
    "000",  # emergency, Australia
    "112",  # emergency, EU
    "18007997233",  # US National Domestic Violence Hotline
    "988",  # US 988 Suicide & Crisis Lifeline
    "08082000247",  # UK National Domestic Abuse Helpline (Refuge)
    "08088010327",  # UK Men's Advice Line
    "1800737732",  # Australia 1800RESPECT
    # Checked 2026-12.
    "116123",  # Samaritans, UK and Ireland
    "131114",  # Australia Lifeline
}
CHECKED_CALL_WORDS = {"1800RESPECT": "1800737732"}
# Numbers to text, with the word to send where there is one.
CHECKED_TEXT_NUMBERS = {
    "88788": "START",
    "988": None,  # US 988 Lifeline and Canada's 9-8-8 Suicide Crisis Helpline
    "85258": "SHOUT",  # Shout, UK (checked 2026-12)
    "741741": "HOME",  # Crisis Text Line, US (checked 2026-12)
}

SHAMING_WORDS = [
    "failure",
    "failures",
    "fail",
    "fails",
    "failed",
    "failing",
    "weak",
    "weakness",
    "pathetic",
    "pitiful",
    "stupid",
    "dumb",
    "idiot",
    "idiotic",
    "fool",
    "foolish",
    "naive",
    "gullible",
    "crazy",
    "insane",
    "hysterical",
    "loser",
    "worthless",
    "should have known",
    "you should have",
    "your fault",
    "your own fault",
    "brought it on yourself",
    "let it happen",
    "why did you stay",
    "get over it",
    "too sensitive",
    "overreacting",
    "ashamed of yourself",
]

REQUIRED_SECTIONS = {
    "truth-realizations": {
        "reality",
        "highs-and-costs",
        "harms",
        "crumbs",
        "who-i-was",
        "what-i-know",
    },
    "need-inventory": {"significance", "love", "security", "other-needs", "values"},
    "abstinence-plan": {
        "commitment",
        "boundaries",
        "triggers",
        "warning-signs",
        "craving-protocol",
        "daily-maintenance",
        "support",
        "if-i-slip",
        "safety",
    },
}
# (fewest sections, most sections, fewest prompts, most prompts)
SIZES = {
    "truth-realizations": (4, 7, 15, 30),
    "need-inventory": (4, 7, 15, 30),
    "abstinence-plan": (6, 10, 20, 40),
}
ORDER = {"truth-realizations": 1, "need-inventory": 2, "abstinence-plan": 3}
ABSTINENCE_PLAN_SECTIONS = {
    "commitment",
    "triggers",
    "warning-signs",
    "craving-steps",
    "daily-maintenance",
    "boundaries",
    "support",
    "if-i-slip",
    "safety-plan",
}


@pytest.fixture(scope="module")
def plan_ids() -> list[str]:
    return load_plan_outline(BUNDLED / "plan.json").section_ids()


@pytest.fixture(scope="module")
def exercises(plan_ids: list[str]) -> dict[str, Exercise]:
    catalog = load_catalog([BUNDLED], set(plan_ids))
    assert catalog.problems == []
    return {exercise.id: exercise for exercise in catalog.exercises}


def _sentence(text: str) -> str:
    """One piece of text as a sentence, so a label without a full stop does not run on."""
    text = re.sub(r"[*`#]", "", text).strip()
    if text and text[-1] not in '.!?:”"':
        text += "."
    return text


def reading_text(exercise: Exercise) -> str:
    pieces = [exercise.summary, *exercise.intro.split("\n\n")]
    for section in exercise.sections:
        pieces.extend(section.intro.split("\n\n"))
        for prompt in section.prompts:
            pieces.extend([prompt.label, prompt.help])
            if isinstance(prompt, (TextPrompt, LongTextPrompt)):
                pieces.append(prompt.placeholder)
    return " ".join(_sentence(piece) for piece in pieces if piece.strip())


def all_strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in [key, *all_strings(item)]]
    if isinstance(value, list):
        return [s for item in value for s in all_strings(item)]
    return []


def shaming_hits(text: str) -> list[str]:
    hits = []
    for phrase in SHAMING_WORDS:
        pattern = r"\b" + r"\s+".join(re.escape(word) for word in phrase.split()) + r"\b"
        if re.search(pattern, text, flags=re.IGNORECASE):
            hits.append(phrase)
    return hits


def content_files() -> list[Path]:
    return sorted(p for p in BUNDLED.glob("*.json") if p.name != "schema.json")


# Loading


def test_the_three_exercises_load_without_problems(exercises: dict[str, Exercise]) -> None:
    assert set(exercises) == set(REQUIRED_SECTIONS)


def test_exercises_stand_in_their_order_on_the_home_screen(
    exercises: dict[str, Exercise],
) -> None:
    assert {e.id: e.order for e in exercises.values()} == ORDER


def test_the_plan_outline_keeps_its_sixteen_sections_in_order(plan_ids: list[str]) -> None:
    assert plan_ids == [
        "header",
        "commitment",
        "reasons",
        "truths",
        "cost-benefit",
        "needs",
        "triggers",
        "warning-signs",
        "craving-steps",
        "daily-maintenance",
        "boundaries",
        "support",
        "if-i-slip",
        "safety-plan",
        "progress",
        "keeping",
    ]


def test_resources_load() -> None:
    resources = load_resources(BUNDLED / "resources.json")
    assert resources.regions


# Plain words


@pytest.fixture
def offline_syllables(monkeypatch: pytest.MonkeyPatch) -> None:
    """Count syllables with pyphen, which textstat ships with.

    textstat 0.7.13 looks words up in CMUdict through nltk, which downloads it from the
    network on first use. Tests run offline, and should give the same grade everywhere.
    """
    try:
        from textstat.backend.counts import _count_syllables
    except ImportError:  # older textstat counts with pyphen alone
        return
    monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: None)


@pytest.mark.parametrize("exercise_id", sorted(REQUIRED_SECTIONS))
@pytest.mark.usefixtures("offline_syllables")
def test_each_exercise_reads_at_grade_eight_or_lower(
    exercises: dict[str, Exercise], exercise_id: str
) -> None:
    grade = textstat.flesch_kincaid_grade(reading_text(exercises[exercise_id]))
    assert grade <= MAX_GRADE, f"{exercise_id} reads at grade {grade}"


def test_exercises_say_how_long_they_take(exercises: dict[str, Exercise]) -> None:
    for exercise in exercises.values():
        assert exercise.minutes
        assert "minutes" in exercise.intro or "hour" in exercise.intro, exercise.id


# Kind words


@pytest.mark.parametrize("path", content_files(), ids=lambda p: p.name)
def test_no_shaming_words(path: Path) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    found = {(hit, text) for text in all_strings(raw) for hit in shaming_hits(text)}
    assert not found


def test_the_shaming_check_matches_whole_words_only() -> None:
    assert shaming_hits("That was a Failure.") == ["failure"]
    assert shaming_hits("It was Your   fault") == ["your fault"]
    assert shaming_hits("Their weakened voice") == []
    assert shaming_hits("A foolproof plan") == []


# Coverage


@pytest.mark.parametrize("exercise_id", sorted(REQUIRED_SECTIONS))
def test_each_exercise_has_its_sections_and_size(
    exercises: dict[str, Exercise], exercise_id: str
) -> None:
    exercise = exercises[exercise_id]
    section_ids = {section.id for section in exercise.sections}
    assert REQUIRED_SECTIONS[exercise_id] <= section_ids
    fewest_sections, most_sections, fewest_prompts, most_prompts = SIZES[exercise_id]
    assert fewest_sections <= len(exercise.sections) <= most_sections
    assert fewest_prompts <= len(exercise.prompts()) <= most_prompts


def test_every_prompt_type_is_used(exercises: dict[str, Exercise]) -> None:
    used = {type(p).__struct_config__.tag for e in exercises.values() for p in e.prompts()}
    # The danger question became Yes / Not sure / No, so yes-no is left for people's own files.
    assert used == set(PROMPT_TYPES) - {"yesno"}


def test_open_prompts_give_an_example_answer(exercises: dict[str, Exercise]) -> None:
    for exercise in exercises.values():
        for prompt in exercise.prompts():
            if isinstance(prompt, (LongTextPrompt, ListPrompt)):
                assert "for example" in prompt.help.lower(), f"{exercise.id}/{prompt.id}"


def test_every_section_and_exercise_has_an_intro(exercises: dict[str, Exercise]) -> None:
    for exercise in exercises.values():
        assert exercise.intro.strip() and exercise.summary.strip()
        for section in exercise.sections:
            assert section.intro.strip(), f"{exercise.id}/{section.id}"


def test_scales_have_both_end_labels(exercises: dict[str, Exercise]) -> None:
    for exercise in exercises.values():
        for prompt in exercise.prompts():
            if isinstance(prompt, ScalePrompt):
                assert prompt.min_label.strip() and prompt.max_label.strip(), prompt.id


def test_choices_and_checklists_offer_enough_options(exercises: dict[str, Exercise]) -> None:
    for exercise in exercises.values():
        for prompt in exercise.prompts():
            if isinstance(prompt, ChecklistPrompt):
                assert prompt.other, f"{exercise.id}/{prompt.id}: let people add their own"
            if isinstance(prompt, ChoicePrompt) and prompt.show_crisis_lines_for:
                continue  # the danger question: Yes, Not sure, No
            if isinstance(prompt, (ChoicePrompt, ChecklistPrompt)):
                assert len(prompt.options) >= 4, f"{exercise.id}/{prompt.id}"


def test_every_answers_section_of_the_plan_is_fed(
    exercises: dict[str, Exercise],
) -> None:
    outline = load_plan_outline(BUNDLED / "plan.json")
    referenced = {p.plan for e in exercises.values() for p in e.prompts() if p.plan}
    for section in outline.sections:
        if section.kind == "answers":
            assert section.id in referenced, f"no prompt feeds the plan section {section.id!r}"


def test_the_abstinence_plan_feeds_its_plan_sections(exercises: dict[str, Exercise]) -> None:
    referenced = {p.plan for p in exercises["abstinence-plan"].prompts() if p.plan}
    assert referenced >= ABSTINENCE_PLAN_SECTIONS


def test_the_abstinence_plan_has_its_named_prompts(exercises: dict[str, Exercise]) -> None:
    plan = exercises["abstinence-plan"]
    expected = {
        "no-contact-start": (DatePrompt, "commitment"),
        "review-date": (DatePrompt, "keeping"),
        "reasons": (ListPrompt, "reasons"),
        "triggers": (PairsPrompt, "triggers"),
        "hooks": (PairsPrompt, "triggers"),
        "warning-signs": (PairsPrompt, "warning-signs"),
        "craving-steps": (ListPrompt, "craving-steps"),
        "support-people": (ListPrompt, "support"),
        "if-i-slip": (LongTextPrompt, "if-i-slip"),
    }
    for prompt_id, (kind, plan_section) in expected.items():
        prompt = plan.prompt(prompt_id)
        assert isinstance(prompt, kind), prompt_id
        assert prompt.plan == plan_section, prompt_id
    triggers = plan.prompt("triggers")
    assert isinstance(triggers, PairsPrompt)
    assert triggers.item_label == "trigger"
    assert triggers.columns == ["Trigger", "What I'll do instead"]
    # Nobody is asked to type an arrow any more.
    assert not any("→" in p.help for p in plan.prompts())


YOU = re.compile(r"\b(you|your|yours|yourself)\b", re.I)


def test_every_prompt_that_feeds_the_plan_speaks_in_the_first_person(
    exercises: dict[str, Exercise],
) -> None:
    for exercise in exercises.values():
        for prompt in exercise.prompts():
            if prompt.plan in (None, "header"):
                continue
            assert prompt.plan_label, (exercise.id, prompt.id)
            assert not YOU.search(prompt.plan_label), (exercise.id, prompt.plan_label)


def test_the_three_needs_are_grouped_under_their_names(exercises: dict[str, Exercise]) -> None:
    groups = {s.id: s.plan_group for s in exercises["need-inventory"].sections}
    assert groups["significance"] and groups["love"] and groups["security"]
    assert len({groups["significance"], groups["love"], groups["security"]}) == 3


def test_the_safety_section_asks_about_danger_and_names_crisis_lines(
    exercises: dict[str, Exercise],
) -> None:
    safety = next(s for s in exercises["abstinence-plan"].sections if s.id == "safety")
    danger = next(p for p in safety.prompts if p.id == "in-danger")
    assert isinstance(danger, ChoicePrompt) and "danger" in danger.label
    assert danger.options == ["Yes", "Not sure", "No"]
    assert danger.show_crisis_lines_for == ["Yes", "Not sure"]
    assert "emergency" in danger.help
    # The six steps of the Stanley-Brown plan, each answered in the plan.
    assert sum(p.plan == "safety-plan" for p in safety.prompts) >= 6


# Crisis lines


def _call_number(call: str) -> str:
    compact = re.sub(r"[\s\-().]", "", call)
    return CHECKED_CALL_WORDS.get(compact.upper(), compact)


def test_every_crisis_number_is_a_checked_one() -> None:
    resources = load_resources(BUNDLED / "resources.json")
    called, texted = set(), set()
    for region in resources.regions:
        for line in region.lines:
            if line.call:
                number = _call_number(line.call)
                assert number in CHECKED_CALL_NUMBERS, f"{line.name}: {line.call}"
                called.add(number)
            if line.text:
                numbers = re.findall(r"\d+", line.text)
                assert len(numbers) == 1 and numbers[0] in CHECKED_TEXT_NUMBERS, line.text
                keyword = CHECKED_TEXT_NUMBERS[numbers[0]]
                assert keyword is None or keyword in line.text, line.text
                texted.add(numbers[0])
            assert line.hours and line.purpose, line.name
    # Every checked line is offered.
    assert called == CHECKED_CALL_NUMBERS
    assert texted == set(CHECKED_TEXT_NUMBERS)


def test_the_resources_note_asks_people_to_check_and_add_their_own() -> None:
    note = load_resources(BUNDLED / "resources.json").note.lower()
    assert "check" in note and "add your own" in note


def test_phone_numbers_in_exercise_text_are_checked_or_made_up(
    exercises: dict[str, Exercise],
) -> None:
    checked = CHECKED_CALL_NUMBERS | set(CHECKED_TEXT_NUMBERS)
    for exercise in exercises.values():
        for text in all_strings(msgspec.to_builtins(exercise)):
            for found in re.findall(r"\d[\d -]*\d", text):
                digits = re.sub(r"\D", "", found)
                if len(digits) < 3:
                    continue
                # Made-up numbers in examples use 555 01xx, which is never given out.
                made_up = re.fullmatch(r"55501\d\d", digits)
                assert made_up or digits in checked, f"{exercise.id}: {found}"


# Checked 2026-12: (region id, line name, way to reach them) for the lines added then.
CHECKED_DECEMBER_LINES = [
    ("uk", "Samaritans", "call 116 123"),
    ("ireland", "Samaritans", "call 116 123"),
    ("uk", "Shout", "text SHOUT to 85258"),
    ("australia", "Lifeline", "call 13 11 14"),
    ("canada", "9-8-8 Suicide Crisis Helpline", "call 988"),
    ("canada", "9-8-8 Suicide Crisis Helpline", "text 988"),
    ("us", "Crisis Text Line", "text HOME to 741741"),
]


@pytest.mark.parametrize(("region_id", "name", "way"), CHECKED_DECEMBER_LINES)
def test_each_line_checked_in_december_is_in_its_region_day_and_night(
    region_id: str, name: str, way: str
) -> None:
    resources = load_resources(BUNDLED / "resources.json")
    region = next(r for r in resources.regions if r.id == region_id)
    line = next(x for x in region.lines if x.name == name)
    ways = ([f"call {line.call}"] if line.call else []) + (
        [f"text {line.text}"] if line.text else []
    )
    assert way in ways
    assert "24 hours" in line.hours and line.purpose


def test_every_region_has_its_emergency_number_marked_for_the_danger_question() -> None:
    for region in load_resources(BUNDLED / "resources.json").regions:
        assert [x.kind for x in region.lines].count("emergency") == 1, region.id


@pytest.mark.parametrize(
    ("locale_name", "region"),
    [
        ("en_GB.UTF-8", "uk"),
        ("en_IE.UTF-8", "ireland"),
        ("fr_CA.UTF-8", "canada"),
        ("en_US", "us"),
        ("en_AU.utf8", "australia"),
        ("de_DE.UTF-8", "eu"),
        ("ja_JP.UTF-8", None),
        ("C", None),
        ("POSIX", None),
        ("", None),
        (None, None),
    ],
)
def test_the_region_is_guessed_from_the_locale(locale_name, region) -> None:
    resources = load_resources(BUNDLED / "resources.json")
    assert guess_region(locale_name, resources) == region
