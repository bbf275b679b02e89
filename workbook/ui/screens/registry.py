"""Screens the app opens by name, and the entries on the home screen.

Adding a screen: one line in NAMED_SCREENS; `app.show_screen('<name>')` then opens it (from a
key binding, a home entry, the command palette). Adding it to the home screen: one HomeEntry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import msgspec
from textual.screen import Screen

from workbook.ui.screens import open_tracker

if TYPE_CHECKING:
    from workbook.ui.app import WorkbookApp


def _plan(app: WorkbookApp) -> Screen:
    from workbook.ui.screens.plan_screen import PlanScreen

    return PlanScreen(app.content, app.store, app.clock, app.region_guess)


def _crisis(app: WorkbookApp) -> Screen:
    from workbook.ui.screens.crisis_screen import CrisisScreen

    content, paths = app.content, app.store.paths
    return CrisisScreen(
        content.resources, content.user_resources, paths.user_resources_file, app.region
    )


def _help(app: WorkbookApp) -> Screen:
    from workbook.ui.screens.help_screen import HelpScreen

    return HelpScreen(app.store.paths.data_file)


def _welcome(app: WorkbookApp) -> Screen:
    from workbook.ui.screens.welcome_screen import WelcomeScreen

    return WelcomeScreen(app.store.paths.data_file)


def _problems(app: WorkbookApp) -> Screen:
    from workbook.ui.screens.content_problems_screen import ContentProblemsScreen

    return ContentProblemsScreen(app.content.problems, app.store.paths.user_exercises_dir)


def _search(app: WorkbookApp) -> Screen:
    from workbook.ui.screens.search_screen import SearchScreen

    return SearchScreen(app.search_index(), app.content.catalog, app.store, app.clock)


NAMED_SCREENS: dict[str, Callable[[WorkbookApp], Screen]] = {
    "plan": _plan,
    "crisis": _crisis,
    "checkin": open_tracker.checkin,
    "urge": open_tracker.urge,
    "slip": open_tracker.slip,
    "tracker": open_tracker.tracker,
    "start-date": open_tracker.start_date,
    "help": _help,
    "welcome": _welcome,
    "problems": _problems,
    "search": _search,
}


class HomeEntry(msgspec.Struct, frozen=True):
    id: str
    title: str
    description: str
    # An app action, run when the entry is chosen.
    action: str
    # Shown only when this returns True (e.g. only when there are problems to show).
    shown: Callable[[WorkbookApp], bool] = lambda app: True


HOME_ENTRIES: list[HomeEntry] = [
    HomeEntry(
        "start-date",
        "Set your no-contact start date",
        "Your days are counted from it.",
        "app.show_screen('start-date')",
        shown=open_tracker.start_date_missing,
    ),
    HomeEntry(
        "checkin",
        "Today's check-in",
        "The craving, your mood, any contact.",
        "app.show_screen('checkin')",
    ),
    HomeEntry(
        "urge",
        "An urge, right now",
        "A pause and your own words. F3 from anywhere.",
        "app.show_screen('urge')",
    ),
    HomeEntry(
        "tracker",
        "Days without contact",
        "Check-ins, urges, slips, and how it is going.",
        "app.show_screen('tracker')",
    ),
    HomeEntry(
        "answers",
        "Your answers",
        "Read everything you have written, and each earlier version.",
        "app.open_answers()",
    ),
    HomeEntry(
        "plan",
        "Your recovery plan",
        "Built from your answers, to keep and to print.",
        "app.show_screen('plan')",
    ),
    HomeEntry(
        "crisis",
        "Crisis lines",
        "Numbers to call or text, any time. F2 from anywhere.",
        "app.show_screen('crisis')",
    ),
    HomeEntry(
        "help",
        "Help and keys",
        "Keys, and where your answers are kept. F1 from anywhere.",
        "app.show_screen('help')",
    ),
    HomeEntry(
        "problems",
        "Files that were skipped",
        "Some of your own files have a mistake; see what and where.",
        "app.show_screen('problems')",
        shown=lambda app: bool(app.content.problems),
    ),
]
