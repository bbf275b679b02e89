"""The quick exit on a really full disk (a tiny tmpfs), with the real program in a pty.

With the reserve, the words are kept and the user is told the disk is full; without it, the
last line on the terminal says plainly that the last words were not saved and where the last
good copy is.
"""

from __future__ import annotations

import time

from full_disk import fill
from terminal import Terminal, program_env

from workbook.paths import Paths
from workbook.store.database import WorkbookStore
from workbook.store.reserve import reserve_path

WORDS = "the night he left I finally slept"


def open_first_question(tmp_path, paths: Paths) -> Terminal:
    with WorkbookStore.open(paths) as store:
        store.set_setting("welcome_seen", True)
    terminal = Terminal(["--data-dir", str(paths.data_dir)], program_env(tmp_path))
    terminal.wait_for("Truth realizations")
    terminal.press("enter")
    terminal.wait_for("Introduction")
    terminal.press("ctrl+n")
    terminal.wait_for("Question 1 of")
    time.sleep(0.3)
    return terminal


def first_answer(paths: Paths):
    with WorkbookStore.open(paths) as store:
        return next(iter(store.answers_for("truth-realizations").values()), None)


def last_line(text: str) -> str:
    return [line for line in text.replace("\r", "\n").splitlines() if line.strip()][-1]


def test_quick_exit_on_a_full_disk_keeps_the_words(tmp_path, full_disk_dir):
    paths = Paths(full_disk_dir / "data")
    terminal = open_first_question(tmp_path, paths)
    try:
        filler = fill(full_disk_dir)
        terminal.type(WORDS, enter=False)
        time.sleep(0.05)
        terminal.press("ctrl+q")
        status = terminal.wait()
        said = terminal.screen_text()
    finally:
        terminal.close()
    assert status == 0
    assert "the disk is full" in said and "What you wrote was saved" in said
    assert "workbook: workbook" not in said
    filler.unlink()
    assert first_answer(paths) == WORDS


def test_when_even_the_reserve_is_gone_the_last_line_says_what_was_lost(tmp_path, full_disk_dir):
    paths = Paths(full_disk_dir / "data")
    terminal = open_first_question(tmp_path, paths)
    try:
        reserve_path(paths.data_file).unlink()
        filler = fill(full_disk_dir)
        terminal.type(WORDS, enter=False)
        time.sleep(0.05)
        terminal.press("ctrl+q")
        status = terminal.wait()
        said = terminal.screen_text()
    finally:
        terminal.close()
    assert status == 1
    line = last_line(said)
    assert line.startswith(f"workbook: {paths.data_file}: the disk is full")
    assert "the last words you typed could not be saved" in line
    assert line.count("workbook:") == 1
    filler.unlink()
    assert first_answer(paths) is None  # honestly not saved: nothing half-written either
