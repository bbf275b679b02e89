"""Protection in the app (issue 15): protect from the palette, the recovery key shown once,
lock on F4 and when away, and the unlock screen (Ctrl+Q and F2 work there, a wrong passphrase
says so and changes nothing)."""

from __future__ import annotations

from pathlib import Path

from conftest import only
from protection_data import PASSPHRASE, SECRET_ANSWER, files_containing
from textual.widgets import Input, Static

from workbook.content.loading import load_content
from workbook.store.database import WorkbookStore
from workbook.store.encryption import AGE_MAGIC, unlock_with_recovery_key
from workbook.ui.app import LOCK_AFTER_SETTING, LOCKED, WorkbookApp
from workbook.ui.screens.crisis_screen import CrisisScreen
from workbook.ui.screens.recovery_key_screen import RecoveryKeyScreen
from workbook.ui.screens.unlock_screen import UnlockScreen
from workbook.ui.unlock_app import UnlockApp

TESTS = Path(__file__).parent.parent
TYPED = "he checked my phone every night"


async def test_protect_from_the_palette_shows_the_recovery_key_once(make_app, paths):
    app = make_app()
    app.store.save_answer("mini", "story", SECRET_ANSWER)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"Protect with")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"short", "enter")
        await pilot.press("enter")  # Enter in the second field: Protect
        await pilot.pause()
        assert "at least 8 characters" in str(app.screen.query_one("#protect-status").render())
        first, second = app.screen.query(Input)
        first.value, second.value = PASSPHRASE, PASSPHRASE
        second.focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        assert isinstance(app.screen, RecoveryKeyScreen)
        shown = str(app.screen.query_one("#recovery-key", Static).render())
        assert shown.startswith("AGE-SECRET-KEY-1")
        assert PASSPHRASE not in app.export_screenshot()
        await pilot.press("enter")  # I have written it down
        assert not isinstance(app.screen, RecoveryKeyScreen)
        assert app.store.protected
    assert unlock_with_recovery_key(paths, shown).opens(paths.data_file.read_bytes())
    assert paths.data_file.read_bytes().startswith(AGE_MAGIC)
    assert files_containing(paths.data_dir, SECRET_ANSWER) == []


def protected_app(protected, clock) -> WorkbookApp:
    store = WorkbookStore.open(protected.paths, clock, key=protected.key())
    store.set_setting("welcome_seen", True)
    return WorkbookApp(only(load_content(protected.paths), {"mini"}), store, clock)


async def test_away_for_the_chosen_time_it_saves_and_locks(protected, clock, mini_content):
    mini = protected.paths.user_exercises_dir
    mini.mkdir(parents=True, exist_ok=True)
    (mini / "mini.json").write_bytes((mini_content.catalog.sources["mini"]).read_bytes())
    app = protected_app(protected, clock)
    app.store.set_setting(LOCK_AFTER_SETTING, 1)
    now = [1000.0]
    app.idle_clock = lambda: now[0]
    app.idle_check_seconds = 0.05
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await app.run_action("open_exercise('mini', 'story')")
            await pilot.pause()
            await pilot.press(*TYPED)
            now[0] += 50  # not yet a minute
            await pilot.pause(0.2)
            assert app.is_running
            now[0] += 11
            await pilot.pause(0.3)
        assert app.return_value == LOCKED
    finally:
        app.store.close()
    # Saved before locking, and only as ciphertext.
    with WorkbookStore.open(protected.paths, clock, key=protected.key()) as store:
        assert store.answer("mini", "story") == TYPED
    assert files_containing(protected.paths.data_dir, TYPED) == []


async def test_f4_locks_a_protected_workbook_and_only_says_why_in_a_plain_one(
    protected, clock, make_app
):
    plain = make_app()
    async with plain.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        assert plain.is_running
        assert "needs a passphrase" in str([n.message for n in plain._notifications])
    app = protected_app(protected, clock)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("f4")
            await pilot.pause()
        assert app.return_value == LOCKED
    finally:
        app.store.close()


async def test_the_unlock_screen_shows_no_words_and_keeps_ctrl_q_and_f2(protected, content):
    app = UnlockApp(protected.paths, content)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        assert SECRET_ANSWER not in app.export_screenshot()
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        await pilot.press("ctrl+q")
    assert app.return_value is None


async def test_a_wrong_passphrase_says_so_then_the_right_one_opens(protected, content):
    before = {p: p.read_bytes() for p in protected.paths.data_dir.rglob("*") if p.is_file()}
    app = UnlockApp(protected.paths, content)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"not the passphrase", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.screen.query_one("#unlock-status").render())
        assert "does not open this workbook" in status
        assert "not the passphrase" not in app.export_screenshot()
        after = {p: p.read_bytes() for p in protected.paths.data_dir.rglob("*") if p.is_file()}
        assert after == before
        await pilot.press(*protected.recovery_key, "enter")  # the recovery key opens it too
        await app.workers.wait_for_complete()
        await pilot.pause()
    key = app.return_value
    assert key is not None and key.recovery_key() == protected.recovery_key


async def test_lock_when_away_can_be_turned_off_from_the_palette(protected, clock):
    app = protected_app(protected, clock)
    now = [1000.0]
    app.idle_clock = lambda: now[0]
    app.idle_check_seconds = 0.05
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("ctrl+p")
            await pilot.press(*"Lock when away: never")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert app.store.setting(LOCK_AFTER_SETTING) == 0
            now[0] += 24 * 3600
            await pilot.pause(0.3)
            assert app.is_running  # away all day, and still open: the user chose so
    finally:
        app.store.close()
