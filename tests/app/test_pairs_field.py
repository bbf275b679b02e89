"""The two-column `pairs` answer, by keyboard only: add, edit, reorder, remove."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from workbook.ui.widgets.pairs_field import PairsField


async def type_text(pilot, text: str) -> None:
    await pilot.press(*("enter" if character == "\n" else character for character in text))


async def test_pairs_are_added_with_enter_and_saved(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("open_exercise('mini', 'triggers')")
        await pilot.pause()
        field = app.screen.query_one(PairsField)
        assert app.focused.id == "new-first"
        # Enter moves to the second column, Enter again adds the pair and comes back.
        await type_text(pilot, "Sunday evenings\ncall my sister\n")
        assert app.focused.id == "new-first"
        await type_text(pilot, "Payday\n\n")  # a pair with only the first column
        await type_text(pilot, "Our song")  # typed, not added yet: it counts already
        assert field.value == [
            ["Sunday evenings", "call my sister"],
            ["Payday", ""],
            ["Our song", ""],
        ]
        await pilot.press("escape")
        await pilot.pause()
    assert app.store.answer("mini", "triggers") == [
        ["Sunday evenings", "call my sister"],
        ["Payday", ""],
        ["Our song", ""],
    ]


async def test_pairs_are_edited_moved_and_removed_by_keyboard(make_app):
    app = make_app()
    app.store.save_answer("mini", "triggers", [["a", "1"], ["b", "2"], ["c", "3"]])
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("open_exercise('mini', 'triggers')")
        await pilot.pause()
        field = app.screen.query_one(PairsField)
        entries = field.entries
        entries[2].query(Input).last().focus()
        await pilot.press("ctrl+up")  # "c" moves above "b"
        assert field.value == [["a", "1"], ["c", "3"], ["b", "2"]]
        await pilot.press("end", "backspace", "x")  # edit the second column
        assert field.value[1] == ["c", "x"]
        # Empty both boxes of the first pair, then leave it: it is removed.
        entries[0].query(Input).first().focus()
        await pilot.press("end", "backspace", "tab", "end", "backspace")
        await pilot.pause()
        assert len(field.entries) == 3  # still inside the pair: kept while the cursor is there
        await pilot.press("tab")
        await pilot.pause()
        await pilot.pause()
        assert field.value == [["c", "x"], ["b", "2"]]
        await pilot.press("escape")
        await pilot.pause()
    assert app.store.answer("mini", "triggers") == [["c", "x"], ["b", "2"]]


async def test_an_old_plain_list_shows_in_the_first_column(make_app):
    app = make_app()
    app.store.save_answer("mini", "triggers", ["Sunday evenings"])
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("open_exercise('mini', 'triggers')")
        await pilot.pause()
        assert app.screen.query_one(PairsField).value == [["Sunday evenings", ""]]


async def test_pairs_typed_in_a_burst_stay_apart(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("open_exercise('mini', 'triggers')")
        await pilot.pause()
        for character in "a\nb\nc\nd\n":
            key = "enter" if character == "\n" else character
            app._driver.send_message(events.Key(key, "\r" if key == "enter" else character))
        await pilot.pause(0.3)
        assert app.screen.query_one(PairsField).value == [["a", "b"], ["c", "d"]]
