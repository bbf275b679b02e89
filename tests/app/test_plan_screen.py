"""The plan screen: the plan as it is now, kept up to date, and saved as a file when asked."""

from __future__ import annotations

import datetime as dt
import io
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from test_snapshots import SIZE, opening, snapshot_app, snapshot_store, some_answers
from textual.widgets import Input, OptionList

from workbook.plan.export import store_plan
from workbook.plan.render import renderer_named
from workbook.ui.screens.crisis_screen import CrisisScreen
from workbook.ui.screens.export_plan_modal import ExportChoice, ExportPlanModal, KeepOrReplaceModal
from workbook.ui.screens.help_screen import HelpScreen
from workbook.ui.screens.plan_screen import PlanScreen

TODAY = dt.date(2026, 3, 14)  # the day of the test clock
# The snapshot fixtures of test_snapshots.py, imported so that pytest finds them here too.
__all__ = ["snapshot_app", "snapshot_store"]


def shown_text(app) -> str:
    """The words the plan screen shows, block by block, as a wide terminal would draw them."""
    console = Console(width=200, file=io.StringIO(), color_system=None)
    for block in app.screen.query_one("#plan").query(".plan-block"):
        console.print(block.content)
    return console.file.getvalue()


async def open_plan_from_home(app, pilot) -> None:
    menu = app.screen.query_one("#home-menu", OptionList)
    menu.highlighted = menu.get_option_index("entry:plan")
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, PlanScreen)


async def open_export(app, pilot) -> ExportPlanModal:
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, ExportPlanModal)
    return app.screen


async def save_to(pilot, path: Path, format: str | None = None) -> None:
    """In the export modal: choose the kind of file and the path, then press Save."""
    modal = pilot.app.screen
    if format is not None:
        await pilot.click(f"#format-{format}")
    modal.query_one("#export-path", Input).value = str(path)
    await pilot.click("#save")
    await pilot.pause()


def problem_words(app) -> str:
    return str(app.screen.query_one("#export-problem").render())


def expected(app, format: str, *, include_empty: bool = True) -> str:
    plan = store_plan(app.content, app.store, TODAY, include_empty=include_empty)
    return renderer_named(format).render(plan)


# --- showing the plan --------------------------------------------------------------------


async def test_the_plan_shows_answers_and_keeps_up_with_new_ones(make_app):
    app = make_app()
    app.store.save_answer("mini", "reasons", ["I want my sleep back", "My friends miss me"])
    async with app.run_test(size=(80, 24)) as pilot:
        await open_plan_from_home(app, pilot)
        text = shown_text(app)
        assert "I want my sleep back" in text and "My friends miss me" in text
        assert "We met at work" not in text

        # Answered while the plan is not shown: there when the plan is shown again.
        await app.run_action("open_exercise('mini', 'story')")
        await pilot.pause()
        await pilot.press(*"We met at work", "escape")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert "We met at work" in shown_text(app)


async def test_the_command_palette_opens_the_plan(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"recovery plan")
        await pilot.pause(0.3)  # the palette searches in the background
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        await app.run_action("show_screen('plan')")  # asked again: not a second copy
        await pilot.pause()
        assert sum(isinstance(s, PlanScreen) for s in app.screen_stack) == 1


async def test_the_crisis_lines_come_first(make_app):
    app = make_app()
    app.store.save_answer("mini", "reasons", ["I want my sleep back"])
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("show_screen('plan')")
        await pilot.pause()
        text = shown_text(app)
        assert "911" in text
        assert text.index("If you are in danger") < text.index("I want my sleep back")


async def test_empty_parts_can_be_left_out_and_shown_again(make_app):
    app = make_app()
    app.store.save_answer("mini", "reasons", ["I want my sleep back"])
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("show_screen('plan')")
        await pilot.pause()
        assert "Nothing here yet" in shown_text(app)
        await pilot.press("ctrl+e")
        await pilot.pause()
        text = shown_text(app)
        assert "Nothing here yet" not in text and "I want my sleep back" in text
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert "Nothing here yet" in shown_text(app)


async def test_the_plan_scrolls_with_the_keys(make_app):
    app = make_app()
    app.animation_level = "none"  # each key scrolls at once, rather than smoothly
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("show_screen('plan')")
        await pilot.pause()
        scroll = app.screen.query_one("#plan")
        assert scroll.max_scroll_y > 0  # the whole plan does not fit at 80x24
        await pilot.press("pagedown")
        await pilot.pause()
        assert scroll.scroll_y > 0
        await pilot.press("home")
        await pilot.pause()
        assert scroll.scroll_y == 0
        await pilot.press("space")
        await pilot.pause()
        assert scroll.scroll_y > 0


