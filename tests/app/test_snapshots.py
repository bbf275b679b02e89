"""How the main screens look at 80x24. Regenerate with `pytest tests/app --snapshot-update`,
then look at every changed picture in tests/app/__snapshots__/ before committing.

The theme is pinned, the clock is fixed, time is UTC, cursors do not blink, and the data
folder is a relative path so the screens that name it read the same on every machine.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import mini_only
from textual.widgets import Input, TextArea

from workbook.content.loading import load_content
from workbook.paths import Paths
from workbook.store.database import WorkbookStore
from workbook.ui.app import WorkbookApp
from workbook.ui.widgets.themes import DEFAULT_THEME, HIGH_CONTRAST

SIZE = (80, 24)
MINI = Path(__file__).parent.parent / "data" / "exercises" / "mini.json"


@pytest.fixture
def snapshot_store(tmp_path, monkeypatch, clock) -> Iterator[WorkbookStore]:
    monkeypatch.chdir(tmp_path)
    paths = Paths(Path("data"))
    paths.user_exercises_dir.mkdir(parents=True)
    (paths.user_exercises_dir / "mini.json").write_bytes(MINI.read_bytes())
    with WorkbookStore.open(paths, clock) as store:
        store.set_setting("theme", DEFAULT_THEME)
        store.set_setting("welcome_seen", True)
        yield store


@pytest.fixture
def snapshot_app(snapshot_store, clock):
    def make() -> WorkbookApp:
        content = mini_only(load_content(snapshot_store.paths))
        return WorkbookApp(content=content, store=snapshot_store, clock=clock)

    return make


def still_cursor(app: WorkbookApp) -> None:
    for widget in app.screen.query("Input, TextArea"):
        assert isinstance(widget, (Input, TextArea))
        widget.cursor_blink = False


def opening(*actions: str, keys: tuple[str, ...] = ()):
    async def run_before(pilot) -> None:
        for action in actions:
            await pilot.app.run_action(action)
            await pilot.pause()
        if keys:
            await pilot.press(*keys)
            await pilot.pause()
        still_cursor(pilot.app)
        await pilot.pause()

    return run_before


def some_answers(store: WorkbookStore, clock) -> None:
    store.save_answer("mini", "name", "Robin")
    store.save_answer("mini", "reasons", ["I want my sleep back", "My friends miss me"])
    clock.advance(days=2)
    store.save_answer("mini", "story", "We met at work. It was fast and bright, then it was not.")
    store.set_setting("resume", {"exercise": "mini", "prompts": {"mini": "story"}})
    clock.advance(hours=3)


def test_home(snap_compare, snapshot_app, snapshot_store, clock):
    some_answers(snapshot_store, clock)
    assert snap_compare(snapshot_app(), terminal_size=SIZE, run_before=opening())


def test_home_high_contrast(snap_compare, snapshot_app, snapshot_store, clock):
    some_answers(snapshot_store, clock)
    snapshot_store.set_setting("theme", HIGH_CONTRAST.name)
    assert snap_compare(snapshot_app(), terminal_size=SIZE, run_before=opening())


def test_welcome(snap_compare, snapshot_app, snapshot_store):
    snapshot_store.set_setting("welcome_seen", False)
    assert snap_compare(snapshot_app(), terminal_size=SIZE, run_before=opening())


def test_exercise_intro(snap_compare, snapshot_app, snapshot_store, clock):
    some_answers(snapshot_store, clock)
    run_before = opening("open_exercise('mini')")
    assert snap_compare(snapshot_app(), terminal_size=SIZE, run_before=run_before)


PROMPTS = {
    "text": ("name", ()),
    "longtext": ("story", ("ctrl+t",)),  # with its help shown
    "list": ("reasons", ()),
    "scale": ("pull", ()),
    "choice": ("contact", ("down", "down", "down", "enter", *"emails")),
    "checklist": ("blocked", ("space", "down", "down", "space")),
    "date": ("start", tuple("2026-02-30")),  # not a date: the message shows
    "yesno": ("safe", ("enter",)),
    # One pair added, the next one half typed.
    "pairs": ("triggers", (*"Sunday evenings", "enter", *"call my sister", "enter", *"Payday")),
}


@pytest.mark.parametrize("kind", list(PROMPTS))
def test_prompt(snap_compare, snapshot_app, snapshot_store, clock, kind):
    some_answers(snapshot_store, clock)
    snapshot_store.save_answer("mini", "pull", 7)
    prompt_id, keys = PROMPTS[kind]
    run_before = opening(f"open_exercise('mini', {prompt_id!r})", keys=keys)
    assert snap_compare(snapshot_app(), terminal_size=SIZE, run_before=run_before)


def test_outline(snap_compare, snapshot_app, snapshot_store, clock):
    some_answers(snapshot_store, clock)
    run_before = opening("open_exercise('mini', 'story')", keys=("ctrl+o",))
    assert snap_compare(snapshot_app(), terminal_size=SIZE, run_before=run_before)


def test_history(snap_compare, snapshot_app, snapshot_store, clock):
    snapshot_store.save_answer("mini", "story", "We met at work.")
    clock.advance(days=6, hours=2)
    snapshot_store.save_answer("mini", "story", "We met at work. It was fast, and then it was not.")
    clock.advance(days=1)
    snapshot_store.save_answer("mini", "story", "We met at work. I know now what it cost me.")
    clock.advance(hours=5)
    run_before = opening("open_exercise('mini', 'story')", keys=("ctrl+l",))
    assert snap_compare(snapshot_app(), terminal_size=SIZE, run_before=run_before)


def test_all_answers(snap_compare, snapshot_app, snapshot_store, clock):
    some_answers(snapshot_store, clock)
    snapshot_store.save_answer("mini", "safe", True)
    run_before = opening("open_answers('mini')")
    assert snap_compare(snapshot_app(), terminal_size=SIZE, run_before=run_before)


def test_crisis_lines(snap_compare, snapshot_app):
    assert snap_compare(snapshot_app(), terminal_size=SIZE, press=["f2"])


def test_help(snap_compare, snapshot_app):
    assert snap_compare(snapshot_app(), terminal_size=SIZE, press=["f1"])
