"""Loading exercise files: every bundled file loads; every kind of mistake gets its own message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbook.content.loading import load_content
from workbook.content.models import (
    PROMPT_TYPES,
    load_catalog,
    load_exercise_file,
    load_plan_outline,
)
from workbook.content.schema import schema_text
from workbook.paths import bundled_exercises_dir
from workbook.store.strict_json import MAX_FILE_BYTES, DataFileError

BAD = Path(__file__).parent / "data" / "bad"
MINI = Path(__file__).parent / "data" / "exercises" / "mini.json"
BUNDLED = bundled_exercises_dir()
PLAN_IDS = set(load_plan_outline(BUNDLED / "plan.json").section_ids())


def test_every_bundled_exercise_loads_without_problems():
    catalog = load_catalog([BUNDLED], PLAN_IDS)
    assert catalog.problems == []
    assert {e.id for e in catalog.exercises} >= {
        "truth-realizations",
        "need-inventory",
        "abstinence-plan",
    }


def test_the_test_exercise_uses_every_prompt_type():
    exercise = load_exercise_file(MINI, PLAN_IDS)
    assert sorted({p.type for p in exercise.prompts()}) == sorted(PROMPT_TYPES)


# Each broken file, and the words its message must contain.
BROKEN_CASES = {
    "unknown-key.json": ["exercise 'bad-unknown'", "unknown field `colour`"],
    "unknown-prompt-key.json": ["unknown field `hint`", "$.sections[0].prompts[0]"],
    "duplicate-key.json": ["'title' appears twice"],
    "nan.json": ["NaN is not a number JSON allows"],
    "not-utf8.json": ["not UTF-8", "line 1, column 31"],
    "malformed.json": ["not valid JSON", "line 2, column 40"],
    "bad-type.json": ["Invalid value 'slider'", "$.sections[0].prompts[0].type"],
    "missing-field.json": ["missing required field `max_label`", "$.sections[0].prompts[0]"],
    "duplicate-prompt.json": ["exercise 'bad-dup-prompt'", "prompt id 'p' is used twice"],
    "duplicate-section.json": ["section id 's' is used twice"],
    "bad-plan-ref.json": ["$.sections[0].prompts[0].plan", "no plan section is called 'nowhere'"],
    "bad-scale.json": ["0 <= min < max <= 100", "$.sections[0].prompts[0]"],
    "duplicate-option.json": ["an option appears twice"],
    "not-object.json": ["Expected `object`, got `array`"],
    "empty.json": ["the file is empty"],
    "no-sections.json": ["$.sections", "length >= 1"],
    "bad-pairs.json": ["$.sections[0].prompts[0].columns", "length <= 2"],
    "bad-crisis-option.json": ["show_crisis_lines_for names an option the prompt does not have"],
}


@pytest.mark.parametrize("name", sorted(BROKEN_CASES))
def test_each_broken_file_gets_a_message_naming_file_and_problem(name):
    path = BAD / name
    with pytest.raises(DataFileError) as caught:
        load_exercise_file(path, PLAN_IDS)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    for words in BROKEN_CASES[name]:
        assert words in message


def test_the_broken_corpus_is_all_covered():
    assert sorted(p.name for p in BAD.glob("*.json")) == sorted(BROKEN_CASES)


def test_a_byte_order_mark_is_allowed(tmp_path):
    target = tmp_path / "bom.json"
    target.write_bytes(b"\xef\xbb\xbf" + MINI.read_bytes())
    assert load_exercise_file(target, PLAN_IDS).id == "mini"


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path):
    target = tmp_path / "huge.json"
    target.write_bytes(b" " * (MAX_FILE_BYTES + 1))
    with pytest.raises(DataFileError, match="the most allowed is"):
        load_exercise_file(target, PLAN_IDS)


def test_a_second_file_with_the_same_exercise_id_is_skipped(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "mini.json").write_bytes(MINI.read_bytes())
    (second / "copy.json").write_bytes(MINI.read_bytes())
    catalog = load_catalog([first, second], PLAN_IDS)
    assert [e.id for e in catalog.exercises] == ["mini"]
    assert catalog.problems == [
        f"{second / 'copy.json'}: the exercise id 'mini' is already used by "
        f"{first / 'mini.json'}; this file was skipped"
    ]


def test_a_bad_user_file_is_skipped_and_the_rest_still_load(paths):
    paths.user_exercises_dir.mkdir(parents=True)
    (paths.user_exercises_dir / "mini.json").write_bytes(MINI.read_bytes())
    (paths.user_exercises_dir / "broken.json").write_bytes((BAD / "nan.json").read_bytes())
    content = load_content(paths)
    assert "mini" in {e.id for e in content.catalog.exercises}
    assert len(content.problems) == 1
    assert str(paths.user_exercises_dir / "broken.json") in content.problems[0]


def test_a_user_exercise_may_not_take_a_bundled_id(paths):
    bundled = load_catalog([BUNDLED], PLAN_IDS).exercises[0]
    raw = json.loads(MINI.read_text())
    raw["id"] = bundled.id
    paths.user_exercises_dir.mkdir(parents=True)
    (paths.user_exercises_dir / "clash.json").write_text(json.dumps(raw))
    content = load_content(paths)
    assert content.catalog.get(bundled.id).title == bundled.title
    assert "already used by" in content.problems[0]


def test_schema_json_is_in_sync_with_the_models():
    committed = (BUNDLED / "schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), (
        "run: python -m workbook.content.schema > exercises/schema.json"
    )