# --- saving it as a file -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("format", "name"),
    [(None, "plan.html"), ("text", "plan.txt"), ("markdown", "plan.md")],
)
async def test_the_plan_is_saved_in_the_chosen_format_for_the_user_alone(
    make_app, tmp_path, format, name
):
    app = make_app()
    app.store.save_answer("mini", "name", "Robin")
    app.store.save_answer("mini", "story", "We met at work. <b>It was fast</b>.")
    target = tmp_path / name
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("show_screen('plan')")
        await pilot.pause()
        await open_export(app, pilot)
        await save_to(pilot, target, format)
        assert isinstance(app.screen, PlanScreen)
        notes = [str(n.message) for n in app._notifications]
        assert any(str(target) in note for note in notes)  # says where the file went
    assert target.read_text(encoding="utf-8") == expected(app, format or "html")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


async def test_the_saved_plan_leaves_out_empty_parts_when_the_screen_does(make_app, tmp_path):
    app = make_app()
    app.store.save_answer("mini", "reasons", ["I want my sleep back"])
    target = tmp_path / "short.md"
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("show_screen('plan')")
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        await open_export(app, pilot)
        await save_to(pilot, target, "markdown")
    written = target.read_text(encoding="utf-8")
    assert written == expected(app, "markdown", include_empty=False)
    assert "Nothing here yet" not in written


async def test_the_button_opens_the_export_too(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("show_screen('plan')")
        await pilot.pause()
        await pilot.click("#export")
        await pilot.pause()
        assert isinstance(app.screen, ExportPlanModal)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)


async def test_the_suggested_file_is_in_the_documents_folder(make_app, _private_home):
    documents = Path.home() / "Documents"
    documents.mkdir(parents=True)
    (documents / "plan-2026-03-14.html").write_text("an earlier plan")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("show_screen('plan')")
        await pilot.pause()
        modal = await open_export(app, pilot)
        field = modal.query_one("#export-path", Input)
        # Taken already: a new name, so the earlier plan is not touched.
        assert field.value == str(documents / "plan-2026-03-14-2.html")
        await pilot.click("#format-text")
        await pilot.pause()
        assert field.value == str(documents / "plan-2026-03-14.txt")


async def test_without_a_documents_folder_the_home_folder_is_suggested(make_app):
    app = make_app()
    assert not (Path.home() / "Documents").exists()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("show_screen('plan')")
        await pilot.pause()
        modal = await open_export(app, pilot)
        field = modal.query_one("#export-path", Input)
        assert field.value == str(Path.home() / "plan-2026-03-14.html")


async def test_an_unwritable_place_is_said_and_another_can_be_tried(make_app, tmp_path):
    app = make_app()
    target = tmp_path / "missing" / "plan.html"
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("show_screen('plan')")
        await pilot.pause()
        await open_export(app, pilot)
        await save_to(pilot, target, "text")
        assert isinstance(app.screen, ExportPlanModal)  # asked again, with what went wrong
        assert "Not saved: the folder" in problem_words(app)
        assert "does not exist" in problem_words(app)
        field = app.screen.query_one("#export-path", Input)
        assert field.value == str(target)  # what the user typed is still there
        assert app.screen.query_one("#format-text").value  # and the kind of file

        good = tmp_path / "plan.txt"
        await save_to(pilot, good)
        assert isinstance(app.screen, PlanScreen)
    assert not target.exists()
    assert good.read_text(encoding="utf-8") == expected(app, "text")


async def test_an_empty_path_is_asked_for(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("show_screen('plan')")
        await pilot.pause()
        await open_export(app, pilot)
        app.screen.query_one("#export-path", Input).value = "  "
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, ExportPlanModal)
        assert "Write where to save the file" in problem_words(app)


async def test_an_existing_file_is_replaced_only_when_the_user_says_so(make_app, tmp_path):
    target = tmp_path / "plan.html"
    target.write_text("the copy my counsellor has")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("show_screen('plan')")
        await pilot.pause()
        await open_export(app, pilot)
        await save_to(pilot, target)
        assert isinstance(app.screen, KeepOrReplaceModal)
        await pilot.press("enter")  # the focus starts on keeping it
        await pilot.pause()
        assert isinstance(app.screen, ExportPlanModal)
        assert "Nothing was replaced" in problem_words(app)
        assert target.read_text() == "the copy my counsellor has"

        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, KeepOrReplaceModal)
        await pilot.click("#yes")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
    assert target.read_text(encoding="utf-8") == expected(app, "html")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


async def test_a_bare_file_name_or_a_folder_goes_into_the_suggested_folder(make_app, tmp_path):
    app = make_app()
    folder = tmp_path / "plans"
    folder.mkdir()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("show_screen('plan')")
        await pilot.pause()
        await open_export(app, pilot)
        await save_to(pilot, folder)  # a folder: the usual name inside it
        assert (folder / "plan-2026-03-14.html").is_file()

        await open_export(app, pilot)  # the folder used last is suggested next
        field = app.screen.query_one("#export-path", Input)
        assert field.value == str(folder / "plan-2026-03-14-2.html")
        await save_to(pilot, Path("mine.html"))  # a bare name: into that folder
        assert (folder / "mine.html").is_file()


