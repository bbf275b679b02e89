"""Answers save themselves while the user types, one revision per visit, and bad dates wait."""

from __future__ import annotations

from textual.widgets import Input

from workbook.store.drafts import saved_draft
from workbook.ui.screens.exercise_screen import AUTOSAVE_DELAY


async def open_prompt(app, pilot, prompt_id: str) -> None:
    await app.run_action(f"open_exercise('mini', {prompt_id!r})")
    await pilot.pause()


async def test_typing_saves_after_a_pause_without_leaving_the_prompt(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_prompt(app, pilot, "story")
        await pilot.press(*"Met at work")
        assert app.store.answer("mini", "story") is None  # not on every keystroke
        await pilot.pause(AUTOSAVE_DELAY + 0.3)
        await app.workers.wait_for_complete()
        assert app.store.answer("mini", "story") == "Met at work"
        assert app.screen.current == "story"
        assert "Saved" in str(app.screen.query_one("#save-status").render())


async def test_one_revision_per_visit(make_app, clock):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_prompt(app, pilot, "name")
        await pilot.press(*"Ro")
        await pilot.pause(AUTOSAVE_DELAY + 0.3)
        await app.workers.wait_for_complete()
        await pilot.press(*"bin")
        await pilot.press("ctrl+n")  # leaving the prompt saves too
        await app.workers.wait_for_complete()
        assert [r.value for r in app.store.history("mini", "name")] == ["Robin"]
        clock.advance(days=1)
        await pilot.press("ctrl+b")  # a second visit
        await pilot.press("end", *" Gray", "escape")
    assert [r.value for r in app.store.history("mini", "name")] == ["Robin Gray", "Robin"]


async def test_a_bad_date_is_never_saved_but_never_lost(make_app, paths):
    app = make_app()
    app.store.save_answer("mini", "start", "2026-03-01")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_prompt(app, pilot, "start")
        date = app.screen.query_one("#page-start Input", Input)
        date.value = ""
        await pilot.press(*"2026-02-30")
        assert "not a date" in str(app.screen.query_one("#date-problem").render())
        await pilot.press("enter")  # Enter does not move on from a bad date
        assert app.screen.current == "start"
        await pilot.press("ctrl+q")
    assert app.store.answer("mini", "start") == "2026-03-01"  # the old answer stands
    assert saved_draft(app.store, "mini", "start") == "2026-02-30"

    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await open_prompt(again, pilot, "start")
        date = again.screen.query_one("#page-start Input", Input)
        assert date.value == "2026-02-30"  # what was typed is back, with the message
        assert "not a date" in str(again.screen.query_one("#date-problem").render())
        await pilot.press("backspace", "backspace", "2", "8")
        assert date.value == "2026-02-28"
        await pilot.press("escape")
    assert again.store.answer("mini", "start") == "2026-02-28"
    assert saved_draft(again.store, "mini", "start") is None


async def test_looking_without_typing_saves_nothing(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_prompt(app, pilot, "name")
        for _ in range(7):
            await pilot.press("ctrl+n")  # through every kind of prompt, answering none
        await pilot.press("escape")
        await pilot.pause()
    assert app.store.answer_docs() == []
