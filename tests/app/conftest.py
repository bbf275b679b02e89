"""Fixtures for app tests: a fresh app on a temporary store, with a fixed clock and UTC time."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator

import pytest

from workbook.content.loading import Content, load_content
from workbook.paths import Paths
from workbook.store.database import WorkbookStore
from workbook.ui.app import WorkbookApp
from workbook.ui.widgets.themes import DEFAULT_THEME

MakeApp = Callable[..., WorkbookApp]


@pytest.fixture(autouse=True)
def _utc() -> Iterator[None]:
    """Times on screen are local times: make local time UTC, so screens read the same anywhere."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


@pytest.fixture
def make_app(paths: Paths, clock, mini_content) -> Iterator[MakeApp]:
    """Build an app (not started) on `paths`, as a new session would: a fresh store, fresh
    content. Call it again after the first store is closed to 'restart' the workbook."""
    stores: list[WorkbookStore] = []

    def make(
        *,
        welcome_seen: bool = True,
        theme: str | None = DEFAULT_THEME,
        bundled: bool = False,
        locale_name: str | None = None,
    ) -> WorkbookApp:
        for earlier in stores:
            earlier.close()
        store = WorkbookStore.open(paths, clock)
        stores.append(store)
        if theme is not None:
            store.set_setting("theme", theme)
        if welcome_seen:
            store.set_setting("welcome_seen", True)
        # The small test exercise only, unless a test needs the bundled exercises themselves.
        content = only(load_content(paths), BUNDLED_IDS if bundled else {"mini"})
        return WorkbookApp(content=content, store=store, clock=clock, locale_name=locale_name)

    yield make
    for store in stores:
        store.close()


BUNDLED_IDS = {"truth-realizations", "need-inventory", "abstinence-plan"}


def mini_only(content: Content) -> Content:
    """The real plan outline and crisis lines, but only the small test exercise, so app tests
    and snapshots do not change when the bundled exercises' words do."""
    return only(content, {"mini"})


def only(content: Content, exercise_ids: set[str]) -> Content:
    catalog = content.catalog
    catalog.exercises = [e for e in catalog.exercises if e.id in exercise_ids]
    catalog.sources = {e.id: catalog.sources[e.id] for e in catalog.exercises}
    return content


MINI_PROMPTS = ["name", "story", "reasons", "pull", "contact", "blocked", "start", "safe"]


@pytest.fixture
def store_values() -> Callable[[WorkbookStore], dict]:
    """The current answer to each prompt of the mini exercise that has one."""

    def values(store: WorkbookStore) -> dict:
        answers = {prompt: store.answer("mini", prompt) for prompt in MINI_PROMPTS}
        return {prompt: value for prompt, value in answers.items() if value is not None}

    return values
