"""When the data file cannot be opened: a clear screen and a way forward, never a traceback."""

from __future__ import annotations

from workbook.store.backups import list_backups
from workbook.store.database import StoreUnreadableError, WorkbookStore
from workbook.ui.launch import (
    RESTORE,
    RETRY,
    StoreProblemApp,
    locked_problem,
    open_store,
    unreadable_problem,
)
from workbook.ui.screens.store_problem_screen import StoreProblem


def make_unreadable_with_backup(paths, clock) -> bytes:
    with WorkbookStore.open(paths, clock) as store:
        store.save_answer("mini", "name", "Robin")
    clock.advance(days=1)
    with WorkbookStore.open(paths, clock):
        pass  # opening makes a backup of the good file
    garbage = b'{"answers": {"1": {"exercise": "mi'  # cut off half-way
    paths.data_file.write_bytes(garbage)
    return garbage


def test_an_unreadable_file_can_be_replaced_by_the_newest_backup(paths, clock):
    garbage = make_unreadable_with_backup(paths, clock)
    asked: list[StoreProblem] = []

    def choose_restore(problem: StoreProblem) -> str:
        asked.append(problem)
        return RESTORE

    store = open_store(paths, clock, choose_restore)
    assert store is not None
    with store:
        assert store.answer("mini", "name") == "Robin"
    assert "could not be read" in asked[0].explanation
    assert ("restore", "Bring back the backup") in asked[0].actions
    kept = list(paths.data_dir.glob("workbook.json.unreadable-*"))
    assert [p.read_bytes() for p in kept] == [garbage]  # nothing the user had is lost


def test_quitting_from_the_problem_changes_nothing(paths, clock):
    garbage = make_unreadable_with_backup(paths, clock)
    backups_before = list_backups(paths)
    assert open_store(paths, clock, lambda problem: None) is None
    assert paths.data_file.read_bytes() == garbage
    assert list_backups(paths) == backups_before


def test_a_second_window_is_told_and_can_try_again(paths, clock):
    first = WorkbookStore.open(paths, clock)
    answers = iter([RETRY, None])
    asked: list[StoreProblem] = []

    def retry_then_quit(problem: StoreProblem) -> str | None:
        asked.append(problem)
        return next(answers)

    assert open_store(paths, clock, retry_then_quit) is None
    assert [p.title for p in asked] == ["The workbook is already open"] * 2

    def close_first_then_retry(problem: StoreProblem) -> str:
        first.close()  # the user closes the other window
        return RETRY

    store = open_store(paths, clock, close_first_then_retry)
    assert store is not None
    store.close()


async def test_the_problem_screen_says_what_happened_and_offers_the_backup(paths, clock):
    make_unreadable_with_backup(paths, clock)
    try:
        WorkbookStore.open(paths, clock)
    except StoreUnreadableError as error:
        problem = unreadable_problem(error)
    app = StoreProblemApp(problem)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        words = "\n".join(str(s.render()) for s in app.screen.query("Static"))
        assert "could not be read" in words
        assert "Nothing was overwritten" in words
        assert str(paths.data_file) in words
        await pilot.click("#action-restore")
        await pilot.pause()
    assert app.return_value == RESTORE


async def test_the_locked_screen_quits_with_ctrl_q(paths):
    app = StoreProblemApp(locked_problem(paths))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "already open" in str(app.screen.query_one("#store-problem-title").render())
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_value is None
