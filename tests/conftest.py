"""Shared fixtures. No test may touch the real user data folder: see `_private_home`."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import msgspec
import pytest
from protection_data import PASSPHRASE, SECRET_ANSWER

from workbook.content.loading import Content, load_content
from workbook.paths import Paths
from workbook.store.database import WorkbookStore

TESTS_DIR = Path(__file__).parent
TEST_EXERCISES = TESTS_DIR / "data" / "exercises"


class FixedClock:
    """A clock that stands still until a test moves it."""

    def __init__(self, start: dt.datetime | None = None) -> None:
        self.now = start or dt.datetime(2026, 3, 14, 9, 30, tzinfo=dt.timezone.utc)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> dt.datetime:
        self.now += dt.timedelta(**delta)
        return self.now


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point every per-user folder at a temporary one, so the real data folder is never used."""
    home = tmp_path_factory.mktemp("home")
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.setenv("WORKBOOK_DATA_DIR", str(home / "workbook-data"))
    return home


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return Paths(tmp_path / "data")


@pytest.fixture
def store(paths: Paths, clock: FixedClock):
    with WorkbookStore.open(paths, clock) as opened:
        yield opened


@pytest.fixture
def content(paths: Paths) -> Content:
    """The bundled content (plan outline, crisis lines, exercises)."""
    return load_content(paths)


@pytest.fixture
def mini_content(paths: Paths) -> Content:
    """Bundled plan and crisis lines, plus the small test exercise with every prompt type."""
    paths.user_exercises_dir.mkdir(parents=True, exist_ok=True)
    target = paths.user_exercises_dir / "mini.json"
    target.write_bytes((TEST_EXERCISES / "mini.json").read_bytes())
    return load_content(paths)


# --- protected workbooks (issue 15) ---------------------------------------------------------
# Sealing the key with a passphrase costs one scrypt (a second or more), so the protected
# workbook is made once per run and copied for each test that needs one.


class Protected(msgspec.Struct, frozen=True):
    paths: Paths
    recovery_key: str

    def key(self):
        from workbook.store.encryption import key_from_recovery_key

        return key_from_recovery_key(self.recovery_key)


@pytest.fixture(scope="session")
def _protected_template(tmp_path_factory: pytest.TempPathFactory) -> Protected:
    paths = Paths(tmp_path_factory.mktemp("protected-template") / "data")
    with WorkbookStore.open(paths, FixedClock()) as opened:
        opened.save_answer("truth-realizations", "first", SECRET_ANSWER)
    with WorkbookStore.open(paths, FixedClock()) as opened:
        opened.save_answer("truth-realizations", "first", SECRET_ANSWER + ", again")
        key = opened.protect(PASSPHRASE)
    return Protected(paths, key.recovery_key())


@pytest.fixture
def protected(_protected_template: Protected, tmp_path: Path) -> Protected:
    """A protected workbook (answer SECRET_ANSWER + ', again', with plain-era backups now
    encrypted), copied into this test's folder; its passphrase is PASSPHRASE."""
    target = tmp_path / "protected-data"
    shutil.copytree(_protected_template.paths.data_dir, target)
    return Protected(Paths(target), _protected_template.recovery_key)


@pytest.fixture
def full_disk_dir(tmp_path: Path):
    """A folder on a tiny real filesystem of its own (see full_disk.py)."""
    from full_disk import small_disk

    with small_disk(tmp_path / "small-disk") as disk:
        yield disk