# --- safety keys -------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["plan", "export", "replace"])
async def test_ctrl_q_leaves_at_once(make_app, tmp_path, where):
    (tmp_path / "plan.html").write_text("earlier")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("show_screen('plan')")
        await pilot.pause()
        if where != "plan":
            await open_export(app, pilot)
        if where == "replace":
            await save_to(pilot, tmp_path / "plan.html")
            assert isinstance(app.screen, KeepOrReplaceModal)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
    assert (tmp_path / "plan.html").read_text() == "earlier"


@pytest.mark.parametrize(
    ("where", "key", "screen"), [("plan", "f2", CrisisScreen), ("export", "f1", HelpScreen)]
)
async def test_crisis_lines_and_help_are_one_key_away(make_app, where, key, screen):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("show_screen('plan')")
        await pilot.pause()
        if where == "export":
            await open_export(app, pilot)
        before = app.screen
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, screen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is before


# --- how it looks ------------------------------------------------------------------------


def test_plan_snapshot(snap_compare, snapshot_app, snapshot_store, clock):
    """The top of the plan at 80x24, as the user first sees it. Look at the picture in
    tests/app/__snapshots__/ before committing a change to it."""
    some_answers(snapshot_store, clock)
    run_before = opening("show_screen('plan')")
    assert snap_compare(snapshot_app(), terminal_size=SIZE, run_before=run_before)


# --- start-up ----------------------------------------------------------------------------


def test_the_home_screen_loads_neither_the_plan_nor_markdown(tmp_path):
    code = f"""
import asyncio, sys
from pathlib import Path
from workbook.ui.app import WorkbookApp
from workbook.content.loading import load_content
from workbook.paths import Paths
from workbook.store.database import WorkbookStore

async def main():
    paths = Paths(Path({str(tmp_path / "data")!r}))
    with WorkbookStore.open(paths) as store:
        store.set_setting("welcome_seen", True)
        app = WorkbookApp(load_content(paths), store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            print(type(app.screen).__name__)

asyncio.run(main())
loaded = [m for m in sys.modules if m.endswith("_markdown") or m.startswith("workbook.plan.model")]
print("LOADED", sorted(loaded))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "HomeScreen" in result.stdout
    assert "LOADED []" in result.stdout


async def test_a_file_that_appears_while_the_user_chooses_is_not_replaced(make_app, tmp_path):
    target = tmp_path / "plan.html"
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("show_screen('plan')")
        await pilot.pause()
        target.write_text("written by someone else meanwhile")
        app.screen.save_as(ExportChoice("html", target))  # chosen before the file was there
        await pilot.pause()
        assert isinstance(app.screen, ExportPlanModal)
        assert "there is a file with this name already" in problem_words(app)
    assert target.read_text() == "written by someone else meanwhile"


# --- choosing what goes in, keeping the place -------------------------------------------


def _top_block(app) -> str:
    scroll = app.screen.query_one("#plan")
    for block in scroll.query(".plan-block"):
        region = block.virtual_region
        if region.y + region.height > scroll.scroll_y:
            return str(block.id)
    return ""


async def test_hiding_empty_parts_keeps_the_reading_place(make_app):
    app = make_app()
    app.animation_level = "none"
    app.store.save_answer("mini", "reasons", ["I want my sleep back"])
    # A long part, after empty ones: it can be at the top of the view with them gone too.
    pairs = [[f"Trigger {n}", f"what I do {n}"] for n in range(40)]
    app.store.save_answer("mini", "triggers", pairs)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("show_screen('plan')")
        await pilot.pause()
        scroll = app.screen.query_one("#plan")
        triggers = app.screen.query_one("#part-triggers")
        scroll.scroll_to(y=triggers.virtual_region.y + 10, animate=False)
        await pilot.pause()
        assert _top_block(app) == "part-triggers"
        inside = scroll.scroll_y - triggers.virtual_region.y
        await pilot.press("ctrl+e")  # many empty parts above it go away
        await pilot.pause()
        await pilot.pause()
        assert "Nothing here yet" not in shown_text(app)
        assert _top_block(app) == "part-triggers"
        moved = app.screen.query_one("#part-triggers")
        assert scroll.scroll_y - moved.virtual_region.y == inside  # the same line of it
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.pause()
        assert _top_block(app) == "part-triggers"
        back = app.screen.query_one("#part-triggers")
        assert scroll.scroll_y - back.virtual_region.y == inside


async def test_parts_chosen_on_the_screen_are_left_out_and_remembered(make_app):
    app = make_app()
    app.store.save_answer("mini", "reasons", ["I want my sleep back"])
    app.store.save_answer("mini", "story", "It happened.")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("show_screen('plan')")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        parts = app.screen.query_one("#parts")
        # Untick "Truths I hold on to" (the third part), then done.
        await pilot.press("down", "down", "space", "ctrl+s")
        await pilot.pause()
        assert parts is not None
        text = shown_text(app)
        assert "It happened." not in text and "I want my sleep back" in text
        assert "Some parts of this plan were left out of this copy." in text
    assert app.store.setting("plan_leave_out") == ["truths"]
