"""Protection with a passphrase (issue 15): the store's side. Real files, real age encryption."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from protection_data import PASSPHRASE, SECRET_ANSWER, files_containing

from workbook.store import backups, encryption
from workbook.store.database import (
    StoreProtectedError,
    StoreUnreadableError,
    WorkbookStore,
    read_snapshot,
    restore_backup_locked,
)
from workbook.store.encryption import AGE_MAGIC, UnlockError
from workbook.store.storage import read_database_file

ANSWER = SECRET_ANSWER + ", again"


def every_file(folder):
    return [path for path in folder.rglob("*") if path.is_file()]


def test_protecting_leaves_no_words_in_any_file_under_the_data_folder(protected):
    assert protected.paths.identity_file.exists()
    assert files_containing(protected.paths.data_dir, SECRET_ANSWER) == []
    assert protected.paths.data_file.read_bytes().startswith(AGE_MAGIC)
    found = backups.list_backups(protected.paths)
    assert len(found) >= 2  # the plain-era backups were encrypted too
    assert all(b.read_bytes().startswith(AGE_MAGIC) for b in found)
    for path in every_file(protected.paths.data_dir):
        assert path.stat().st_mode & 0o077 == 0, path


def test_a_protected_workbook_does_not_open_without_its_key(protected):
    before = protected.paths.data_file.read_bytes()
    with pytest.raises(StoreProtectedError, match="protected with a passphrase"):
        WorkbookStore.open(protected.paths)
    with pytest.raises(StoreProtectedError), read_snapshot(protected.paths):
        pass
    assert protected.paths.data_file.read_bytes() == before


def test_save_restart_unlock_read(protected, clock):
    with WorkbookStore.open(protected.paths, clock, key=protected.key()) as store:
        assert store.answer("truth-realizations", "first") == ANSWER
        store.save_answer("truth-realizations", "second", "written while protected")
    assert files_containing(protected.paths.data_dir, "written while protected") == []
    key = encryption.unlock(protected.paths, PASSPHRASE)  # one real scrypt
    with WorkbookStore.open(protected.paths, clock, key=key) as store:
        assert store.answer("truth-realizations", "second") == "written while protected"
        assert store.protected


def test_a_wrong_passphrase_says_so_and_changes_nothing(protected):
    before = {
        path: (path.read_bytes(), path.stat().st_mtime_ns)
        for path in every_file(protected.paths.data_dir)
    }
    with pytest.raises(UnlockError, match="does not open this workbook"):
        encryption.unlock(protected.paths, "not the passphrase")
    after = {
        path: (path.read_bytes(), path.stat().st_mtime_ns)
        for path in every_file(protected.paths.data_dir)
    }
    assert after == before


def test_change_passphrase_keeps_the_recovery_key(protected, clock):
    with WorkbookStore.open(protected.paths, clock, key=protected.key()) as store:
        store.change_passphrase("a new passphrase")
    with pytest.raises(UnlockError):
        encryption.unlock(protected.paths, PASSPHRASE)
    key = encryption.unlock(protected.paths, "a new passphrase")
    assert key.recovery_key() == protected.recovery_key
    with WorkbookStore.open(protected.paths, clock, key=key) as store:
        assert store.answer("truth-realizations", "first") == ANSWER


def test_unprotect_turns_every_file_back_to_plain(protected, clock):
    with WorkbookStore.open(protected.paths, clock, key=protected.key()) as store:
        store.unprotect()
    assert not protected.paths.identity_file.exists()
    for path in [protected.paths.data_file, *backups.list_backups(protected.paths)]:
        assert not path.read_bytes().startswith(AGE_MAGIC), path
    assert files_containing(protected.paths.data_dir, ANSWER) != []
    with WorkbookStore.open(protected.paths, clock) as store:
        assert store.answer("truth-realizations", "first") == ANSWER


def test_the_recovery_key_opens_the_workbook_and_a_wrong_one_is_refused(protected):
    spaced = " ".join(protected.recovery_key.lower()[i : i + 8] for i in range(0, 74, 8))
    key = encryption.unlock(protected.paths, spaced)  # written down in pieces, in lower case
    assert read_database_file(protected.paths.data_file, key)
    other = encryption.new_key().recovery_key()
    with pytest.raises(UnlockError, match="not the one for this workbook"):
        encryption.unlock(protected.paths, other)
    with pytest.raises(UnlockError, match="mistake"):
        encryption.unlock(protected.paths, protected.recovery_key[:-3] + "qqq")


def test_backups_made_while_protected_are_encrypted(protected, clock):
    key = protected.key()
    with WorkbookStore.open(protected.paths, clock, key=key) as store:
        clock.advance(minutes=5)
        store.save_answer("truth-realizations", "first", "a backup will hold this")
    newest = backups.list_backups(protected.paths)[0]
    assert newest.read_bytes().startswith(AGE_MAGIC)
    assert read_database_file(newest, key)["answers"]
    assert files_containing(protected.paths.data_dir, "a backup will hold this") == []


def test_a_damaged_ciphertext_is_set_aside_and_the_newest_backup_restored(protected, clock):
    key = protected.key()
    data = protected.paths.data_file
    damaged = bytearray(data.read_bytes())
    damaged[-20] ^= 0xFF
    data.write_bytes(bytes(damaged))
    with pytest.raises(StoreUnreadableError) as raised:
        WorkbookStore.open(protected.paths, clock, key=key)
    problem = raised.value
    assert problem.set_aside.read_bytes() == bytes(damaged)
    assert problem.backup is not None
    restore_backup_locked(protected.paths, problem.backup, clock, key=key)
    with WorkbookStore.open(protected.paths, clock, key=key) as store:
        assert store.answer("truth-realizations", "first") == ANSWER
    assert data.read_bytes().startswith(AGE_MAGIC)
    assert files_containing(protected.paths.data_dir, SECRET_ANSWER) == []


def test_a_plain_backup_brought_back_is_encrypted(protected, clock, tmp_path):
    key = protected.key()
    plain = tmp_path / "plain.json"
    plain.write_bytes(key.decrypt(backups.list_backups(protected.paths)[-1].read_bytes()))
    restore_backup_locked(protected.paths, plain, clock, key=key)
    assert protected.paths.data_file.read_bytes().startswith(AGE_MAGIC)


def test_a_failed_save_leaves_the_last_good_ciphertext(protected, clock, monkeypatch):
    key = protected.key()
    before = protected.paths.data_file.read_bytes()
    with WorkbookStore.open(protected.paths, clock, key=key, backup=False) as store:

        def full_disk(*_args):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "fsync", full_disk)
        with pytest.raises(OSError):
            store.save_answer("truth-realizations", "first", "this does not fit")
        monkeypatch.undo()
        assert store.answer("truth-realizations", "first") == ANSWER
    assert protected.paths.data_file.read_bytes() == before
    assert [p.name for p in protected.paths.data_dir.iterdir() if p.name.endswith(".tmp")] == []


AGE = shutil.which("age")
needs_age = pytest.mark.skipif(
    AGE is None and not os.environ.get("CI"), reason="the age command is not installed"
)


@needs_age
def test_the_standard_age_command_reads_the_data_file(protected, tmp_path):
    # The identity file is age's own passphrase format: pyrage opens it as `age -d` would,
    # then the age command decrypts the data with the identity alone.
    identity = tmp_path / "identity.txt"
    identity.write_bytes(
        __import__("pyrage").passphrase.decrypt(
            protected.paths.identity_file.read_bytes(), PASSPHRASE
        )
    )
    plain = subprocess.run(
        [AGE or "age", "-d", "-i", str(identity), str(protected.paths.data_file)],
        capture_output=True,
        check=True,
    ).stdout
    workbook = __import__("msgspec").json.decode(plain)
    [answer] = workbook["answers"].values()
    assert answer["revisions"][-1]["value"] == ANSWER


@needs_age
def test_age_asks_for_the_passphrase_of_the_identity_file_itself(protected, tmp_path):
    """What the README tells a user: `age -d -i identity.age workbook.json`, passphrase typed
    at age's own prompt (in a pseudo-terminal here, as in a real one)."""
    import pty
    import select
    import time

    out = tmp_path / "workbook-plain.json"
    argv = [
        AGE or "age",
        "-d",
        "-i",
        str(protected.paths.identity_file),
        "-o",
        str(out),
        str(protected.paths.data_file),
    ]
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(argv[0] if os.path.isabs(argv[0]) else shutil.which(argv[0]), argv)
    seen, sent, deadline = b"", False, time.monotonic() + 120
    while time.monotonic() < deadline:
        if select.select([fd], [], [], 0.2)[0]:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if not sent and b"passphrase" in seen.lower():
                os.write(fd, PASSPHRASE.encode() + b"\n")
                sent = True
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, seen
    workbook = __import__("msgspec").json.decode(out.read_bytes())
    [answer] = workbook["answers"].values()
    assert answer["revisions"][-1]["value"] == ANSWER


def test_a_full_disk_while_protecting_leaves_the_workbook_plain_and_unprotected(
    store, paths, monkeypatch
):
    store.save_answer("truth-realizations", "first", SECRET_ANSWER)
    real_fsync = os.fsync
    calls = []

    def full_after_the_key(fd):
        calls.append(fd)
        if len(calls) > 2:  # the key file's fsyncs pass, the data file's does not
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_after_the_key)
    with pytest.raises(OSError):
        store.protect(PASSPHRASE)
    monkeypatch.undo()
    assert not store.protected
    assert not paths.identity_file.exists()
    assert not paths.data_file.read_bytes().startswith(AGE_MAGIC)
    assert store.answer("truth-realizations", "first") == SECRET_ANSWER
