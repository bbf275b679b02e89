"""Home fits an 80x24 terminal whole, even for someone coming back with the most on it."""

from __future__ import annotations

from textual.widgets import OptionList

from workbook.store.drafts import RESUME_SETTING


async def test_every_home_entry_is_in_view_at_80x24_for_a_returning_user(make_app):
    app = make_app(bundled=True)
    # All three bundled exercises, a place to continue, and no start date yet (its entry
    # shows): the longest home there is.
    app.store.save_answer("truth-realizations", "how-long", "Five years")
    resume = {"exercise": "truth-realizations", "prompts": {"truth-realizations": "how-long"}}
    app.store.set_setting(RESUME_SETTING, resume)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        menu = app.screen.query_one("#home-menu", OptionList)
        ids = [menu.get_option_at_index(i).id for i in range(menu.option_count)]
        assert ids[0] == "continue" and "entry:start-date" in ids
        assert ids[-1] == "entry:help"
        assert menu.max_scroll_y == 0  # nothing below the edge: Crisis lines, Help in view
