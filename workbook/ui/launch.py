"""Open the interactive workbook: load content, open the store, run the app, close cleanly.

When the data file cannot be opened (unreadable, or open in another window), a small app
says so in plain words and offers what can be done, instead of a traceback.
"""

from __future__ import annotations

import datetime as dt
import gc
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import App

from workbook.content.loading import Content, load_content
from workbook.paths import Paths
from workbook.store.database import (
    Clock,
    StoreLockedError,
    StoreUnreadableError,
    WorkbookStore,
    restore_backup_locked,
    utc_now,
)
from workbook.store.encryption import Key, file_is_encrypted, is_protected
from workbook.store.storage import UnreadableDataError
from workbook.ui.widgets.themes import CALM

if TYPE_CHECKING:
    # Loaded only when there is a problem to show: not on the way to the workbook itself.
    from workbook.ui.app import WorkbookApp
    from workbook.ui.screens.store_problem_screen import StoreProblem

RESTORE = "restore"
RETRY = "retry"


class StoreProblemApp(App[str | None]):
    """Shows one StoreProblem; returns the chosen action id, or None to quit."""

    TITLE = "workbook"
    CSS_PATH = "workbook.tcss"
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, problem: StoreProblem) -> None:
        super().__init__()
        self.problem = problem
        self.register_theme(CALM)
        self.theme = CALM.name

    def on_mount(self) -> None:
        from workbook.ui.screens.store_problem_screen import StoreProblemScreen

        self.push_screen(StoreProblemScreen(self.problem), self.exit)


def unreadable_problem(error: StoreUnreadableError) -> StoreProblem:
    from workbook.ui.screens.store_problem_screen import StoreProblem

    kept = (
        "It was left as it is: it is too large to copy."
        if error.left_in_place
        else f"A copy of the file as it is was kept at {error.set_aside}."
    )
    explanation = (
        f"Your workbook file could not be read: {error.path}\n\nNothing was overwritten. {kept}"
    )
    actions = []
    if error.backup is not None:
        explanation += (
            f"\n\nThe newest good backup is {error.backup}. You can bring it back and carry "
            "on; anything written after that backup would be missing from it, and the "
            "unreadable file is kept beside it."
        )
        actions.append((RESTORE, "Bring back the backup"))
    else:
        explanation += (
            "\n\nNo backup was found. Quit for now; the file can still be looked at, "
            "perhaps with someone you trust."
        )
    return StoreProblem("Your answers could not be opened", explanation, actions=actions)


def locked_problem(paths: Paths) -> StoreProblem:
    from workbook.ui.screens.store_problem_screen import StoreProblem

    return StoreProblem(
        "The workbook is already open",
        "The workbook is open in another window. Only one can be open at a time, so that "
        "nothing gets mixed up. Close the other one, then choose Try again. "
        "Nothing was changed.",
        f"The answers in use: {paths.data_file}",
        [(RETRY, "Try again")],
    )


def failed_restore_problem(error: Exception) -> StoreProblem:
    from workbook.ui.screens.store_problem_screen import StoreProblem

    return StoreProblem(
        "The backup could not be brought back",
        "Nothing was changed. Quit for now; `workbook where` in a terminal lists the "
        "backups, and `workbook restore FILE` brings back another one.",
        str(error),
    )


def ask_in_app(problem: StoreProblem) -> str | None:
    return StoreProblemApp(problem).run()


def open_store(
    paths: Paths,
    clock: Clock,
    ask: Callable[[StoreProblem], str | None] = ask_in_app,
    key: Key | None = None,
) -> WorkbookStore | None:
    """Open the store, asking the user what to do when it cannot be; None means quit."""
    while True:
        try:
            return WorkbookStore.open(paths, clock, key=key)
        except StoreLockedError:
            if ask(locked_problem(paths)) != RETRY:
                return None
        except StoreUnreadableError as error:
            if ask(unreadable_problem(error)) != RESTORE:
                return None
            assert error.backup is not None
            try:
                restore_backup_locked(paths, error.backup, clock, key=key)
            except (UnreadableDataError, OSError, StoreLockedError) as failure:
                ask(failed_restore_problem(failure))
                return None


LOCKED_NOTE = "It was locked, and everything you wrote was saved first."


def unlock_in_app(paths: Paths, content: Content, note: str) -> Key | None:
    from workbook.ui.unlock_app import UnlockApp

    return UnlockApp(paths, content, note).run()


def needs_key(paths: Paths) -> bool:
    return is_protected(paths) or file_is_encrypted(paths.data_file)


def launch_app(
    paths: Paths,
    clock: Clock = utc_now,
    locale_name: str | None = None,
    ask_unlock: Callable[[Paths, Content, str], Key | None] = unlock_in_app,
) -> int:
    """Run the workbook; a protected one opens on the unlock screen, and comes back to it
    each time it is locked (F4, or away), with the store closed and its data let go."""
    from workbook.ui.app import LOCKED, WorkbookApp

    content = load_content(paths)
    note = ""
    while True:
        key = None
        if needs_key(paths):
            key = ask_unlock(paths, content, note)
            if key is None:
                return 0
        store = open_store(paths, clock, key=key)
        if store is None:
            return 1
        app = WorkbookApp(
            content=content,
            store=store,
            clock=clock,
            catch_closing_signals=True,
            locale_name=locale_name,
        )
        try:
            result = app.run()
        finally:
            store.close()
            say_after_leaving(app, paths)
        if result != LOCKED:
            return app.return_code or 0
        # Let go of everything that held the words, as far as Python allows.
        if store.key is not None:
            store.key.forget()
        del app, store, key
        gc.collect()
        note = LOCKED_NOTE


def say_after_leaving(app: WorkbookApp, paths: Paths) -> None:
    """Once the terminal is back: what went wrong on the way out, the unsaved words last."""
    for words in app.store.warnings:
        print(f"workbook: {words}", file=sys.stderr)
    if app.left_words_unsaved:
        print(last_words_lost(paths), file=sys.stderr)


def last_words_lost(paths: Paths) -> str:
    try:
        saved = dt.datetime.fromtimestamp(paths.data_file.stat().st_mtime)
    except OSError:
        return (
            f"workbook: {paths.data_file}: the disk is full, so the last words you typed could "
            "not be saved, and there is no earlier copy."
        )
    when = f"{saved:%H:%M}" if saved.date() == dt.date.today() else f"{saved:%Y-%m-%d %H:%M}"
    return (
        f"workbook: {paths.data_file}: the disk is full, so the last words you typed could not "
        f"be saved. Everything saved until {when} is safe in that file."
    )
