"""Closing the window, a logout, an interrupt: the words typed just before are kept.

The real program in a pseudo-terminal: type, then within 100 ms close the window or send the
signal, start again, and every word is there.
"""

from __future__ import annotations

import signal
import time

import pytest
from terminal import Terminal, program_env

from workbook.paths import Paths
from workbook.store.database import WorkbookStore
from workbook.ui.signals import GRACE_SECONDS

WORDS = "he said it would be different this time and I believed him"


def seeded(tmp_path) -> Paths:
    paths = Paths(tmp_path / "data")
    with WorkbookStore.open(paths) as store:
        store.set_setting("welcome_seen", True)
    return paths


def type_an_answer(tmp_path, paths: Paths) -> Terminal:
    terminal = Terminal(["--data-dir", str(paths.data_dir)], program_env(tmp_path))
    terminal.wait_for("Truth realizations")
    terminal.press("enter")  # the first exercise, from home
    terminal.wait_for("Introduction")
    terminal.press("ctrl+n")  # its first question
    terminal.wait_for("Question 1 of")
    time.sleep(0.3)
    terminal.type(WORDS, enter=False)
    time.sleep(0.05)  # well inside the autosave's second
    return terminal


def first_answer(paths: Paths):
    with WorkbookStore.open(paths) as store:
        answers = store.answers_for("truth-realizations")
    return next(iter(answers.values()), None)


@pytest.mark.parametrize(
    "how", ["closed window", "SIGHUP", "SIGTERM", "SIGINT"], ids=lambda how: how.replace(" ", "-")
)
def test_words_typed_just_before_the_program_is_closed_are_kept(tmp_path, how):
    paths = seeded(tmp_path)
    terminal = type_an_answer(tmp_path, paths)
    started = time.monotonic()
    try:
        if how == "closed window":
            terminal.close_window()
        else:
            terminal.signal(getattr(signal, how))
        status = terminal.wait(timeout=GRACE_SECONDS + 5)
    finally:
        terminal.close()
    assert time.monotonic() - started < GRACE_SECONDS + 1  # closing never hangs
    assert status != 0 or how == "SIGINT"
    # Closed properly on the way: the lock given back with its holder note, nothing half-done.
    assert not paths.lock_file.with_name(paths.lock_file.name + ".holder").exists()
    assert first_answer(paths) == WORDS


def test_closing_the_window_on_a_quiet_screen_ends_the_program(tmp_path):
    paths = seeded(tmp_path)
    terminal = Terminal(["--data-dir", str(paths.data_dir)], program_env(tmp_path))
    try:
        terminal.wait_for("Truth realizations")
        time.sleep(0.3)
        terminal.close_window()
        terminal.wait(timeout=GRACE_SECONDS + 5)
    finally:
        terminal.close()
    with WorkbookStore.open(paths):  # not held by a program left behind
        pass
