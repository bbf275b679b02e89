"""The user's region: guessed from the locale, chosen once, changed any time; it decides which
crisis lines come first on the crisis screen (every country one key away)."""

from __future__ import annotations

from textual.widgets import Static

from workbook.ui.screens.crisis_screen import CrisisScreen
from workbook.ui.screens.region_modal import RegionModal


def words_on(screen) -> str:
    return "\n".join(str(w.render()) for w in screen.query(Static))


async def test_the_locale_guess_comes_first_and_every_country_is_one_key_away(make_app):
    app = make_app(locale_name="en_AU.UTF-8")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        words = words_on(app.screen)
        assert "Australia" in words and "13 11 14" in words and "000" in words
        assert "Samaritans" not in words and "988" not in words
        await pilot.press("a")
        await pilot.pause()
        words = words_on(app.screen)
        assert "Samaritans" in words and "988" in words and "13 11 14" in words
        # Its own region still comes first.
        assert words.index("Australia") < words.index("United States")
        await pilot.press("a")
        await pilot.pause()
        assert "Samaritans" not in words_on(app.screen)
    assert app.store.setting("region") is None  # a guess is not a choice


async def test_choosing_a_region_on_the_crisis_screen_is_remembered(make_app):
    app = make_app(locale_name="C")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert "Samaritans" in words_on(app.screen)  # no guess: every country
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RegionModal)
        await pilot.press("home", "down", "down", "enter")  # the United Kingdom
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        words = words_on(app.screen)
        assert "116 123" in words and "SHOUT to 85258" in words
        assert "741741" not in words and "13 11 14" not in words
    assert app.store.setting("region") == "uk"

    again = make_app(locale_name="en_US.UTF-8")  # the choice beats the locale
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert "116 123" in words_on(again.screen)
        assert "741741" not in words_on(again.screen)


async def test_the_region_is_in_the_command_palette(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"country or region")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RegionModal)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, RegionModal)
    assert app.store.setting("region") is None


async def test_yes_or_not_sure_to_the_danger_question_shows_the_regions_lines_there(make_app):
    app = make_app(bundled=True, locale_name="en_GB.UTF-8")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("open_exercise('abstinence-plan', 'in-danger')")
        await pilot.pause()
        box = app.screen.query_one("#danger-lines")
        assert box.has_class("-hidden")  # not answered yet: nothing in the way
        await pilot.press("down", "enter")  # "Not sure"
        await pilot.pause()
        assert not box.has_class("-hidden")
        words = "\n".join(str(w.render()) for w in box.query(Static))
        assert "999" in words and "0808 2000 247" in words  # emergency and domestic abuse
        assert "911" not in words and "Samaritans" not in words  # this region, these kinds
        await pilot.press("down", "enter")  # "No"
        await pilot.pause()
        assert box.has_class("-hidden")
        await pilot.press("up", "up", "enter")  # "Yes"
        await pilot.pause()
        assert not box.has_class("-hidden")
        await pilot.press("escape")
        await pilot.pause()
    assert app.store.answer("abstinence-plan", "in-danger") == "Yes"
