"""An answer over the size limit: the field says so, the words stay on screen, nothing is
written until it is short enough."""

from __future__ import annotations

from textual.widgets import Static, TextArea

from workbook.store.schema import MAX_TEXT_CHARS


async def test_the_field_says_when_an_answer_is_too_long_to_save(make_app, clock):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("open_exercise('mini', 'story')")
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        area.text = "x" * (MAX_TEXT_CHARS + 1)
        await pilot.pause(1.5)
        note = str(app.screen.query_one(".answer-note", Static).render())
        assert "Not saved" in note and "1,000,000" in note
        assert app.store.answer("mini", "story") is None
        area.text = "a story of the right size"
        await pilot.pause(1.5)
        assert "Not saved" not in str(app.screen.query_one(".answer-note", Static).render())
        await app.run_action("save_now")
    assert app.store.answer("mini", "story") == "a story of the right size"
