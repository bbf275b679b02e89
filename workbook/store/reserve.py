"""Space kept aside for a full disk: a reserve file beside the data file.

When a save meets a full disk, the reserve is given back and the save tried again, so the
words typed last still reach the disk; the user is then told that the disk is full. The
reserve is made again the next time the workbook opens with room for it.

It is sized from the data file (a save needs room for the new copy beside the old one), a
few MB at most. Its blocks are really allocated: a sparse file would reserve nothing.
May touch: the reserve file only.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

RESERVE_SUFFIX = ".reserve"
MIN_BYTES = 256 * 1024
MAX_BYTES = 4 * 1024 * 1024
CHUNK = 64 * 1024


def reserve_path(data_file: Path) -> Path:
    return data_file.with_suffix(RESERVE_SUFFIX)


def wanted_size(data_size: int) -> int:
    """Room for one more save of a file this big, and some growth."""
    return max(MIN_BYTES, min(MAX_BYTES, data_size + data_size // 2 + CHUNK))


def is_disk_full(error: BaseException) -> bool:
    return isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT)


def ensure_reserve(data_file: Path) -> bool:
    """Make (or grow) the reserve; False, quietly, when there is no room for it now."""
    path = reserve_path(data_file)
    size = data_file.stat().st_size if data_file.exists() else 0
    wanted = wanted_size(size)
    with contextlib.suppress(FileNotFoundError):
        if path.stat().st_size >= wanted:
            return True
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            _allocate(fd, wanted)
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        with contextlib.suppress(OSError):
            path.unlink()
        return False
    return True


def _allocate(fd: int, size: int) -> None:
    if hasattr(os, "posix_fallocate"):
        try:
            os.posix_fallocate(fd, 0, size)
            return
        except OSError as error:
            if error.errno not in (errno.EOPNOTSUPP, errno.EINVAL, errno.ENOSYS):
                raise
    os.lseek(fd, 0, os.SEEK_SET)
    zeros = bytes(CHUNK)
    for _ in range(0, size, CHUNK):
        os.write(fd, zeros)


def release_reserve(data_file: Path) -> bool:
    """Give the reserve's space back; False when there was none to give."""
    try:
        reserve_path(data_file).unlink()
    except FileNotFoundError:
        return False
    return True
