"""Home fits an 80x24 terminal whole, even for someone coming back with the most on it."""

from __future__ import annotations

from textual.widgets import OptionList

from workbook.drafts import RESUME_SETTING


async def test_every_home_entry_is_in_view_at_80x24_for_a_returning_user(paths, clock):
    from workbook.app import WorkbookApp
    from workbook.content import load_content
    from workbook.store import WorkbookStore

    with WorkbookStore.open(paths, clock) as store:
        store.set_setting("welcome_seen", True)
        # All three bundled exercises, a place to continue, and no start date yet (its entry
        # shows): the longest home there is.
        store.save_answer("truth-realizations", "how-long", "Five years")
        resume = {"exercise": "truth-realizations", "prompts": {"truth-realizations": "how-long"}}
        store.set_setting(RESUME_SETTING, resume)
        app = WorkbookApp(content=load_content(paths), store=store, clock=clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            menu = app.screen.query_one("#home-menu", OptionList)
            ids = [menu.get_option_at_index(i).id for i in range(menu.option_count)]
            assert ids[0] == "continue" and "entry:start-date" in ids
            assert ids[-1] == "entry:help"
            assert menu.max_scroll_y == 0  # nothing below the edge: Crisis lines, Help in view
