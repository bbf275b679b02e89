"""Protection with a passphrase, in the open age format (through pyrage).

A protected workbook has an X25519 identity. The data file and every backup are encrypted to
its recipient on each save (one X25519 encryption, a few milliseconds); the identity itself is
kept in the data folder (`identity.age`) encrypted with the passphrase (age's scrypt), so
unlocking costs one scrypt. The standard `age` command reads every file:
`age -d -i identity.age workbook.json` asks for the passphrase and prints the workbook.

May touch: the identity file. pyrage is imported only when a protected workbook is used, so
the start-up of an unprotected workbook does not pay for it.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.errors import UserError
from workbook.paths import Paths
from workbook.store.regular_files import read_regular_file

if TYPE_CHECKING:
    from pyrage import x25519

AGE_MAGIC = b"age-encryption.org/v1\n"
AGE_ARMOR = b"-----BEGIN AGE ENCRYPTED FILE-----"
RECOVERY_KEY_PREFIX = "AGE-SECRET-KEY-1"

WRONG_PASSPHRASE = "That passphrase does not open this workbook. Nothing was changed."


class UnlockError(UserError):
    """A passphrase or recovery key that does not open the workbook; nothing was changed."""


class LockedError(UserError):
    """A protected file was met without the key to open it."""


# An identity file is a few hundred bytes; anything far larger is not one.
IDENTITY_FILE_LIMIT = 64 * 1024


def is_encrypted(payload: bytes) -> bool:
    return payload.startswith(AGE_MAGIC) or payload.lstrip().startswith(AGE_ARMOR)


def is_protected(paths: Paths) -> bool:
    """A workbook is protected while its identity file exists."""
    return paths.identity_file.exists()


def file_is_encrypted(path: Path) -> bool:
    """Whether a regular file starts as an age file. A FIFO or device is never opened for
    reading (it could block forever): it is simply not an encrypted workbook."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return False
        return is_encrypted(os.read(descriptor, len(AGE_MAGIC)))
    except OSError:
        return False
    finally:
        os.close(descriptor)


class Key:
    """An unlocked workbook: the identity that reads its files and the recipient they are
    written to. `forget()` drops the identity when the workbook is locked again."""

    def __init__(self, identity: x25519.Identity, from_recovery_key: bool = False) -> None:
        self._identity: x25519.Identity | None = identity
        self.recipient = identity.to_public()
        # Opened with the recovery key: the passphrase may be forgotten, so offer a new one.
        self.from_recovery_key = from_recovery_key

    def _identity_or_fail(self) -> x25519.Identity:
        if self._identity is None:
            raise LockedError("the workbook is locked; unlock it first")
        return self._identity

    def encrypt(self, payload: bytes) -> bytes:
        """One X25519 encryption of the whole payload. Through encrypt_io into memory: about
        twice as quick as pyrage.encrypt for a 4 MB file, and a full disk is then met by the
        atomic write itself, as for a plain file. Never encrypt straight into the file: pyrage
        1.4 swallows a write's OSError (on a full disk it returned with 0 bytes written)."""
        import io

        import pyrage

        out = io.BytesIO()
        pyrage.encrypt_io(io.BytesIO(payload), out, [self.recipient])
        return out.getvalue()

    def decrypt(self, payload: bytes) -> bytes:
        """The plaintext of an age file; raises pyrage.DecryptError when it cannot be opened."""
        import pyrage

        return pyrage.decrypt(payload, [self._identity_or_fail()])

    def opens(self, payload: bytes) -> bool:
        import pyrage

        try:
            self.decrypt(payload)
        except pyrage.DecryptError:
            return False
        return True

    def recovery_key(self) -> str:
        return str(self._identity_or_fail())

    def identity_text(self, now: dt.datetime) -> str:
        """The identity as `age-keygen` writes it, so that `age -d -i` takes it as it is."""
        return (
            f"# created: {now.astimezone(dt.timezone.utc).isoformat(timespec='seconds')}\n"
            f"# public key: {self.recipient}\n"
            f"{self.recovery_key()}\n"
        )

    def forget(self) -> None:
        self._identity = None


