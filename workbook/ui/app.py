"""WorkbookApp: the Textual application. Receives its content, store and clock; no globals.

Screens are opened by name (`show_screen('crisis')`, see screens/registry.py) or by the
actions below. Ctrl+Q, F1 and F2 are priority bindings, so they work on every screen and
inside every widget, text areas and modals included.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.reactive import Initialize, Reactive
from textual.screen import Screen

from workbook.content.loading import Content
from workbook.content.regions import REGION_SETTING, chosen_region, find_region, guess_region
from workbook.store.database import Clock, WorkbookStore, utc_now
from workbook.ui import screen_text, terminal_input
from workbook.ui.screens.home_screen import HomeScreen
from workbook.ui.screens.registry import HOME_ENTRIES, NAMED_SCREENS
from workbook.ui.widgets.themes import DEFAULT_THEME, THEMES

if TYPE_CHECKING:
    from workbook.search.index import SearchIndex

# Before anything is drawn: no control character from the user's data reaches the terminal.
screen_text.install()
# An invalid byte typed at the terminal is a visible symbol, not a dead keyboard.
terminal_input.install()

WELCOME_SEEN = "welcome_seen"
HOME_MODE = "home"
THEME_SETTING = "theme"
# Command palette entries that open a named screen: (title, help, screen name).
NAMED_COMMANDS = [
    ("Your recovery plan", "Built from your answers", "plan"),
    ("Crisis lines", "Numbers to call or text (F2)", "crisis"),
    (
        "Find anything you wrote",
        "Answers, earlier versions, check-ins, urges, slips (Ctrl+F)",
        "search",
    ),
    ("Today's check-in", "How today went: the craving, your mood, any contact", "checkin"),
    ("An urge, right now", "A minute's pause, your own words, then note it (F3)", "urge"),
    ("Days without contact", "Your days, check-ins, urges and slips", "tracker"),
    ("Record a slip", "Noted without judgement; your earlier days stay counted", "slip"),
    ("Your no-contact start date", "The day your days without contact count from", "start-date"),
    ("Help", "Keys, and where your answers are kept (F1)", "help"),
    ("Welcome", "The first screen again", "welcome"),
]
TEXTUAL_COMMANDS_KEPT = {"Theme"}
# Lock when away: minutes without a key or the mouse, a setting; 0 is never.
LOCK_AFTER_SETTING = "lock_after_minutes"
DEFAULT_LOCK_AFTER = 10
LOCK_AFTER_CHOICES = [5, 10, 30, 60, 0]
# What app.run() returns when the workbook was locked: launch.py then asks to unlock it.
LOCKED = "locked"
HIDDEN_MESSAGE = "(the message is not shown, because it may contain words you wrote)"


class WorkbookApp(App[str | None]):
    TITLE = "workbook"
    CSS_PATH = "workbook.tcss"
    BINDINGS = [
        # Named "quit" so Textual's Ctrl+C hint ("Press ctrl+q to quit") points to it.
        Binding("ctrl+q", "quit", "Quick exit", priority=True),
        Binding("f2,ctrl+r", "show_screen('crisis')", "Crisis lines", priority=True),
        Binding("f1", "show_screen('help')", "Help", priority=True),
        # Not in the footer (the safety keys fill it); named on home and in help.
        Binding("f3", "show_screen('urge')", "An urge", priority=True, show=False),
        Binding("f4", "lock", "Lock", priority=True, show=False),
        # Textual's text boxes leave Ctrl+F unbound (a test keeps it so), so it works inside
        # them too; / is for when no text box has the focus, as ? is for help.
        Binding("ctrl+f", "show_screen('search')", "Find", priority=True, show=False),
        Binding("question_mark", "show_screen('help')", "Help", show=False),
        Binding("slash", "show_screen('search')", "Find", show=False),
    ]

    def _saved_theme(self) -> str:
        for theme in THEMES:
            self.register_theme(theme)
        saved_theme = self.store.setting(THEME_SETTING, DEFAULT_THEME)
        known = isinstance(saved_theme, str) and saved_theme in self.available_themes
        return saved_theme if known else DEFAULT_THEME

    # The saved theme is the starting value, read while App.__init__ builds the stylesheet from
    # it: setting `theme` after __init__ would parse all the CSS a second time at start-up.
    theme: Reactive[str] = Reactive(Initialize(_saved_theme))

    def __init__(
        self,
        content: Content,
        store: WorkbookStore,
        clock: Clock = utc_now,
        *,
        catch_closing_signals: bool = False,
        locale_name: str | None = None,
    ) -> None:
        self.content = content
        self.store = store  # read by _saved_theme, during App.__init__
        self.clock = clock
        # Seconds since anything was pressed: replaced by tests that pretend time passed.
        self.idle_clock: Callable[[], float] = time.monotonic
        self.idle_check_seconds = 5.0
        self._last_input = time.monotonic()
        self._search_index: SearchIndex | None = None
        # Only the real program: tests in the same process keep their own signal handlers.
        self.catch_closing_signals = catch_closing_signals
        # Set when leaving could not save everything (a disk full even after the reserve).
        self.left_words_unsaved = False
        # The user's locale ("en_GB.UTF-8"), read by the command line: the region's guess.
        self.region_guess = guess_region(locale_name, content.resources)
        super().__init__()

    # --- the user's region ----------------------------------------------------------------

    @property
    def region(self) -> str | None:
        """The region whose crisis lines come first: the user's choice, else the guess."""
        return chosen_region(
            self.store.setting(REGION_SETTING), self.region_guess, self.content.resources
        )

    def action_choose_region(self) -> None:
        from workbook.ui.screens.region_modal import RegionModal

        self._close_palette()
        self.push_screen(RegionModal(self.content.resources, self.region), self._region_chosen)

    async def _region_chosen(self, region: str | None) -> None:
        if region is None:
            return  # Escape: nothing changes
        self.store.set_setting(REGION_SETTING, region)
        shown = self.region
        name = find_region(self.content.resources, shown)
        self.notify(
            f"Crisis lines for {name.name} come first now."
            if name
            else "Every country's crisis lines are shown.",
            title="Your region",
        )
        from workbook.ui.screens.crisis_screen import CrisisScreen

        if isinstance(self.screen, CrisisScreen):
            await self.screen.show_region(shown)

    # --- screens --------------------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        if not self.store.setting(WELCOME_SEEN, False):
            # A first start shows the welcome as the first screen, and home only after it:
            # home is not built, laid out and hidden under the welcome on the way to first paint.
            from workbook.ui.screens.welcome_screen import WelcomeScreen

            return WelcomeScreen(self.store.paths.data_file, then=self._welcomed)
        return self.home_screen()

    def home_screen(self) -> HomeScreen:
        return HomeScreen(self.content, self.store, self.clock, HOME_ENTRIES, self.streak_words)

    def search_index(self) -> SearchIndex:
        """Made when search is first used (not at start-up), then kept: it remembers the
        earlier versions it has read, so later searches are quicker."""
        if self._search_index is None:
            from workbook.search.index import SearchIndex

            self._search_index = SearchIndex(
                self.store, self.content.catalog, self.content.user_resources
            )
        return self._search_index

    def streak_words(self) -> str:
        """The line at the top of home about days without contact."""
        from workbook.ui.widgets.tracker_words import home_streak_line

        return home_streak_line(self.store)

    def on_mount(self) -> None:
        if self.catch_closing_signals:
            from workbook.ui import signals

            signals.install(self)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self._last_input = self.idle_clock()
        self.set_interval(self.idle_check_seconds, self._lock_if_away)
        self.store.warning_listeners.append(self._warn)
        if self.store.read_only:
            self.notify(self.store.read_only_reason or "", title="Read-only", timeout=20)
        if self.store.key is not None and self.store.key.from_recovery_key:
            self.notify(
                "Opened with your recovery key. To choose a new passphrase: Ctrl+P, then "
                "“Change the passphrase”.",
                timeout=20,
            )
        if self.content.problems:
            count = len(self.content.problems)
            skipped = (
                "One of your own files was skipped"
                if count == 1
                else f"{count} of your own files were skipped"
            )
            self.notify(
                f"{skipped} because of a mistake. "
                "See “Files that were skipped” on the home screen.",
                severity="warning",
                timeout=15,
            )

    def _welcomed(self) -> None:
        """Begin, on the welcome of a first start: home takes its place, and the welcome is
        not shown again (the command palette and help still open it)."""
        self.store.set_setting(WELCOME_SEEN, True)
        # The welcome is the base of the first stack and cannot be popped or switched away
        # (Textual keeps no result callback for a default screen): home starts a stack of its
        # own, and the welcome is left behind, unseen.
        self.add_mode(HOME_MODE, self.home_screen)
        self.switch_mode(HOME_MODE)
        if self.store.setting(REGION_SETTING) is None:
            self.action_choose_region()  # once, on the first run; Escape keeps the guess

    def _remember_theme(self, theme: object) -> None:
        name = self.theme
        self.run_worker(
            lambda: self.store.set_setting(THEME_SETTING, name),
            thread=True,
            group="settings",
            exit_on_error=False,
        )

    def action_show_screen(self, name: str) -> None:
        make = NAMED_SCREENS.get(name)
        if make is None:
            self.notify("This part of the workbook is not ready yet.", title="Not yet")
            return
        self._close_palette()
        screen = make(self)
        if type(self.screen) is type(screen):
            return  # already showing: F2 twice does not stack two copies
        self.push_screen(screen)

    def _close_palette(self) -> None:
        """F1, F2 and F3 work inside the command palette too: close it rather than leave it
        under the new screen, where a second Ctrl+P would open a second palette. Its search
        is stopped first, as its own Escape does: it must not outlive the palette."""
        palette = self.screen
        if isinstance(palette, CommandPalette):
            self.workers.cancel_node(palette)
            palette.dismiss()

    def action_open_exercise(self, exercise_id: str, prompt_id: str | None = None) -> None:
        exercise = self.content.catalog.get(exercise_id)
        if exercise is not None:
            self._close_palette()
            # Imported here: the exercise screen (Markdown and all) is not needed for first paint.
            from workbook.ui.screens.exercise_screen import ExerciseScreen

            self.push_screen(ExerciseScreen(exercise, self.store, self.clock, start_at=prompt_id))

    def action_open_answers(self, exercise_id: str | None = None) -> None:
        self._close_palette()
        exercises = self.content.catalog.exercises
        if exercise_id is None and len(exercises) == 1:
            exercise_id = exercises[0].id
        if exercise_id is None:
            from workbook.ui.screens.choose_exercise_modal import ChooseExerciseModal

            self.push_screen(
                ChooseExerciseModal(exercises, "Whose answers? Choose an exercise."),
                self._answers_chosen,
            )
            return
        self._answers_chosen(exercise_id)

    def _answers_chosen(self, exercise_id: str | None) -> None:
        exercise = self.content.catalog.get(exercise_id or "")
        if exercise is not None:
            from workbook.ui.screens.answers_screen import AnswersScreen

            self.push_screen(AnswersScreen(exercise, self.store, self.clock))

    # --- protection: the passphrase, and locking when away --------------------------------

    def action_protect(self, change: bool = False) -> None:
        from workbook.ui.screens.protect_modal import ProtectModal

        self._close_palette()
        if self.store.read_only:
            self.notify(self.store.read_only_reason or "", title="Read-only")
            return
        if self.store.protected != change:
            self.notify(
                "Your answers are protected already."
                if self.store.protected
                else "Your answers are not protected yet.",
            )
            return
        self.push_screen(ProtectModal(self.store, change=change))

    async def on_event(self, event: events.Event) -> None:
        if isinstance(
            event,
            (
                events.Key,
                events.MouseDown,
                events.MouseScrollDown,
                events.MouseScrollUp,
                events.Paste,
            ),
        ):
            self._last_input = self.idle_clock()
        await super().on_event(event)

    def lock_after_minutes(self) -> int:
        minutes = self.store.setting(LOCK_AFTER_SETTING, DEFAULT_LOCK_AFTER)
        return minutes if isinstance(minutes, int) and minutes >= 0 else DEFAULT_LOCK_AFTER

    def _lock_if_away(self) -> None:
        minutes = self.lock_after_minutes()
        if (
            self.store.protected
            and minutes
            and (self.idle_clock() - self._last_input >= minutes * 60)
        ):
            self.action_lock()

    def action_lock(self) -> None:
        """Save everything, then leave the workbook for the unlock screen (launch.py): every
        word leaves the screen, and the store and its decrypted data are let go."""
        if not self.store.protected:
            self.notify(
                "Locking needs a passphrase: choose “Protect with a passphrase” in the "
                "command palette (Ctrl+P).",
                title="Not protected",
            )
            return
        if not self.save_drafts():
            # Locking would take the unsaved words off the screen for good: keep them.
            self.left_words_unsaved = False
            self.notify(
                "Not locked: what you typed could not be saved yet, and locking would lose it.",
                title="Not locked",
                severity="warning",
            )
            return
        self.exit(LOCKED)

    def action_lock_after(self, minutes: int) -> None:
        self.store.set_setting(LOCK_AFTER_SETTING, minutes)
        self.notify(
            f"It locks after {minutes} minutes away."
            if minutes
            else "It no longer locks by itself."
        )

    def _protection_commands(self) -> Iterable[SystemCommand]:
        if not self.store.protected:
            yield SystemCommand(
                "Protect with a passphrase",
                "Encrypt your answers, backups and exports; asked when the workbook opens",
                partial(self.action_protect, False),
            )
            return
        yield SystemCommand(
            "Lock now", "Hide everything until the passphrase is typed (F4)", self.action_lock
        )
        yield SystemCommand(
            "Change the passphrase",
            "Your recovery key stays the same",
            partial(self.action_protect, True),
        )
        now = self.lock_after_minutes()
        for minutes in LOCK_AFTER_CHOICES:
            title = (
                f"Lock when away: after {minutes} minutes" if minutes else "Lock when away: never"
            )
            yield SystemCommand(
                title,
                "The current choice"
                if minutes == now
                else "Lock by itself when nothing is pressed",
                partial(self.action_lock_after, minutes),
            )

    # --- leaving --------------------------------------------------------------------------

    def _warn(self, words: str) -> None:
        """The store met trouble after the words were safe (a full disk): say so, calmly.
        Called from whichever thread saved; notify is safe from any."""
        self.notify(words, title="Saved, but", severity="warning", timeout=30, markup=False)

    def save_drafts(self) -> bool:
        """Write whatever any open screen has not saved yet, right now; False when some of it
        could not be written (the screen has said so, and keeps it on screen)."""
        saved = True
        for screen in reversed(self.screen_stack):
            save_now = getattr(screen, "save_now", None)  # screens that hold typed words
            if save_now is not None and save_now() is False:
                saved = False
        if not saved:
            self.left_words_unsaved = True
        return saved

    def close_store(self) -> None:
        """Close the store now (the backup, the lock); closing it again later does nothing."""
        self.store.close()

    async def action_quit(self) -> None:
        """The quick exit: save what was typed, then leave at once, asking nothing."""
        saved = self.save_drafts()
        self.exit(return_code=0 if saved else 1)

    # --- the command palette --------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for exercise in self.content.catalog.exercises:
            yield SystemCommand(
                f"Open: {exercise.title}",
                exercise.summary,
                partial(self.action_open_exercise, exercise.id),
            )
            yield SystemCommand(
                f"Your answers: {exercise.title}",
                "Read them on one page, with earlier versions",
                partial(self.action_open_answers, exercise.id),
            )
        for title, help_text, name in NAMED_COMMANDS:
            yield SystemCommand(title, help_text, partial(self.action_show_screen, name))
        yield from self._protection_commands()
        yield SystemCommand(
            "Your country or region",
            "Which crisis lines come first, on screen and in your plan",
            self.action_choose_region,
        )
        yield SystemCommand(
            "Quick exit", "Save what you typed and leave at once (Ctrl+Q)", self.action_quit
        )
        for command in super().get_system_commands(screen):
            # Of Textual's own commands only the theme is for the user: "Keys" and "Maximize"
            # are for programmers, and a screenshot would write the answers into a file.
            if command.title in TEXTUAL_COMMANDS_KEPT:
                yield command

    # --- crashes --------------------------------------------------------------------------

    def _fatal_error(self) -> None:
        """Textual's crash report, minus anything that could show what the user wrote:
        no local variables (Textual shows them by default) and no error messages."""
        import rich
        from rich.segment import Segments
        from rich.traceback import Traceback

        self.bell()
        traceback = Traceback(show_locals=False, width=None, suppress=[rich])
        for stack in traceback.trace.stacks:
            stack.exc_value = HIDDEN_MESSAGE
            stack.syntax_error = None
            stack.notes = []
        self._exit_renderables.append(
            Segments(self.console.render(traceback, self.console.options))
        )
        self._close_messages_no_wait()
