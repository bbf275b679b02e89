"""Start-up reads only home's style sheet (home, and the welcome of a first start); every other
screen brings screens.tcss with it."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from textual.screen import Screen

import workbook.ui.screens
from workbook.ui.screens.help_screen import HelpScreen
from workbook.ui.screens.home_screen import HomeScreen
from workbook.ui.screens.styles import SCREENS_CSS
from workbook.ui.screens.welcome_screen import WelcomeScreen
from workbook.ui.widgets.key_line import KeyLine

# The screens a start can paint first: their look is in workbook.tcss.
FIRST_SCREENS = (HomeScreen, WelcomeScreen)


def workbook_screens() -> list[type[Screen]]:
    found = []
    for module_info in pkgutil.iter_modules(workbook.ui.screens.__path__):
        module = importlib.import_module(f"workbook.ui.screens.{module_info.name}")
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, Screen) and value.__module__ == module.__name__:
                found.append(value)
    return found


def screens_css_loaded(app) -> bool:
    return app.stylesheet.has_source(str(SCREENS_CSS), "")


def test_the_screens_are_found():
    names = {screen.__name__ for screen in workbook_screens()}
    assert {"HomeScreen", "ExerciseScreen", "CrisisScreen", "ConfirmModal"} <= names


@pytest.mark.parametrize(
    "screen", [s for s in workbook_screens() if s not in FIRST_SCREENS], ids=lambda s: s.__name__
)
def test_every_screen_past_home_names_the_screens_style_sheet(screen):
    assert screen.CSS_PATH == SCREENS_CSS
    assert SCREENS_CSS.is_file()


async def test_home_starts_without_it_and_the_first_other_screen_brings_it(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not screens_css_loaded(app)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert screens_css_loaded(app)
        # A rule from screens.tcss is in effect on the screen opened first.
        assert app.screen.query_one(".keys").styles.padding.left == 2


async def test_a_first_start_paints_the_welcome_without_it_or_a_footer(make_app):
    app = make_app(welcome_seen=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert not screens_css_loaded(app)
        assert not app.screen.query("Footer")
        keys = str(app.screen.query_one(KeyLine).render())
        assert keys.startswith(" ^q Quick exit  f2 Crisis lines  f1 Help  esc Begin")
        assert "palette" not in keys  # room for the keys that matter here
        # A rule from workbook.tcss is in effect on it.
        assert app.screen.query_one(".welcome-lead").styles.text_style.bold
