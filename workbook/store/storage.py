"""A TinyDB storage that never leaves a half-written file.

It reads the file once and serves every read from memory. Each write serializes the
whole database with msgspec to a temporary file in the same folder, flushes and fsyncs
it, renames it over the old file, and fsyncs the folder: after a crash or a full disk
the file on disk is the old one or the new one, never a mix of both.

A protected workbook's storage has its `key`: each write is encrypted to it before the
atomic write, and the read at open decrypts (encryption.py).

Usable anywhere TinyDB takes a storage: `TinyDB(path, storage=DurableStorage)`.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
from tinydb.storages import Storage

from workbook.paths import ensure_private_dir
from workbook.store.encryption import Key, decrypt_file_payload
from workbook.store.reading import MAX_DATA_BYTES, decode_tables, gc_paused
from workbook.store.reading import UnreadableDataError as UnreadableDataError
from workbook.store.regular_files import read_regular_file
from workbook.store.reserve import is_disk_full, release_reserve

TEMP_SUFFIX = ".tmp"

_encoder = msgspec.json.Encoder()


def temp_prefix(path: Path) -> str:
    return f".{path.name}."


def remove_leftover_temp_files(path: Path) -> list[Path]:
    """Temp files are only ever whole-or-abandoned copies; the real file is intact."""
    removed = []
    if path.parent.is_dir():
        for leftover in path.parent.glob(f"{temp_prefix(path)}*{TEMP_SUFFIX}"):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
                removed.append(leftover)
    return removed


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _mode_to_keep(path: Path) -> int | None:
    """The permissions of the file being replaced: the user may have chosen them (0644 to
    share a plan), and a save must not change them behind their back."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        return None


def atomic_write(path: Path, payload: bytes, keep_mode: bool = False) -> None:
    """Replace `path` with `payload` so that readers see the old bytes or the new, nothing else.

    The new file is 0600, or with `keep_mode` has the permissions of the file it replaces.
    An OSError names `path` (a full disk is met writing the temp file, which has no name the
    user knows)."""
    try:
        _replace_whole(path, payload, keep_mode)
    except OSError as error:
        if error.filename is None or str(error.filename).endswith(TEMP_SUFFIX):
            raise OSError(error.errno, error.strerror, str(path)) from None
        raise


def _replace_whole(path: Path, payload: bytes, keep_mode: bool) -> None:
    # mkstemp creates the file 0600, so the words are private from the first byte.
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=temp_prefix(path), suffix=TEMP_SUFFIX)
    try:
        kept_mode = _mode_to_keep(path) if keep_mode else None
        if kept_mode is not None:
            os.fchmod(fd, kept_mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    fsync_dir(path.parent)


def encode_database(data: dict[str, Any]) -> bytes:
    return _encoder.encode(data)


Check = Callable[[dict[str, Any], Path], None]


def read_database_file(
    path: Path, key: Key | None = None, *, check: Check | None = None
) -> dict[str, Any]:
    """The tables of a TinyDB file (decrypted with `key` when the workbook is protected),
    checked by `check` too when given; UnreadableDataError."""
    payload = open_payload(read_regular_file(path, MAX_DATA_BYTES), key, path)
    with gc_paused():
        data = decode_tables(payload, path)
        del payload  # a few MiB less at the peak of every start, while the check runs
        if check is not None:
            check(data, path)
    return data


def open_payload(payload: bytes, key: Key | None, path: Path) -> bytes:
    """The file's plaintext: a protected (age) file is decrypted with `key`."""
    try:
        return decrypt_file_payload(payload, key, path)
    except ValueError as error:
        raise UnreadableDataError(path, f"the file is damaged ({error})") from None


def file_payload(data: dict[str, Any], key: Key | None) -> bytes:
    """The bytes of the data file: encrypted to the workbook's key when it is protected."""
    payload = encode_database(data)
    return payload if key is None else key.encrypt(payload)


class DurableStorage(Storage):
    """TinyDB storage: one read at open, atomic durable writes, memory kept in step with disk."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        create_dirs: bool = False,
        encoding: str | None = None,
        access_mode: str = "r+",
        check: Check | None = None,
        key: Key | None = None,
        **_json_options: Any,
    ) -> None:
        super().__init__()
        if access_mode not in ("r", "rb", "r+", "rb+"):
            warnings.warn(
                "Using an `access_mode` other than 'r', 'rb', 'r+' or 'rb+' can cause data loss",
                UserWarning,
                stacklevel=2,
            )
        self.path = Path(path)
        self._check = check
        # The key of a protected workbook: every save is encrypted to it (see encryption.py).
        self.key = key
        self.read_only = access_mode in ("r", "rb")
        # Called (from the saving thread) when a save needed the full-disk reserve.
        self.on_reserve_used: Callable[[], None] | None = None
        if create_dirs and not self.read_only:
            ensure_private_dir(self.path.parent)
        if not self.read_only:
            remove_leftover_temp_files(self.path)
        if self.path.exists():
            self._data = read_database_file(self.path, self.key, check=self._check)
        elif self.read_only:
            raise FileNotFoundError(f"{self.path}: no such file")
        else:
            self._data = {}
            self._write_file(self._data)

    def replace_in_memory(self, data: dict[str, Any]) -> None:
        """What reads return from now on, written nowhere (a read-only file, migrated)."""
        self._data = data

    def read(self) -> dict[str, Any]:
        # A fresh top-level dict, so TinyDB's edits reach memory only through write().
        return dict(self._data)

    def write(self, data: dict[str, Any]) -> None:
        if self.read_only:
            raise OSError(f"{self.path} is open read-only; nothing was written")
        try:
            self._write_file(data)
        except BaseException:
            # TinyDB may have edited documents in place before the failed write;
            # go back to exactly what is on disk.
            self._data = read_database_file(self.path, self.key, check=self._check)
            raise
        self._data = data

    def _write_file(self, data: dict[str, Any]) -> None:
        payload = file_payload(data, self.key)
        # The data file keeps the permissions the user gave it; exports are private (0600).
        try:
            atomic_write(self.path, payload, keep_mode=True)
        except OSError as error:
            if not is_disk_full(error) or not release_reserve(self.path):
                raise
            atomic_write(self.path, payload, keep_mode=True)  # in the room the reserve kept
            if self.on_reserve_used is not None:
                self.on_reserve_used()

    def close(self) -> None:
        pass
