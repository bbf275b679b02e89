"""How the app opens the tracker's screens by name (see registry.py). Each screen is imported
when it is first opened, not at start-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

    from workbook.ui.app import WorkbookApp


def checkin(app: WorkbookApp) -> Screen:
    from workbook.ui.screens.checkin_screen import CheckinScreen

    return CheckinScreen(app.store, app.clock)


def urge(app: WorkbookApp) -> Screen:
    from workbook.ui.screens.urge_screen import UrgeScreen

    return UrgeScreen(app.store, app.content.catalog, app.clock)


def slip(app: WorkbookApp) -> Screen:
    from workbook.ui.screens.slip_screen import SlipScreen

    return SlipScreen(app.store, app.clock)


def tracker(app: WorkbookApp) -> Screen:
    from workbook.ui.screens.tracker_screen import TrackerScreen

    return TrackerScreen(app.store, app.clock)


def start_date(app: WorkbookApp) -> Screen:
    from workbook.ui.screens.start_date_modal import StartDateModal

    return StartDateModal(app.store, app.clock)


def start_date_missing(app: WorkbookApp) -> bool:
    """Whether to invite the user to set their start date (home shows an entry for it)."""
    from workbook.tracker.journal import start_date

    return start_date(app.store) is None
