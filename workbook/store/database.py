"""The user's workbook on disk: answers with every revision, tracker records, settings.

`WorkbookStore.open(paths)` takes the one-process lock, reads the TinyDB file once through
`DurableStorage`, migrates an older file (after a backup) and opens a newer one read-only.
An unreadable file is set aside and reported; it is never treated as empty.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import stat
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import msgspec
from filelock import FileLock, Timeout
from tinydb import Query, TinyDB

from workbook.paths import FILE_MODE, Paths, ensure_private_dir
from workbook.store import backups, encryption
from workbook.store.encryption import Key
from workbook.store.migrations import MIGRATIONS
from workbook.store.reading import check_workbook
from workbook.store.regular_files import FileTooLargeError
from workbook.store.reserve import ensure_reserve
from workbook.store.schema import Stamp, storable_problem
from workbook.store.storage import DurableStorage, UnreadableDataError

# The current schema: 1 + the number of migration steps (see migrations.py).
SCHEMA_VERSION = 1 + len(MIGRATIONS)

META_TABLE = "_meta"
ANSWERS_TABLE = "answers"
SETTINGS_TABLE = "settings"

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def to_stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="microseconds")


def from_stamp(stamp: str) -> dt.datetime:
    """A saved time (RFC 3339 with a zone, as the reader checked it); ValueError otherwise."""
    return msgspec.convert(stamp, Stamp)


T = TypeVar("T")

# Who holds the lock: the app's window (for as long as it is open) or a command (a moment).
WINDOW, COMMAND = "window", "command"
# A command waits this long for another command to finish; nobody waits for a window.
COMMAND_WAIT_SECONDS = 5.0
LOCK_POLL_SECONDS = 0.02


class StoreError(Exception):
    """Something about the data file that the user needs to hear about, in plain words."""


class StoreLockedError(StoreError):
    def __init__(self, paths: Paths, holder: str = WINDOW) -> None:
        if holder == COMMAND:
            words = (
                "another workbook command is still using the workbook after "
                f"{COMMAND_WAIT_SECONDS:g} seconds. Try again in a moment; nothing was changed."
            )
        else:
            words = (
                "the workbook is already open in another window. Close it there first; "
                "nothing was changed."
            )
        super().__init__(f"{paths.data_file}: {words}")
        self.holder = holder


class StoreUnreadableError(StoreError):
    def __init__(self, problem: UnreadableDataError, set_aside: Path, backup: Path | None):
        advice = (
            f"the newest good backup is {backup}; run `workbook restore` to bring it back"
            if backup
            else "no backup was found"
        )
        kept = (
            "it was left as it is (too large to copy)"
            if set_aside == problem.path  # see left_in_place
            else f"a copy was kept at {set_aside}"
        )
        super().__init__(
            f"{problem.path}: {problem.problem}. Nothing was overwritten; {kept}, and {advice}."
        )
        self.path = problem.path
        self.set_aside = set_aside
        self.backup = backup

    @property
    def left_in_place(self) -> bool:
        """A file too large to copy is "set aside" where it is; `restore` moves it aside."""
        return self.set_aside == self.path


class StoreReadOnlyError(StoreError):
    pass


class NotStorableError(StoreError):
    """A value too long (or of a kind) the data file cannot keep; nothing was written."""


def read_only_choice(paths: Paths) -> str | None:
    """Why the workbook must open read-only because the user made it so, or None.

    Mode bits, not access(): they say what the user chose, even to root, who may write anyway.
    """
    for path, what in ((paths.data_file, "file"), (paths.data_dir, "folder")):
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            continue
        if not mode & stat.S_IWUSR:
            return (
                f"The {what} {path} is read-only, so the workbook is open read-only and nothing "
                f"will be changed. To write again, make it writable (chmod u+w {path})."
            )
    return None


class StoreProtectedError(StoreError):
    """The workbook is protected with a passphrase and was opened without its key."""

    def __init__(self, paths: Paths) -> None:
        super().__init__(
            f"{paths.data_dir}: this workbook is protected with a passphrase; "
            "unlock it first. Nothing was changed."
        )


def check_key(paths: Paths, key: Key | None) -> None:
    if key is None and encryption.is_protected(paths):
        raise StoreProtectedError(paths)


def _holder_file(paths: Paths) -> Path:
    return paths.lock_file.with_name(paths.lock_file.name + ".holder")


def _holder(paths: Paths) -> str | None:
    """Who holds the lock; None when not known yet (it is being taken or given back)."""
    try:
        return _holder_file(paths).read_text(encoding="ascii").strip() or None
    except (OSError, UnicodeDecodeError):
        return None


def acquire_lock(paths: Paths, holder: str = WINDOW) -> FileLock:
    """Take the one-process lock on the workbook. While another command holds it, wait up to
    a few seconds (commands hold it for a moment); when a window holds it, say so at once."""
    ensure_private_dir(paths.data_dir)
    lock = FileLock(str(paths.lock_file), timeout=0, mode=FILE_MODE)
    deadline = time.monotonic() + COMMAND_WAIT_SECONDS
    while True:
        try:
            lock.acquire(timeout=0)
            break
        except Timeout:
            current = _holder(paths)
            if current == WINDOW or time.monotonic() >= deadline:
                raise StoreLockedError(paths, current or WINDOW) from None
            time.sleep(LOCK_POLL_SECONDS)
    try:
        fd = os.open(_holder_file(paths), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(holder)
    except OSError:
        pass  # only a courtesy for the next one's message; a full disk must not stop a save
    return lock


def release_lock(paths: Paths, lock: FileLock) -> None:
    """Forget who held it, then let it go: the next holder writes its own name after."""
    with contextlib.suppress(OSError):
        _holder_file(paths).unlink()
    lock.release()


def restore_backup_locked(
    paths: Paths,
    backup: Path,
    clock: Clock = utc_now,
    holder: str = WINDOW,
    key: Key | None = None,
) -> Path | None:
    """Put `backup` in place of the data file while holding the lock, so no window can open
    the workbook half-way; returns where an unreadable data file was set aside, if one was."""
    check_key(paths, key)
    lock = acquire_lock(paths, holder)
    try:
        return backups.restore_backup(paths, backup, clock(), key)
    finally:
        release_lock(paths, lock)


class Revision(msgspec.Struct, frozen=True):
    value: Any
    saved_at: dt.datetime
    # Autosaves during one visit to a prompt replace each other instead of piling up.
    visit: str | None = None


def _revision_doc(value: Any, saved_at: str, visit: str | None) -> dict[str, Any]:
    doc = {"value": value, "saved_at": saved_at}
    if visit is not None:
        doc["visit"] = visit
    return doc


class WorkbookStore:
    """One user's workbook. Safe to call from a worker thread; calls are serialized."""

    def __init__(
        self,
        db: TinyDB,
        paths: Paths,
        clock: Clock,
        lock: FileLock | None,
        read_only_reason: str | None = None,
        backup: bool = True,
    ) -> None:
        self._db = db
        # A backup is made just before the session's first write (the state it found) and at
        # close when anything was written (the state it leaves), never on the way to first paint.
        self._backups_wanted = backup and read_only_reason is None
        self._wrote = False
        self.paths = paths
        self.clock = clock
        self._file_lock = lock
        self.read_only_reason = read_only_reason
        self._mutex = threading.RLock()
        self._answer_ids: dict[tuple[str, str], int] = {}
        self._index_answers()
        # Things that went wrong after the words were safe (a backup, a full disk met with
        # the reserve): said to the user, never a failure. Listeners hear each one as it comes.
        self.warnings: list[str] = []
        self._closed = False
        self._disk_full = False
        self.warning_listeners: list[Callable[[str], None]] = []
        self._watch_storage()

    # --- opening and closing -------------------------------------------------------------

    @classmethod
    def open(
        cls,
        paths: Paths,
        clock: Clock = utc_now,
        *,
        backup: bool = True,
        holder: str = WINDOW,
        key: Key | None = None,
    ) -> WorkbookStore:
        """Open with the lock; `holder` says who is asking: a window, or a short command.
        A protected workbook needs its `key` (see encryption.unlock). A file or folder the user
        made read-only opens read-only, without the lock."""
        check_key(paths, key)
        reason = read_only_choice(paths)
        if reason is not None:
            return cls._open_read_only(paths, clock, reason, key)
        lock = acquire_lock(paths, holder)
        try:
            store = cls._open_locked(paths, clock, lock, backup, key)
        except BaseException:
            release_lock(paths, lock)
            raise
        if not store.read_only:
            ensure_reserve(paths.data_file)
        return store

    @classmethod
    def _open_locked(
        cls, paths: Paths, clock: Clock, lock: FileLock, backup: bool, key: Key | None
    ) -> WorkbookStore:
        backups.remove_leftover_temp_files(paths)
        try:
            db = TinyDB(paths.data_file, storage=DurableStorage, check=check_workbook, key=key)
        except UnreadableDataError as problem:
            set_aside = backups.set_aside_unreadable(paths, clock())
            raise StoreUnreadableError(
                problem, set_aside, backups.newest_good_backup(paths, key)
            ) from None
        except FileTooLargeError as too_large:
            # Too large to copy: left where it is, whole; bringing back a backup moves it aside.
            problem = UnreadableDataError(paths.data_file, too_large.strerror)
            raise StoreUnreadableError(
                problem, paths.data_file, backups.newest_good_backup(paths, key)
            ) from None

        version = cls._schema_version(db)
        if version > SCHEMA_VERSION:
            db.close()
            db = TinyDB(
                paths.data_file,
                storage=DurableStorage,
                access_mode="r",
                check=check_workbook,
                key=key,
            )
            reason = (
                f"{paths.data_file} was saved by a newer version of workbook; it is open "
                "read-only so nothing in it is lost. Update workbook to make changes."
            )
            return cls(db, paths, clock, lock, read_only_reason=reason, backup=False)

        if version < SCHEMA_VERSION:
            backups.make_backup(paths, clock())
            cls._migrate(db, version)
        elif db.table(META_TABLE).get(doc_id=1) is None:
            db.table(META_TABLE).insert({"schema_version": SCHEMA_VERSION})
        return cls(db, paths, clock, lock, backup=backup)

    @classmethod
    def _open_read_only(
        cls, paths: Paths, clock: Clock, reason: str, key: Key | None = None
    ) -> WorkbookStore:
        """The user made the file or its folder read-only: read it, change nothing, no lock
        (it cannot be made there), no backups, no migration written (done in memory)."""
        try:
            db = TinyDB(
                paths.data_file,
                storage=DurableStorage,
                access_mode="r",
                check=check_workbook,
                key=key,
            )
        except FileNotFoundError:
            raise StoreReadOnlyError(
                f"{paths.data_dir} is read-only and holds no workbook yet; make it writable "
                "(chmod u+w) or choose another folder with --data-dir"
            ) from None
        except UnreadableDataError as problem:
            raise StoreError(
                f"{problem.path}: {problem.problem}. It is read-only, so nothing was set aside "
                "or changed; `workbook restore` can bring back a backup once it is writable."
            ) from None
        version = cls._schema_version(db)
        if version < SCHEMA_VERSION:
            db.storage.replace_in_memory(cls._migrated(db.storage.read(), version))
        return cls(db, paths, clock, None, read_only_reason=reason, backup=False)

    @staticmethod
    def _schema_version(db: TinyDB) -> int:
        meta = db.table(META_TABLE).get(doc_id=1)
        if meta is None:
            # A brand-new file is of this version; tables without a stamp are version 1.
            return SCHEMA_VERSION if not db.tables() else 1
        return int(meta.get("schema_version", 1))

    @staticmethod
    def _migrated(tables: dict[str, Any], version: int) -> dict[str, Any]:
        while version < SCHEMA_VERSION:
            tables = MIGRATIONS[version - 1](tables)
            version += 1
        tables[META_TABLE] = {"1": {"schema_version": SCHEMA_VERSION}}
        return tables

    @classmethod
    def _migrate(cls, db: TinyDB, version: int) -> None:
        db.storage.write(cls._migrated(db.storage.read(), version))

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    # --- what went wrong after the words were safe ------------------------------------------

    def _watch_storage(self) -> None:
        storage = self._db.storage
        if isinstance(storage, DurableStorage):
            storage.on_reserve_used = self._reserve_used

    def _reserve_used(self) -> None:
        self._disk_full = True
        self.warn(
            f"{self.paths.data_file}: the disk is full. What you wrote was saved, in the "
            "space the workbook keeps for this; free some space on the disk before you "
            "write more."
        )

    def warn(self, words: str) -> None:
        if words in self.warnings:
            return
        self.warnings.append(words)
        for listener in self.warning_listeners:
            listener(words)

    def _backup(self) -> None:
        """A backup that cannot be made is a warning: the data file itself is still good."""
        if self._disk_full:
            # The room the reserve gave back is for the words still to be typed.
            self.warn(
                f"{self.paths.backups_dir}: no backup was made, because the disk is full; "
                f"your workbook itself is saved in {self.paths.data_file}."
            )
            return
        try:
            backups.make_backup(self.paths, self.clock())
        except OSError as error:
            reason = error.strerror or str(error)
            self.warn(
                f"{self.paths.backups_dir}: a backup could not be made ({reason}); your "
                f"workbook itself is saved in {self.paths.data_file}."
            )

    def close(self) -> None:
        with self._mutex:
            self._closed = True
            self._db.close()
            if self._backups_wanted and self._wrote:
                self._backup()
                self._backups_wanted = False
            if self._file_lock is not None:
                release_lock(self.paths, self._file_lock)
                self._file_lock = None

    def __enter__(self) -> WorkbookStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _before_write(self) -> None:
        """Called before every write: refuses on a read-only store, backs up before the first."""
        if self.read_only_reason:
            raise StoreReadOnlyError(self.read_only_reason)
        if self._closed:
            # Closed on the way out (the window was closed): no write without the lock.
            raise StoreError(
                f"{self.paths.data_file}: the workbook was closed; nothing was written"
            )
        if self._backups_wanted and not self._wrote:
            self._backup()
        self._wrote = True

    def _now(self) -> str:
        return to_stamp(self.clock())

    # --- answers ---------------------------------------------------------------------------

    def _index_answers(self) -> None:
        self._answer_ids = {
            (doc["exercise"], doc["prompt"]): doc.doc_id
            for doc in self._db.table(ANSWERS_TABLE).all()
        }

    def _answer_doc(self, exercise_id: str, prompt_id: str) -> dict[str, Any] | None:
        doc_id = self._answer_ids.get((exercise_id, prompt_id))
        return None if doc_id is None else self._db.table(ANSWERS_TABLE).get(doc_id=doc_id)

    def save_answer(
        self, exercise_id: str, prompt_id: str, value: Any, visit: str | None = None
    ) -> bool:
        """Save `value` as the current answer. Returns False when nothing changed.

        Saves that share a `visit` (one sitting with one prompt) update the revision that
        visit started, so history shows one revision per visit, not one per keystroke.
        """
        problem = storable_problem(value)
        if problem is not None:
            raise NotStorableError(f"This answer was not saved: {problem}.")
        with self._mutex:
            self._before_write()
            table = self._db.table(ANSWERS_TABLE)
            revision = _revision_doc(value, self._now(), visit)
            doc = self._answer_doc(exercise_id, prompt_id)
            if doc is None:
                doc_id = table.insert(
                    {"exercise": exercise_id, "prompt": prompt_id, "revisions": [revision]}
                )
                self._answer_ids[(exercise_id, prompt_id)] = doc_id
                return True
            revisions = doc["revisions"]
            if revisions[-1]["value"] == value:
                return False
            if visit is not None and revisions[-1].get("visit") == visit:
                kept = revisions[:-1]
                if kept and kept[-1]["value"] == value:
                    revisions = kept  # typed back to what it was: no new revision after all
                else:
                    revisions = [*kept, revision]
            else:
                revisions = [*revisions, revision]
            table.update({"revisions": revisions}, doc_ids=[doc.doc_id])
            return True

    def answer(self, exercise_id: str, prompt_id: str) -> Any:
        """The current answer, or None when the prompt was never answered."""
        with self._mutex:
            doc = self._answer_doc(exercise_id, prompt_id)
            return None if doc is None else doc["revisions"][-1]["value"]

    def history(self, exercise_id: str, prompt_id: str) -> list[Revision]:
        """Every revision of one answer, newest first."""
        with self._mutex:
            doc = self._answer_doc(exercise_id, prompt_id)
            if doc is None:
                return []
            return [
                Revision(rev["value"], from_stamp(rev["saved_at"]), rev.get("visit"))
                for rev in reversed(doc["revisions"])
            ]

    def restore_revision(self, exercise_id: str, prompt_id: str, revision: Revision) -> bool:
        """Bring an older revision back; it becomes a new, current revision."""
        return self.save_answer(exercise_id, prompt_id, revision.value)

    def answers_for(self, exercise_id: str) -> dict[str, Any]:
        with self._mutex:
            table = self._db.table(ANSWERS_TABLE)
            return {
                prompt: table.get(doc_id=doc_id)["revisions"][-1]["value"]
                for (exercise, prompt), doc_id in self._answer_ids.items()
                if exercise == exercise_id
            }

    def last_saved(self, exercise_id: str) -> dt.datetime | None:
        with self._mutex:
            table = self._db.table(ANSWERS_TABLE)
            moments = [
                from_stamp(table.get(doc_id=doc_id)["revisions"][-1]["saved_at"])
                for (exercise, _), doc_id in self._answer_ids.items()
                if exercise == exercise_id
            ]
            return max(moments) if moments else None

    def answer_docs(self) -> list[dict[str, Any]]:
        """Raw answer documents (exercise, prompt, revisions), for export and reports."""
        with self._mutex:
            return [dict(doc) for doc in self._db.table(ANSWERS_TABLE).all()]

    def revision_count(self) -> int:
        with self._mutex:
            return sum(len(doc["revisions"]) for doc in self._db.table(ANSWERS_TABLE).all())

    # --- records: settings and tracker entries, each a document with a unique key --------

    def put_record(self, table_name: str, key: str, fields: dict[str, Any]) -> dict[str, Any]:
        problem = storable_problem(fields)
        if problem is not None:
            raise NotStorableError(f"This was not saved: {problem}.")
        with self._mutex:
            self._before_write()
            doc = {**fields, "key": key, "updated_at": self._now()}
            self._db.table(table_name).upsert(doc, Query().key == key)
            return doc

    def record(self, table_name: str, key: str) -> dict[str, Any] | None:
        with self._mutex:
            doc = self._db.table(table_name).get(Query().key == key)
            return None if doc is None else dict(doc)

    def records(self, table_name: str) -> list[dict[str, Any]]:
        """All records of a table, ordered by key."""
        with self._mutex:
            return sorted((dict(d) for d in self._stored(table_name)), key=_by_key)

    def records_as(self, table_name: str, convert: Callable[[dict[str, Any]], T | None]) -> list[T]:
        """`convert` of each record of a table, ordered by key, leaving out None.

        No record is copied (`records` copies each), so `convert` must only read it, never
        change or keep it. For thousands of records (ten years of daily check-ins) the copies
        cost more than the reading, mostly in the garbage collections they bring on.
        """
        with self._mutex:
            found = map(convert, sorted(self._stored(table_name), key=_by_key))
            return [item for item in found if item is not None]

    def _stored(self, table_name: str) -> Iterable[dict[str, Any]]:
        """The stored documents themselves (TinyDB's all() would copy each one)."""
        return self._db.storage.read().get(table_name, {}).values()

    def record_tables(self) -> list[str]:
        with self._mutex:
            return sorted(self._db.tables() - {META_TABLE, ANSWERS_TABLE})

    def setting(self, name: str, default: Any = None) -> Any:
        doc = self.record(SETTINGS_TABLE, name)
        return default if doc is None else doc.get("value", default)

    def set_setting(self, name: str, value: Any) -> None:
        if self.read_only:
            return  # a read-only workbook still opens; preferences just are not remembered
        self.put_record(SETTINGS_TABLE, name, {"value": value})

    # --- whole-database replacement, used by import ---------------------------------------

    def replace_tables(self, answers: Iterable[dict[str, Any]], records: dict[str, list]) -> None:
        """Write a whole new set of answers and records in one atomic save."""
        with self._mutex:
            self._before_write()
            tables: dict[str, dict[str, Any]] = {
                META_TABLE: {"1": {"schema_version": SCHEMA_VERSION}},
                ANSWERS_TABLE: {str(i): doc for i, doc in enumerate(answers, start=1)},
            }
            for name, docs in records.items():
                tables[name] = {str(i): doc for i, doc in enumerate(docs, start=1)}
            self._db.storage.write(tables)
            # TinyDB's tables cache ids and query results: start them afresh.
            self._db.close()
            self._db = TinyDB(
                self.paths.data_file, storage=DurableStorage, check=check_workbook, key=self.key
            )
            self._watch_storage()
            self._index_answers()

    # --- protection with a passphrase (see encryption.py) ---------------------------------

    @property
    def key(self) -> Key | None:
        return self._db.storage.key

    @property
    def protected(self) -> bool:
        return self.key is not None

    def protect(self, passphrase: str) -> Key:
        """Encrypt the workbook from now on; returns the key, whose recovery key is shown once.

        The identity file is written first: a crash after it leaves a protected workbook
        whose plain files are encrypted at the next save, never a key-less encrypted one."""
        with self._mutex:
            if self.read_only_reason:
                raise StoreReadOnlyError(self.read_only_reason)
            if self.protected:
                raise StoreError("this workbook is already protected; nothing was changed")
            key = encryption.new_key()
            encryption.write_identity(self.paths, key, passphrase, self.clock())
            storage = self._db.storage
            storage.key = key
            try:
                storage.write(storage.read())
            except BaseException:
                # Not protected after all (a full disk): the data file is still the plain one,
                # and a key whose recovery key was never shown must not stay behind.
                storage.key = None
                encryption.remove_identity(self.paths)
                raise
            backups.rewrite_copies(
                self.paths, lambda b: b if encryption.is_encrypted(b) else key.encrypt(b)
            )
            return key

    def change_passphrase(self, passphrase: str) -> None:
        """The same key (and recovery key), sealed with a new passphrase."""
        with self._mutex:
            if self.key is None:
                raise StoreError("this workbook has no passphrase yet; nothing was changed")
            encryption.write_identity(self.paths, self.key, passphrase, self.clock())

    def unprotect(self) -> None:
        """Back to plain files: the data, then the backups, and the key file last."""
        with self._mutex:
            key = self.key
            if key is None:
                raise StoreError("this workbook is not protected; nothing was changed")
            storage = self._db.storage
            storage.key = None
            try:
                storage.write(storage.read())
            except BaseException:
                storage.key = key
                raise
            backups.rewrite_copies(
                self.paths, lambda b: key.decrypt(b) if encryption.is_encrypted(b) else b
            )
            encryption.remove_identity(self.paths)


@contextmanager
def read_snapshot(
    paths: Paths, clock: Clock = utc_now, key: Key | None = None
) -> Iterator[WorkbookStore | None]:
    """The workbook as it is on disk, read-only, without the lock; None when nothing was saved.

    Safe while the app has the workbook open: every save replaces the file whole, so a
    reader sees the old file or the new one. An older file is migrated first (with the lock).
    """
    check_key(paths, key)
    try:
        db = TinyDB(
            paths.data_file, storage=DurableStorage, access_mode="r", check=check_workbook, key=key
        )
    except FileNotFoundError:
        yield None
        return
    except UnreadableDataError as problem:
        raise StoreError(
            f"{problem.path}: {problem.problem}. Open the workbook to recover it; "
            "nothing was changed."
        ) from None
    if WorkbookStore._schema_version(db) < SCHEMA_VERSION:
        db.close()
        snapshot = WorkbookStore.open(paths, clock, holder=COMMAND, key=key)
    else:
        snapshot = WorkbookStore(db, paths, clock, None, read_only_reason="a read-only snapshot")
    try:
        yield snapshot
    finally:
        snapshot.close()


def _by_key(doc: dict[str, Any]) -> str:
    return str(doc.get("key", ""))
