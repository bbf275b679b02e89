"""The plan from a store, and saved as a file: headless, as the plan screen uses it."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest

from workbook.errors import UserError
from workbook.plan.export import (
    PlanFileExists,
    export_folder,
    save_plan,
    store_plan,
    suggested_file,
)
from workbook.plan.model import answers_from_store, build_plan
from workbook.plan.render import renderer_named
from workbook.tracker.journal import progress_facts

TODAY = dt.date(2026, 3, 14)


def test_the_plan_of_a_store_is_built_from_its_answers_and_progress(mini_content, store):
    store.save_answer("mini", "reasons", ["I want my sleep back"])
    plan = store_plan(mini_content, store, TODAY)
    assert plan == build_plan(
        mini_content, answers_from_store(store), TODAY, progress_facts(store, TODAY)
    )
    short = store_plan(mini_content, store, TODAY, include_empty=False)
    assert [p.id for p in short.parts] == ["reasons", "progress"]


def test_a_workbook_with_nothing_saved_has_a_plan_too(mini_content):
    plan = store_plan(mini_content, None, TODAY)
    assert all(part.is_empty for part in plan.parts)


def test_the_file_is_written_whole_and_private(mini_content, store, tmp_path):
    store.save_answer("mini", "name", "Robin")
    plan = store_plan(mini_content, store, TODAY)
    folder = tmp_path / "plans"
    folder.mkdir()
    target = folder / "plan.html"
    assert save_plan(plan, renderer_named("html"), target) == target
    assert target.read_text(encoding="utf-8") == renderer_named("html").render(plan)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in folder.iterdir()] == ["plan.html"]  # no temp file left


def test_an_existing_file_is_replaced_only_when_asked(mini_content, tmp_path):
    plan = store_plan(mini_content, None, TODAY)
    target = tmp_path / "plan.txt"
    target.write_text("the copy my counsellor has")
    with pytest.raises(PlanFileExists, match="there is a file with this name already"):
        save_plan(plan, renderer_named("text"), target)
    assert target.read_text() == "the copy my counsellor has"
    save_plan(plan, renderer_named("text"), target, replace=True)
    assert target.read_text(encoding="utf-8") == renderer_named("text").render(plan)


@pytest.mark.parametrize(
    ("where", "words"),
    [
        ("missing/plan.md", "does not exist"),
        ("a-file.txt/plan.md", "does not exist"),  # a file where a folder should be
        (".", "this is a folder"),
    ],
)
def test_a_place_that_cannot_be_written_is_a_clear_message(mini_content, tmp_path, where, words):
    (tmp_path / "a-file.txt").write_text("not a folder")
    plan = store_plan(mini_content, None, TODAY)
    with pytest.raises(UserError, match=words):
        save_plan(plan, renderer_named("markdown"), tmp_path / where)


def test_the_suggested_name_carries_the_date_and_never_takes_a_used_one(tmp_path):
    html = renderer_named("html")
    assert suggested_file(tmp_path, html, TODAY) == tmp_path / "plan-2026-03-14.html"
    (tmp_path / "plan-2026-03-14.html").write_text("")
    (tmp_path / "plan-2026-03-14-2.html").mkdir()
    assert suggested_file(tmp_path, html, TODAY) == tmp_path / "plan-2026-03-14-3.html"
    text = renderer_named("text")
    assert suggested_file(tmp_path, text, TODAY) == tmp_path / "plan-2026-03-14.txt"


def test_plans_go_to_the_documents_folder_or_else_home():
    assert export_folder() == Path.home()  # the test home has no documents folder
    documents = Path.home() / "Documents"
    documents.mkdir(parents=True)
    assert export_folder() == documents
