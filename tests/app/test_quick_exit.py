"""Ctrl+Q leaves at once from anywhere, after saving what was typed."""

from __future__ import annotations

import pytest

from workbook.ui.screens.outline_modal import OutlineModal


async def test_ctrl_q_inside_a_text_area_saves_the_draft_and_exits(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("open_exercise('mini', 'story')")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "longtext"
        await pilot.press(*"Met at work", "ctrl+q")  # no pause: the autosave has not run
        await pilot.pause()
        assert not app.is_running
    assert app.store.answer("mini", "story") == "Met at work"
    assert app.return_code == 0


@pytest.mark.parametrize("opener", ["ctrl+o", "ctrl+p"], ids=["outline", "command-palette"])
async def test_ctrl_q_from_a_modal_saves_the_draft_and_exits(make_app, opener):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("open_exercise('mini', 'name')")
        await pilot.pause()
        await pilot.press(*"Robin", opener)
        await pilot.pause()
        if opener == "ctrl+o":
            assert isinstance(app.screen, OutlineModal)
        else:
            assert app.screen.is_modal
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
    assert app.store.answer("mini", "name") == "Robin"


async def test_ctrl_q_from_home_and_from_a_confirmation(make_app, clock):
    app = make_app()
    app.store.save_answer("mini", "name", "Rob")
    clock.advance(days=1)
    app.store.save_answer("mini", "name", "Robin")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("open_exercise('mini', 'name')")
        await pilot.pause()
        await pilot.press("ctrl+l")  # earlier versions
        await pilot.press("down", "enter")  # the older one: asks before bringing it back
        await pilot.pause()
        assert app.screen.is_modal
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
    assert app.store.answer("mini", "name") == "Robin"  # nothing was brought back


async def test_ctrl_c_points_to_the_quick_exit(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+c")  # a reflex from other programs: it says how to leave
        await pilot.pause()
        assert app.is_running
        assert any("ctrl+q" in str(n.message) for n in app._notifications)
