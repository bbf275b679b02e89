"""Days without contact, looking back: the count, craving and mood over weeks, and every
check-in, urge and slip, newest first. Enter on an entry changes it: a check-in opens for
editing, an urge can be marked as passed, a slip recorded by mistake can be taken back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from itertools import islice

import msgspec
from msgspec.structs import replace
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from workbook.store.database import Clock, StoreError, WorkbookStore
from workbook.tracker.journal import (
    MOODS,
    HistoryEntry,
    checkins,
    local_date,
    newest_first,
    slips,
    streak_of,
    update_urge,
    urge_counts_of,
    urges,
    withdraw_slip,
)
from workbook.tracker.records import CRAVING_MAX, CRAVING_MIN, CheckIn, Slip, Urge
from workbook.tracker.trends import CRAVING_TREND_WORDS, MOOD_TREND_WORDS
from workbook.tracker.trends import trends as trends_of
from workbook.ui.screens.confirm_modal import ConfirmModal
from workbook.ui.screens.safety_keys import SAFETY_KEYS
from workbook.ui.screens.styles import SCREENS_CSS
from workbook.ui.widgets.day_bars import DayBars
from workbook.ui.widgets.formatting import day_words
from workbook.ui.widgets.tracker_words import (
    checkin_words,
    short_day,
    slip_words,
    streak_details,
    streak_line,
    urge_words,
)

WINDOWS = (30, 90)
CRAVING_TREND = CRAVING_TREND_WORDS
MOOD_TREND = MOOD_TREND_WORDS
TOO_FEW = "too few to tell"
# Entries listed at first, and added each time "older entries" is chosen: ten years of daily
# check-ins would take seconds to lay out, and nobody scrolls through them all at once.
PAGE = 60
OLDER = "older"
KEYS_HINT = "C check in · F3 urge · S slip · D start date · T 30/90 days · Enter: change"


class Found(msgspec.Struct, frozen=True):
    """The tracker's tables as read for one showing of the screen."""

    checkins: list[CheckIn]
    slips: list[Slip]
    urges: list[Urge]


def entry_option(entry: HistoryEntry, index: int) -> Option:
    item = entry.entry
    if isinstance(item, CheckIn):
        heading, details = checkin_words(item)
    elif isinstance(item, Urge):
        heading, details = urge_words(item)
    else:
        heading, details = slip_words(item)
    when = short_day(entry.day) + (f" {entry.at:%H:%M}" if entry.at else "")
    markup = "[b]$when[/b]  $heading"
    if details:
        markup += "\n[dim]$details"
    return Option(
        Content.from_markup(markup, when=when, heading=heading, details=details),
        id=f"entry-{index}",
    )


