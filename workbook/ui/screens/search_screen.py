"""Find anything you wrote: type words, see where they are, press Enter to go there.

Results change as the user types. The search runs in a thread worker a moment after the last
keystroke, so typing never waits for it; each search carries a number, and results that come
back after a newer search began are dropped (the old search is also asked to stop early).

Enter opens a result above this screen (Enter in the words opens the first, or the one ↓
chose): an answer at its question, an earlier version in
its history, a tracker entry on the tracker with that entry chosen, a crisis line on the crisis
lines. Escape there comes back here, to the same results (searched again: the answer may have
changed); Escape here goes back to where the user was.

User text is never read as markup: snippets are Content with styled spans.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.events import Key
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from workbook.search import places as kinds
from workbook.search.places import local_day, where_words
from workbook.search.results import Result, SearchResults, clean_line
from workbook.ui.screens.safety_keys import SAFETY_KEYS
from workbook.ui.screens.styles import SCREENS_CSS
from workbook.ui.widgets.formatting import day_words

if TYPE_CHECKING:
    from workbook.content.models import Catalog
    from workbook.search.index import SearchIndex
    from workbook.store.database import Clock, WorkbookStore

# Long enough to let a fast typist finish a word, short enough to feel immediate.
SEARCH_DELAY = 0.15
LIMIT = 50
MATCH_STYLE = "bold underline $text-accent"
INVITATION = (
    "Type a word or two: your answers, earlier versions, check-ins, urges, slips and your own "
    'crisis lines. "Quotes" find a phrase.'
)
TRACKER_ENTRY = {
    kinds.CHECKIN_NOTE: "checkin",
    kinds.TRIGGER: "checkin",
    kinds.HELPED: "checkin",
    kinds.URGE: "urge",
    kinds.SLIP: "slip",
}


def counted(number: int, one: str, many: str) -> str:
    return f"{number:,} {one if number == 1 else many}"


def status_words(results: SearchResults) -> str:
    query = clean_line(results.query.text)
    if not results.found:
        return (
            f"Nothing found for “{query}”. Every word has to appear: check the spelling, "
            "or try fewer words."
        )
    versions = counted(results.versions_total or 0, "earlier version", "earlier versions")
    if not results.current_total:
        found = f"Only in {versions}, not in your answers now"
    elif results.versions_total:
        found = f"{counted(results.current_total, 'place', 'places')}, and {versions}"
    else:
        found = counted(results.current_total, "place", "places")
    shown = len(results.current) + len(results.versions)
    total = results.current_total + (results.versions_total or 0)
    more = f" ({shown} shown: another word narrows it)" if shown < total else ""
    hint = "Enter opens it" if total == 1 else "Enter opens the first; ↓ chooses another"
    return f"{found}{more}. {hint}."


def result_option(result: Result, index: int, width: int) -> Option:
    day = local_day(result.place)
    # The date first: a long question is cut short at the end, never the date.
    # An earlier version standing for others of its answer says how many (before the
    # question, which may be cut short).
    when = day_words(day) if day else ""
    if result.other_versions:
        when += f" and {result.other_versions:,} more"
    heading = Content.assemble(
        (when + "  " if when else "", "dim"),
        (clean_line(where_words(result.place)), "bold"),
    )
    heading = heading.truncate(width, ellipsis=True)
    snippet = result.snippet(width)
    line = Content(snippet.text)
    for start, end in snippet.spans:
        line = line.stylize(MATCH_STYLE, start, end)
    return Option(Content("\n").join([heading, line]), id=f"result-{index}")


def first_result(listing: OptionList) -> int | None:
    """The first option that is a result (not the heading of earlier versions)."""
    return next((i for i, o in enumerate(listing.options) if not o.disabled), None)


class ResultList(OptionList):
    """The results. ↑ on the first one goes back up to the words; typing goes there too, so
    a person who starts to type here changes the words, as they would expect."""

    BINDINGS = [Binding("up", "up_or_back", "Up", show=False)]

    @property
    def words(self) -> Input:
        return self.screen.query_one("#search-query", Input)

    def action_up_or_back(self) -> None:
        if self.highlighted is None or self.highlighted == first_result(self):
            self.words.focus()
        else:
            self.action_cursor_up()

    def on_key(self, event: Key) -> None:
        if event.key == "backspace":
            self.words.focus()
            self.words.action_delete_left()
        elif event.is_printable and event.character:
            self.words.focus()
            self.words.insert_text_at_cursor(event.character)
        else:
            return
        event.stop()
        event.prevent_default()


class SearchScreen(Screen[None]):
    CSS_PATH = SCREENS_CSS
    BINDINGS = [
        *SAFETY_KEYS,
        Binding("escape", "dismiss", "Back"),
        Binding("down", "to_results", "Results", show=False),
    ]

    def __init__(
        self,
        index: SearchIndex,
        catalog: Catalog,
        store: WorkbookStore,
        clock: Clock,
        query: str = "",
    ) -> None:
        super().__init__(classes="search-screen")
        self.index = index
        self.catalog = catalog
        self.store = store
        self.clock = clock
        self.query_text = query
        self.results: list[Result] = []
        # Which search is the newest: results of an older one are dropped.
        self.generation = 0
        self._timer: Timer | None = None
        self.last: SearchResults | None = None
        # ↓ moved the focus to the results, and it has not arrived yet.
        self._focus_coming = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            self.query_text,
            placeholder='Words to find; "quotes" for a phrase',
            id="search-query",
            # Coming back up from the results adds to the words; it does not replace them.
            select_on_focus=False,
        )
        yield Static(INVITATION, id="search-status")
        yield ResultList(id="search-results")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = "Find anything you wrote"
        self.query_one("#search-query", Input).focus()
        if self.query_text.strip():
            self.search_soon(0)

    def on_screen_resume(self) -> None:
        # Back from an answer, a history or the tracker: what was found may have changed.
        if self.last is not None:
            self.search_soon(0)

    # --- searching ----------------------------------------------------------------------

    @on(Input.Changed, "#search-query")
    def _typed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.search_soon(SEARCH_DELAY)

    def search_soon(self, delay: float) -> None:
        self.generation += 1
        if self._timer is not None:
            self._timer.stop()
        if not self.query_text.strip():
            self.show_nothing()
            return
        generation, text = self.generation, self.query_text
        if delay <= 0:
            self.run_search(text, generation)
        else:
            self._timer = self.set_timer(delay, lambda: self.run_search(text, generation))

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, text: str, generation: int) -> None:
        worker = get_current_worker()

        def stale() -> bool:
            return worker.is_cancelled or generation != self.generation

        found = self.index.search(text, limit=LIMIT, stop=stale, one_version_per_answer=True)
        if found is not None and not stale():
            self.app.call_from_thread(self.show_results, found, generation)

    def show_nothing(self) -> None:
        self.last = None
        self.results = []
        self.query_one("#search-results", OptionList).clear_options()
        self.query_one("#search-status", Static).update(INVITATION)

    def show_results(self, found: SearchResults, generation: int) -> None:
        if generation != self.generation:
            return  # the user typed on: a newer search is coming
        listing = self.query_one("#search-results", OptionList)
        highlighted = listing.highlighted if self.last is not None else None
        self.last = found
        self.results = found.current + found.versions
        width = self.snippet_width()
        options: list[Option | None] = [
            result_option(result, i, width) for i, result in enumerate(found.current)
        ]
        if found.versions:
            if options:
                options.append(None)
            heading = f"Earlier versions of your answers ({found.versions_total})"
            options.append(Option(Content.styled(heading, "bold"), disabled=True))
            start = len(found.current)
            options += [
                result_option(result, start + i, width) for i, result in enumerate(found.versions)
            ]
        listing.clear_options()
        listing.add_options(options)
        if self.results:
            enabled = (
                highlighted is not None
                and not listing.get_option_at_index(
                    min(highlighted, listing.option_count - 1)
                ).disabled
            )
            listing.highlighted = highlighted if enabled else first_result(listing)
        self.query_one("#search-status", Static).update(Content(status_words(found)))

    def snippet_width(self) -> int:
        listing = self.query_one("#search-results", OptionList)
        width = listing.scrollable_content_region.width or self.app.size.width
        return max(20, width - 4)

    # --- moving and opening -------------------------------------------------------------

    def action_to_results(self) -> None:
        listing = self.query_one("#search-results", OptionList)
        if not self.results:
            return
        if self._focus_coming:
            # Keys typed faster than focus moves (a terminal sends ↓↓ Enter at once): this ↓
            # was meant for the list.
            listing.action_cursor_down()
            return
        if listing.highlighted is None:
            listing.highlighted = first_result(listing)
        self._focus_coming = True
        listing.focus()

    def on_descendant_focus(self) -> None:
        self._focus_coming = False

    @on(Input.Submitted, "#search-query")
    async def _entered(self) -> None:
        """Enter in the words opens the chosen result: the first, unless ↓ chose another."""
        listing = self.query_one("#search-results", OptionList)
        index = listing.highlighted
        if self.results and index is not None:
            option = listing.get_option_at_index(index)
            if not option.disabled:
                await self.open(self.results[int((option.id or "").removeprefix("result-"))])

    @on(OptionList.OptionSelected, "#search-results")
    async def _chosen(self, event: OptionList.OptionSelected) -> None:
        index = int((event.option.id or "result--1").removeprefix("result-"))
        if 0 <= index < len(self.results):
            await self.open(self.results[index])

    async def open(self, result: Result) -> None:
        place = result.place
        if place.kind == kinds.CRISIS_LINE:
            await self.app.run_action("show_screen('crisis')")
        elif place.kind in TRACKER_ENTRY:
            self.open_tracker(place)
        else:
            await self.open_answer(place)

    async def open_answer(self, place: kinds.Place) -> None:
        exercise = self.catalog.get(place.exercise_id or "")
        prompt = exercise.prompt(place.prompt_id or "") if exercise else None
        if exercise is None or prompt is None:
            self.notify(
                "That question is not in the exercises loaded now, so it cannot be opened. "
                "`workbook search` shows its words."
            )
            return
        if place.kind == kinds.VERSION:
            from workbook.ui.screens.history_screen import HistoryScreen

            self.app.push_screen(
                HistoryScreen(exercise, prompt, self.store, self.clock, start_at=place.saved_at)
            )
        else:
            await self.app.run_action(f"open_exercise({exercise.id!r}, {prompt.id!r})")

    def open_tracker(self, place: kinds.Place) -> None:
        from workbook.ui.screens.tracker_screen import TrackerScreen

        kind = TRACKER_ENTRY[place.kind]
        moment = place.saved_at if kind == "urge" else None
        chosen = (kind, place.day or dt.date.min, moment)
        self.app.push_screen(TrackerScreen(self.store, self.clock, chosen=chosen))
