"""Where the workbook keeps things: the user's data folder and the bundled exercises.

Only the command line (`workbook.cli`) decides which folder is used; everything else receives
a `Paths`.
"""

from __future__ import annotations

import os
from pathlib import Path

import msgspec
import platformdirs

APP_NAME = "workbook"
DATA_DIR_ENV = "WORKBOOK_DATA_DIR"

# The data file holds the most private words a person may ever type: nobody else may read it.
DIR_MODE = 0o700
FILE_MODE = 0o600


class Paths(msgspec.Struct, frozen=True):
    """The files of one user's workbook, all inside one private folder."""

    data_dir: Path

    @property
    def data_file(self) -> Path:
        return self.data_dir / "workbook.json"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / "workbook.lock"

    @property
    def identity_file(self) -> Path:
        """The key that opens a protected workbook, itself encrypted with the passphrase."""
        return self.data_dir / "identity.age"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def user_exercises_dir(self) -> Path:
        return self.data_dir / "exercises"

    @property
    def user_resources_file(self) -> Path:
        return self.data_dir / "resources.json"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_paths(data_dir: str | os.PathLike[str] | None, environ: dict[str, str]) -> Paths:
    """`--data-dir` wins, then WORKBOOK_DATA_DIR, then the platform's user data folder."""
    chosen = data_dir or environ.get(DATA_DIR_ENV) or default_data_dir()
    return Paths(Path(chosen).expanduser().absolute())


def bundled_exercises_dir() -> Path:
    """The exercises shipped with the program, in a wheel or in a source checkout."""
    here = Path(__file__).resolve().parent
    in_wheel = here / "_bundled_exercises"
    return in_wheel if in_wheel.is_dir() else here.parent / "exercises"


def documents_dir() -> Path:
    return Path(platformdirs.user_documents_dir())


def ensure_private_dir(path: Path) -> None:
    """Create `path` and any missing parents readable by the owner alone, whatever the umask.

    Folders that already exist are the user's: group and other access is taken away from the
    data folder itself, but nothing is added, so a folder the user made read-only stays so.
    """
    missing = []
    for folder in (path, *path.parents):
        if folder.is_dir():
            break
        missing.append(folder)
    for folder in reversed(missing):  # outermost first; each private from its first moment
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue  # made meanwhile, by another workbook or the user
        os.chmod(folder, DIR_MODE)  # mkdir's mode is reduced by the umask; nothing more is
    mode = path.stat().st_mode & 0o777
    if mode & 0o077:
        os.chmod(path, mode & 0o700)
