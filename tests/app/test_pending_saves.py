"""The queue between typing and the store: newest value wins, failures keep the words."""

from __future__ import annotations

import errno

import pytest

from workbook.store.database import WorkbookStore
from workbook.store.drafts import PendingAnswer, PendingSaves, saved_draft
from workbook.ui.app import WorkbookApp


class FullDiskStore(WorkbookStore):
    """A real store whose disk fills up for the next `failures` answer saves."""

    failures = 0

    def save_answer(self, *args, **kwargs) -> bool:
        if self.failures:
            self.failures -= 1
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().save_answer(*args, **kwargs)


def test_the_newest_value_is_written_once(store):
    pending = PendingSaves(store)
    pending.put("mini", "name", PendingAnswer("Ro", "visit-1"))
    pending.put("mini", "name", PendingAnswer("Robin", "visit-1"))
    assert pending.flush() == 1
    assert not pending
    assert [r.value for r in store.history("mini", "name")] == ["Robin"]
    assert pending.flush() == 0


def test_a_draft_is_kept_apart_and_cleared_by_a_real_answer(store):
    pending = PendingSaves(store)
    pending.put("mini", "start", PendingAnswer(None, "v", draft="2026-02-30"))
    pending.flush()
    assert store.answer("mini", "start") is None
    assert saved_draft(store, "mini", "start") == "2026-02-30"
    pending.put("mini", "start", PendingAnswer("2026-02-28", "v"))
    pending.flush()
    assert store.answer("mini", "start") == "2026-02-28"
    assert saved_draft(store, "mini", "start") is None


def test_a_failed_write_keeps_the_words_for_the_next_try(paths, clock):
    with FullDiskStore.open(paths, clock) as store:
        pending = PendingSaves(store)
        pending.put("mini", "name", PendingAnswer("Robin", "v"))
        store.failures = 1
        with pytest.raises(OSError):
            pending.flush()
        assert pending  # still waiting
        assert pending.flush() == 1
        assert store.answer("mini", "name") == "Robin"


def test_something_newer_typed_meanwhile_wins_over_the_failed_value(paths, clock):
    with FullDiskStore.open(paths, clock) as store:
        pending = PendingSaves(store)
        pending.put("mini", "name", PendingAnswer("Rob", "v"))
        store.failures = 1
        with pytest.raises(OSError):
            pending.flush()
        pending.put("mini", "name", PendingAnswer("Robin", "v"))
        pending.flush()
        assert store.answer("mini", "name") == "Robin"


async def test_a_full_disk_is_said_on_screen_and_the_words_stay(make_app, paths, clock):
    app = make_app()
    app.store.close()
    store = FullDiskStore.open(paths, clock)
    app = WorkbookApp(content=app.content, store=store, clock=clock)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await app.run_action("open_exercise('mini', 'name')")
            await pilot.pause()
            store.failures = 1
            await pilot.press(*"Robin", "ctrl+s")
            await pilot.pause()
            assert any("No space left" in str(n.message) for n in app._notifications)
            assert app.is_running
            assert app.screen.query_one("#page-name Input").value == "Robin"
            assert store.answer("mini", "name") is None
            await pilot.press("ctrl+s")  # the disk has room again
            await pilot.pause()
            assert store.answer("mini", "name") == "Robin"
    finally:
        store.close()
