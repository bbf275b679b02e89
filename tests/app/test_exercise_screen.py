"""Answering every kind of prompt by keyboard, and finding the answers again after a restart."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, OptionList, RadioSet, SelectionList, TextArea

from workbook.ui.screens.exercise_screen import ExerciseScreen
from workbook.ui.widgets.list_field import ListField
from workbook.ui.widgets.scale_field import ScaleField

EXPECTED = {
    "name": "Robin",
    "story": "Met.\nFast.",
    "reasons": ["sleep", "friends"],
    "pull": 7,
    "contact": "Messages",
    "blocked": ["Phone", "Social media", "Other: chat"],
    "start": "2026-03-01",
    "safe": False,
}


async def type_text(pilot, text: str) -> None:
    await pilot.press(*("enter" if character == "\n" else character for character in text))


async def test_every_prompt_type_by_keyboard_and_again_after_restart(make_app, store_values):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # the exercise, from home
        await pilot.press("enter")  # "Begin", on the intro
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)
        assert screen.current == "name"
        await type_text(pilot, "Robin")
        await pilot.press("enter")  # Enter in a one-line answer turns the page
        assert screen.current == "story"
        await type_text(pilot, "Met.\nFast.")
        await pilot.press("ctrl+n")
        await type_text(pilot, "sleep\nfriends\n")
        await pilot.press("ctrl+n")
        assert screen.current == "pull"
        await pilot.press("7")
        await pilot.press("ctrl+n")
        await pilot.press("down", "enter")  # the second option
        await pilot.press("ctrl+n")
        await pilot.press("space", "down", "down", "space", "tab")
        await type_text(pilot, "chat")
        await pilot.press("ctrl+n")
        await type_text(pilot, "2026-3-1")
        await pilot.press("ctrl+n")
        assert screen.current == "safe"
        await pilot.press("down", "enter")  # No
        await pilot.press("escape")  # home: leaving the screen saves first
        await pilot.pause()
    assert store_values(app.store) == EXPECTED

    app.store.close()
    again = make_app()
    assert store_values(again.store) == EXPECTED
    async with again.run_test(size=(80, 24)) as pilot:
        await again.run_action("open_exercise('mini', 'name')")
        await pilot.pause()
        screen = again.screen
        assert screen.query_one("#page-name Input", Input).value == "Robin"
        await pilot.press("ctrl+n")
        assert screen.query_one("#page-story TextArea", TextArea).text == EXPECTED["story"]
        await pilot.press("ctrl+n")
        assert screen.query_one("#page-reasons ListField", ListField).value == EXPECTED["reasons"]
        await pilot.press("ctrl+n")
        assert screen.query_one("#page-pull ScaleField", ScaleField).value == 7
        await pilot.press("ctrl+n")
        pressed = screen.query_one("#page-contact RadioSet", RadioSet).pressed_button
        assert pressed is not None and str(pressed.label) == "Messages"
        await pilot.press("ctrl+n")
        checklist = screen.query_one("#page-blocked SelectionList", SelectionList)
        assert checklist.selected == ["Phone", "Social media"]
        assert screen.query_one("#page-blocked #other", Input).value == "chat"
        await pilot.press("ctrl+n")
        assert screen.query_one("#page-start Input", Input).value == "2026-03-01"
        await pilot.press("ctrl+n")
        pressed = screen.query_one("#page-safe RadioSet", RadioSet).pressed_button
        assert pressed is not None and pressed.id == "no"


async def test_choice_in_your_own_words(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("open_exercise('mini', 'contact')")
        await pilot.pause()
        await pilot.press("down", "down", "down", "enter")  # "Something else"
        assert isinstance(app.focused, Input) and app.focused.id == "other"
        await type_text(pilot, "emails")
        await pilot.press("escape")
    assert app.store.answer("mini", "contact") == "Other: emails"


async def test_scale_by_arrow_keys_and_mouse(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("open_exercise('mini', 'pull')")
        await pilot.pause()
        await pilot.press("right", "right", "right")
        assert app.screen.query_one(ScaleField).value == 2
        await pilot.click("#step-9")
        assert app.screen.query_one(ScaleField).value == 9
        await pilot.press("1", "0")  # two digits in a row make ten
        assert app.screen.query_one(ScaleField).value == 10
        await pilot.press("escape")
    assert app.store.answer("mini", "pull") == 10


async def test_list_entries_are_edited_moved_and_removed(make_app):
    app = make_app()
    app.store.save_answer("mini", "reasons", ["one", "two", "three"])
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("open_exercise('mini', 'reasons')")
        await pilot.pause()
        field = app.screen.query_one(ListField)
        entries = field.entries
        entries[2].query_one(Input).focus()
        await pilot.press("ctrl+up")  # "three" moves above "two"
        assert field.value == ["one", "three", "two"]
        entries[0].query_one(Input).focus()
        await pilot.press("end", "backspace", "backspace", "backspace")  # emptied...
        await pilot.press("tab")  # ...and left: removed
        await pilot.pause()
        assert field.value == ["three", "two"]
        assert len(field.entries) == 2
        await pilot.click(".list-entry .entry-remove")  # the first entry's remove button
        await pilot.pause()
        assert field.value == ["two"]
        await pilot.press("escape")
    assert app.store.answer("mini", "reasons") == ["two"]


async def test_list_entries_typed_in_a_burst_stay_apart(make_app):
    """Keys arriving faster than the screen handles them (a fast typist, a tool) must not run
    two entries together. Pilot waits after each key, so the keys go straight to the driver."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("open_exercise('mini', 'reasons')")
        await pilot.pause()
        for character in "sleep\nfriends\n":
            key = "enter" if character == "\n" else character
            app._driver.send_message(events.Key(key, "\r" if key == "enter" else character))
        await pilot.pause(0.3)
        assert app.screen.current == "reasons"
        assert app.screen.query_one(ListField).value == ["sleep", "friends"]


async def test_the_outline_takes_you_to_the_question_chosen(make_app, store_values):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("open_exercise('mini', 'name')")
        await pilot.pause()
        screen = app.screen
        await type_text(pilot, "Robin")
        for target in ("pull", "story", "safe"):
            await pilot.press("ctrl+o")
            await pilot.pause()
            outline = app.screen.query_one("#outline", OptionList)
            outline.highlighted = outline.get_option_index(target)
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is screen
            assert screen.current == target
            assert screen.page.field.has_focus_within
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("escape")  # stay where you were
        await pilot.pause()
        assert screen.current == "safe"
    assert store_values(app.store) == {"name": "Robin"}


async def test_a_long_intro_opens_at_its_first_line_with_begin_focused(make_app):
    app = make_app(bundled=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("open_exercise('abstinence-plan')")
        await pilot.pause()
        intro = app.screen.query_one("#intro")
        assert intro.max_scroll_y > 0  # longer than the screen: the case that matters
        assert intro.scroll_y == 0
        assert app.focused is app.screen.query_one("#begin")


async def test_the_last_question_says_how_many_are_still_open(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("open_exercise('mini', 'triggers')")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert not isinstance(app.screen, ExerciseScreen)
        (notice,) = list(app._notifications)
        assert notice.message.startswith("That was the last question. 9 questions are still open")