def new_key() -> Key:
    from pyrage import x25519

    return Key(x25519.Identity.generate())


def key_from_recovery_key(text: str) -> Key:
    """The identity written down at set-up; spaces and line breaks in it do not matter."""
    from pyrage import IdentityError, x25519

    cleaned = "".join(text.split()).upper()
    if not cleaned.startswith(RECOVERY_KEY_PREFIX):
        raise UnlockError(
            f"That is not a recovery key: it starts with {RECOVERY_KEY_PREFIX}. "
            "Nothing was changed."
        )
    try:
        return Key(x25519.Identity.from_str(cleaned), from_recovery_key=True)
    except IdentityError:
        raise UnlockError(
            "That recovery key has a mistake in it; check each letter. Nothing was changed."
        ) from None


def looks_like_recovery_key(secret: str) -> bool:
    return "".join(secret.split()).upper().startswith(RECOVERY_KEY_PREFIX)


def sealed_identity(key: Key, passphrase: str, now: dt.datetime) -> bytes:
    """The identity file's bytes: the identity encrypted with the passphrase (one scrypt)."""
    import pyrage

    return pyrage.passphrase.encrypt(key.identity_text(now).encode("ascii"), passphrase)


def write_identity(paths: Paths, key: Key, passphrase: str, now: dt.datetime) -> None:
    """Keep the identity in the data folder, sealed with the passphrase (atomic, 0600)."""
    from workbook.store.storage import atomic_write  # storage imports this module

    atomic_write(paths.identity_file, sealed_identity(key, passphrase, now))


def remove_identity(paths: Paths) -> None:
    from workbook.store.storage import fsync_dir

    paths.identity_file.unlink(missing_ok=True)
    fsync_dir(paths.data_dir)


def unlock_with_passphrase(paths: Paths, passphrase: str) -> Key:
    """One scrypt: open the identity file with the passphrase. A wrong one changes nothing."""
    import pyrage
    from pyrage import x25519

    try:
        sealed = read_regular_file(paths.identity_file, IDENTITY_FILE_LIMIT)
    except FileNotFoundError:
        raise LockedError(
            f"{paths.identity_file}: the key file of this protected workbook is missing; "
            "`workbook unprotect --recovery-key` opens it with your recovery key"
        ) from None
    try:
        text = pyrage.passphrase.decrypt(sealed, passphrase).decode("ascii")
    except (pyrage.DecryptError, UnicodeDecodeError):
        raise UnlockError(WRONG_PASSPHRASE) from None
    lines = [line for line in text.splitlines() if line.startswith(RECOVERY_KEY_PREFIX)]
    if not lines:
        raise UnlockError(f"{paths.identity_file}: this key file is damaged")
    return Key(x25519.Identity.from_str(lines[0]))


def unlock_with_recovery_key(paths: Paths, text: str) -> Key:
    """The recovery key, checked against the data file so a wrong key is refused at once."""
    key = key_from_recovery_key(text)
    if file_is_encrypted(paths.data_file) and not key.opens(paths.data_file.read_bytes()):
        raise UnlockError(
            "That recovery key is not the one for this workbook. Nothing was changed."
        )
    return key


def unlock(paths: Paths, secret: str) -> Key:
    """The passphrase, or the recovery key (told apart by how the key begins)."""
    if looks_like_recovery_key(secret):
        return unlock_with_recovery_key(paths, secret)
    return unlock_with_passphrase(paths, secret)


def decrypt_file_payload(payload: bytes, key: Key | None, path: Path) -> bytes:
    """The plaintext of a file read from disk: decrypted when it is an age file, else as is.

    Raises LockedError for an encrypted file without a key, and ValueError for one the key
    cannot open (a damaged file, or another workbook's)."""
    if not is_encrypted(payload):
        return payload
    if key is None:
        raise LockedError(
            f"{path}: this file is protected with a passphrase; unlock the workbook to read it"
        )
    import pyrage

    try:
        return key.decrypt(payload)
    except pyrage.DecryptError as error:
        raise ValueError(f"it cannot be decrypted ({error})") from None