class TrackerScreen(Screen[None]):
    CSS_PATH = SCREENS_CSS
    BINDINGS = [
        *SAFETY_KEYS,
        Binding("escape", "dismiss", "Back"),
        Binding("c", "checkin", "Check in"),
        Binding("s", "slip", "A slip", show=False),
        Binding("d", "start_date", "Start date", show=False),
        Binding("t", "other_window", "30 or 90 days", show=False),
    ]

    def __init__(
        self,
        store: WorkbookStore,
        clock: Clock,
        *,
        chosen: tuple[str, dt.date, dt.datetime | None] | None = None,
    ) -> None:
        super().__init__(classes="tracker-screen days-screen")
        self.store = store
        self.clock = clock
        # An entry to choose when the screen opens (from a search): its kind, day and moment.
        self.chosen = chosen
        self.window = WINDOWS[0]
        # The entries listed (a page or a few), newest first, and how many there are in all.
        self.entries: list[HistoryEntry] = []
        self.total = 0
        self.shown = PAGE
        self.found = Found([], [], [])

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="tracker-days")
        yield Static(id="tracker-since")
        yield Static(id="trends-title", classes="tracker-label")
        with Horizontal(classes="trend-row"):
            yield Static("Craving", classes="trend-name")
            yield DayBars(CRAVING_MIN, CRAVING_MAX, id="craving-bars")
            yield Static(id="craving-word", classes="trend-word")
        with Horizontal(classes="trend-row"):
            yield Static("Mood", classes="trend-name")
            yield DayBars(1, len(MOODS), id="mood-bars")
            yield Static(id="mood-word", classes="trend-word")
        yield Static(id="urge-counts")
        yield Static("Check-ins, urges and slips, newest first", classes="tracker-label")
        yield OptionList(id="tracker-history")
        yield Static(KEYS_HINT, id="tracker-keys")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = "Days without contact"
        self.query_one("#tracker-history").focus()

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown: this fills it the first time too.
        self.show_all()

    # --- showing ------------------------------------------------------------------------

    @property
    def today(self) -> dt.date:
        return local_date(self.clock())

    def show_all(self) -> None:
        # Each table is read once for everything shown: ten years of check-ins are 3,650.
        self.found = Found(checkins(self.store), slips(self.store), urges(self.store))
        today = self.today
        current = streak_of(self.store, self.found.slips, self.found.checkins, today)
        self.query_one("#tracker-days", Static).update(Content(streak_line(current)))
        self.query_one("#tracker-since", Static).update(Content(streak_details(current)))
        self.show_trends(today)
        self.show_history()

    def show_trends(self, today: dt.date) -> None:
        window = self.window
        trends = trends_of(self.found.checkins, today, window)
        self.query_one("#trends-title", Static).update(
            f"The last {window} days, oldest on the left (· a day without a check-in)"
        )
        self.query_one("#craving-bars", DayBars).show(trends.craving.values)
        self.query_one("#mood-bars", DayBars).show(trends.mood.values)
        craving, mood = trends.craving.trend, trends.mood.trend
        self.query_one("#craving-word", Static).update(
            CRAVING_TREND[craving] if craving else TOO_FEW
        )
        self.query_one("#mood-word", Static).update(MOOD_TREND[mood] if mood else TOO_FEW)
        counts = urge_counts_of(self.found.urges, since=today - dt.timedelta(days=window - 1))
        if counts.logged:
            noun = "urge" if counts.logged == 1 else "urges"
            words = f"{counts.logged} {noun} noted in these {window} days; {counts.passed} passed."
        else:
            words = f"No urges noted in these {window} days. When one comes, F3."
        self.query_one("#urge-counts", Static).update(words)

    def show_history(self) -> None:
        found = self.found
        self.total = len(found.checkins) + len(found.slips) + len(found.urges)
        listing = self.query_one("#tracker-history", OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        if not self.total:
            self.entries = []
            listing.add_option(
                Option(
                    "Nothing here yet. Your check-ins, urges and slips will gather here.",
                    disabled=True,
                )
            )
            return
        chosen = None if self.chosen is None else self.entry_index(*self.chosen)
        if chosen is not None:  # opened at an entry (from search): its page is shown too
            self.shown = max(self.shown, (chosen // PAGE + 1) * PAGE)
        # Only the listed entries are built: ten years of them are thousands.
        self.entries = list(islice(self.newest_first(), self.shown))
        listing.add_options(entry_option(e, i) for i, e in enumerate(self.entries))
        more = self.total - len(self.entries)
        if more:
            entries = "entry" if more == 1 else "entries"
            listing.add_option(Option(f"Show older entries ({more:,} more {entries})", id=OLDER))
        listing.highlighted = min(highlighted or 0, listing.option_count - 1)
        if chosen is not None:
            listing.highlighted = chosen
            self.chosen = None

    def show_older(self) -> None:
        self.shown += PAGE
        self.show_history()

    def newest_first(self) -> Iterator[HistoryEntry]:
        return newest_first(self.found.checkins, self.found.slips, self.found.urges)

    def entry_index(self, kind: str, day: dt.date, moment: dt.datetime | None) -> int:
        """Where an entry is in the list (the top when it is not there: a slip taken back)."""
        for index, entry in enumerate(self.newest_first()):
            at = entry.entry.at if isinstance(entry.entry, Urge) else None
            if entry.kind == kind and entry.day == day and at == moment:
                return index
        return 0

    # --- keys ---------------------------------------------------------------------------

    def action_other_window(self) -> None:
        self.window = WINDOWS[(WINDOWS.index(self.window) + 1) % len(WINDOWS)]
        self.show_trends(self.today)

    def action_checkin(self, day: dt.date | None = None) -> None:
        from workbook.ui.screens.checkin_screen import CheckinScreen

        self.app.push_screen(CheckinScreen(self.store, self.clock, day))

    def action_slip(self) -> None:
        from workbook.ui.screens.slip_screen import SlipScreen

        self.app.push_screen(SlipScreen(self.store, self.clock))

    def action_start_date(self) -> None:
        from workbook.ui.screens.start_date_modal import StartDateModal

        self.app.push_screen(StartDateModal(self.store, self.clock))

    # --- changing an entry --------------------------------------------------------------

    @on(OptionList.OptionSelected, "#tracker-history")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == OLDER:
            self.show_older()
            return
        index = int((event.option.id or "entry--1").removeprefix("entry-"))
        if not 0 <= index < len(self.entries):
            return
        item = self.entries[index].entry
        if isinstance(item, CheckIn):
            self.action_checkin(item.day)
        elif isinstance(item, Urge):
            self._ask_passed(item)
        else:
            self._ask_take_back(item)

    def _ask_passed(self, urge: Urge) -> None:
        if urge.passed:
            self.notify("This urge passed. There is nothing to change.")
            return

        def answered(passed: bool | None) -> None:
            if passed:
                self._change(lambda: update_urge(self.store, replace(urge, passed=True)))

        self.app.push_screen(
            ConfirmModal("Has this urge passed now?", yes="Yes, it passed", no="Not yet"),
            answered,
        )

    def _ask_take_back(self, slip: Slip) -> None:
        def answered(take_back: bool | None) -> None:
            if take_back:
                self._change(lambda: withdraw_slip(self.store, slip.day))

        self.app.push_screen(
            ConfirmModal(
                f"Take back the slip on {day_words(slip.day)}? Do this if it was recorded by "
                "mistake: its note is kept, and its day no longer starts a new stretch.",
                yes="Take it back",
                no="Keep it",
            ),
            answered,
        )

    def _change(self, change: Callable[[], object]) -> None:
        try:
            change()
        except (OSError, StoreError) as error:
            self.notify(f"Could not save just now ({error}).", severity="error")
        self.show_all()
