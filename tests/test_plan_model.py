"""The plan model: which answers go where, and how each kind of answer reads."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import msgspec
import pytest
from test_plan_data import (
    EVERY_ANSWER,
    GOLDEN_CONTENT_DIR,
    PROGRESS,
    TODAY,
    golden_content,
    save_every_answer,
)

from workbook.content.loading import load_content
from workbook.content.models import Prompt, ScalePrompt
from workbook.plan.model import (
    DEFAULT_REVIEW_DAYS,
    PROGRESS_EMPTY,
    ProgressFacts,
    answers_from_store,
    build_plan,
    describe_scale,
    long_date,
    readable_answer,
    short_label,
)
from workbook.plan.render import renderer_named
from workbook.plan.render.markdown import render_markdown


def prompt(**fields) -> Prompt:
    return msgspec.convert({"id": "p", "label": "A question?", **fields}, Prompt)


def lines_of(exercise_id: str, prompt_type: str, value) -> tuple[str, ...]:
    extra = {
        "scale": {"min_label": "Calm", "max_label": "Overwhelming"},
        "choice": {"options": ["A", "B"], "other": True},
        "checklist": {"options": ["Phone", "Email"], "other": True},
    }.get(prompt_type, {})
    answer = readable_answer(exercise_id, prompt(type=prompt_type, **extra), value)
    assert answer is not None
    return answer.lines


# --- readable values ---------------------------------------------------------------------


def test_each_prompt_type_reads_as_a_person_would_write_it():
    assert lines_of("e", "text", "  Sam  ") == ("Sam",)
    assert lines_of("e", "longtext", "One.\nTwo.\n\n\nThree.") == ("One.\nTwo.", "Three.")
    assert lines_of("e", "list", ["Sleep", "", "Friends"]) == ("Sleep", "Friends")
    assert lines_of("e", "checklist", ["Phone", "Other: Spotify"]) == ("Phone", "Spotify")
    assert lines_of("e", "choice", "Other: Letters") == ("Letters",)
    assert lines_of("e", "choice", "A") == ("A",)
    assert lines_of("e", "date", "2026-03-04") == ("4 March 2026",)
    assert lines_of("e", "yesno", True) == ("Yes",)
    assert lines_of("e", "yesno", False) == ("No",)
    assert lines_of("e", "scale", 7) == ("7 / 10 (closer to Overwhelming)",)


def test_a_scale_names_the_end_it_leans_to():
    scale = ScalePrompt(id="s", label="How strong?", min_label="None", max_label="All")
    assert describe_scale(scale, 0) == "0 / 10 (None)"
    assert describe_scale(scale, 2) == "2 / 10 (closer to None)"
    assert describe_scale(scale, 5) == "5 / 10 (halfway between None and All)"
    assert describe_scale(scale, 8) == "8 / 10 (closer to All)"
    assert describe_scale(scale, 10) == "10 / 10 (All)"
    odd = ScalePrompt(id="s", label="?", min=2, max=7, min_label="Low", max_label="High")
    assert describe_scale(odd, 6) == "6 on a scale of 2 to 7 (closer to High)"
    one_to_five = ScalePrompt(id="s", label="?", min=1, max=5, min_label="Low", max_label="High")
    assert describe_scale(one_to_five, 3) == "3 / 5 (halfway between Low and High)"


def test_an_empty_answer_shows_nothing():
    assert readable_answer("e", prompt(type="text"), "") is None
    assert readable_answer("e", prompt(type="list"), ["", "  "]) is None
    assert readable_answer("e", prompt(type="yesno"), None) is None
    assert readable_answer("e", prompt(type="text"), None) is None


def test_an_answer_saved_before_the_prompt_changed_type_is_still_shown():
    # The user's words outlive a change to the exercise file: never dropped, never a crash.
    assert lines_of("e", "text", ["one", "two"]) == ("one", "two")
    assert lines_of("e", "list", "just one line") == ("just one line",)
    assert lines_of("e", "date", "next spring") == ("next spring",)
    assert lines_of("e", "longtext", 4) == ("4",)


def test_dates_are_written_out_the_same_in_every_locale():
    assert long_date(dt.date(2026, 12, 1)) == "1 December 2026"


def test_control_characters_never_reach_the_page():
    answer = readable_answer("e", prompt(type="longtext"), "bad\x1b[31m red\x07\r\nnext\tline")
    assert answer.lines == ("bad[31m red\nnext    line",)


def test_a_long_label_is_shortened_to_its_first_sentence():
    long_label = "Think of the last time you felt the pull. " + "Describe it slowly. " * 10
    assert short_label(long_label) == "Think of the last time you felt the pull."
    no_sentences = "word " * 60
    shortened = short_label(no_sentences)
    assert len(shortened) <= 120 and shortened.endswith("…")
    assert short_label("  ") == "Your answer"  # never an empty heading


# --- building the plan ---------------------------------------------------------------------


def test_parts_follow_the_plan_outline_and_answers_follow_catalog_order(paths):
    content = golden_content(paths)
    plan = build_plan(content, EVERY_ANSWER, TODAY, PROGRESS)
    outline = [s.id for s in content.outline.sections if s.kind != "header"]
    assert [part.id for part in plan.parts] == outline
    commitment = next(p for p in plan.parts if p.id == "commitment")
    # "contact" comes before "start" in mini.json.
    assert [a.prompt_id for a in commitment.answers] == ["contact", "start"]


def test_every_answered_prompt_that_feeds_the_plan_is_in_it(paths):
    content = golden_content(paths)
    plan = build_plan(content, EVERY_ANSWER, TODAY, PROGRESS)
    shown = {(a.exercise_id, a.prompt_id) for a in plan.answers()}
    markdown = render_markdown(plan)
    fed = [
        (exercise, p)
        for exercise in content.catalog.exercises
        for p in exercise.prompts()
        if p.plan is not None and (exercise.id, p.id) in EVERY_ANSWER
    ]
    assert len(fed) == len(EVERY_ANSWER)  # the fixture answers every prompt that feeds the plan
    for exercise, p in fed:
        if (exercise.id, p.id) == ("mini", "name"):
            assert plan.name == "Sam"  # the name prompt becomes the header's name
            continue
        assert (exercise.id, p.id) in shown, p.id
        # Under its plan label, in the user's voice, where it has one; else its question.
        assert (p.plan_label or p.label) in markdown.replace("\\", ""), p.label


def test_the_header_carries_name_dates_notice_and_every_crisis_line(paths):
    content = golden_content(paths)
    plan = build_plan(content, EVERY_ANSWER, TODAY)
    assert plan.name == "Sam"
    assert plan.made_on == TODAY
    assert plan.review_on == dt.date(2026, 4, 11)  # the answered review-date prompt
    assert "self-help, not therapy" in plan.notice
    names = [group.name for group in plan.crisis]
    assert names == ["My own numbers", "Emergency", "United States"]  # the user's own first
    hotline = plan.crisis[2].contacts[0]
    assert hotline.how_to_reach() == "call 1-800-799-7233, or text START to 88788"


def test_without_a_review_date_the_next_review_is_thirty_days_on(paths):
    content = golden_content(paths)
    answers = {key: v for key, v in EVERY_ANSWER.items() if key[1] != "review-date"}
    plan = build_plan(content, answers, TODAY)
    assert plan.review_on == TODAY + dt.timedelta(days=DEFAULT_REVIEW_DAYS)


def test_an_empty_workbook_names_the_exercise_that_fills_each_part(paths):
    content = golden_content(paths)
    plan = build_plan(content, {}, TODAY)
    assert plan.name is None
    titles = [s.title for s in content.outline.sections if s.kind != "header"]
    assert [part.title for part in plan.parts] == titles
    for part in plan.parts:
        assert part.is_empty
    truths = next(p for p in plan.parts if p.id == "truths")
    assert truths.empty_note == "Nothing here yet: the exercise “A small exercise” fills this part."
    progress = next(p for p in plan.parts if p.kind == "progress")
    assert progress.empty_note == PROGRESS_EMPTY


def test_a_part_fed_by_two_exercises_names_both(paths):
    golden_content(paths)
    extra = msgspec.json.decode(
        (paths.user_exercises_dir / "mini.json").read_bytes().replace(b'"mini"', b'"mini2"')
    )
    extra["title"] = "Another one"
    (paths.user_exercises_dir / "mini2.json").write_bytes(msgspec.json.encode(extra))
    content = load_content(paths, bundled=GOLDEN_CONTENT_DIR)
    truths = next(p for p in build_plan(content, {}, TODAY).parts if p.id == "truths")
    assert truths.empty_note == (
        "Nothing here yet: the exercises “A small exercise” and “Another one” fill this part."
    )


def test_without_empty_keeps_only_parts_with_something_in_them(paths):
    content = golden_content(paths)
    plan = build_plan(content, {("mini", "story"): "It happened."}, TODAY).without_empty()
    assert [part.id for part in plan.parts] == ["truths"]


def test_progress_comes_from_the_tracker_facts(paths):
    content = golden_content(paths)
    part = next(p for p in build_plan(content, {}, TODAY, PROGRESS).parts if p.id == "progress")
    facts = {fact.label: fact.value for fact in part.facts}
    assert facts["Days without contact"] == "13 days"
    assert facts["Urges that passed without contact"] == "5 of 6"
    assert facts["Cravings lately"] == "falling"
    first_day = ProgressFacts(days_without_contact=1, longest_streak=None)
    part = next(p for p in build_plan(content, {}, TODAY, first_day).parts if p.id == "progress")
    assert [(f.label, f.value) for f in part.facts] == [
        ("Days without contact", "1 day"),
        ("Urges logged", "none yet"),
        ("Check-ins", "0"),
    ]


def test_answers_from_store_are_the_newest_revisions(store, clock):
    store.save_answer("mini", "name", "S")
    clock.advance(minutes=5)
    store.save_answer("mini", "name", "Sam")
    store.save_answer("mini", "pull", 3)
    assert answers_from_store(store) == {("mini", "name"): "Sam", ("mini", "pull"): 3}


def test_answers_from_a_real_store_build_the_whole_plan(paths, store):
    content = golden_content(paths)
    save_every_answer(store)
    plan = build_plan(content, answers_from_store(store), TODAY)
    assert len(plan.answers()) == len(EVERY_ANSWER) - 1  # all but the name, which heads it


def test_answers_to_exercises_that_are_gone_are_left_out(paths):
    content = golden_content(paths)
    plan = build_plan(content, {("removed", "story"): "old words"}, TODAY)
    assert plan.answers() == []


@pytest.mark.parametrize("module", ["workbook.plan.model", "workbook.plan.render"])
def test_the_plan_core_never_imports_textual_or_rich(module):
    code = (
        f"import sys, {module}\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(loaded)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_pairs_become_rows_and_a_need_groups_its_answers(paths):
    content = golden_content(paths)
    plan = build_plan(content, EVERY_ANSWER, TODAY)
    answer = next(a for a in plan.answers() if a.prompt_id == "triggers")
    assert answer.shape == "pairs"
    assert answer.label == "My triggers, and what I will do instead"
    assert answer.group == "When the pull comes"
    assert answer.columns == ("Trigger", "What I'll do instead")
    assert answer.pairs == (
        ("Sunday evenings alone", "call my sister"),
        ("Our song on the radio", ""),
    )
    assert answer.lines == ("Sunday evenings alone: call my sister", "Our song on the radio")


def test_a_plain_list_saved_before_a_prompt_had_two_columns_still_shows(paths):
    content = golden_content(paths)
    plan = build_plan(content, {("mini", "triggers"): ["Sunday evenings"]}, TODAY)
    answer = next(a for a in plan.answers() if a.prompt_id == "triggers")
    assert answer.pairs == (("Sunday evenings", ""),)


def test_parts_left_out_are_gone_and_the_plan_says_so_without_naming_them(paths):
    content = golden_content(paths)
    plan = build_plan(content, EVERY_ANSWER, TODAY, leave_out=["truths", "triggers"])
    assert plan.left_out
    assert {p.id for p in plan.parts}.isdisjoint({"truths", "triggers"})
    for renderer in ("text", "markdown", "html"):
        page = renderer_named(renderer).render(plan)
        assert "left out" in page
        assert "Truths I hold on to" not in page and "It happened" not in page
    assert not build_plan(content, EVERY_ANSWER, TODAY).left_out


def test_a_chosen_region_shows_only_its_lines_after_the_users_own(paths):
    content = golden_content(paths)
    plan = build_plan(content, {}, TODAY, region="us")
    assert [g.name for g in plan.crisis] == ["My own numbers", "United States"]
    every = build_plan(content, {}, TODAY, region=None)
    assert len(every.crisis) == 1 + len(content.resources.regions)
