"""Reading a file only when it is a regular file, and only so much of it.

A FIFO where a file should be would block a read forever, `/dev/zero` would never end, and a
folder cannot be read at all. Every file the workbook reads (the data file, backups, exercise
files, resources.json, imports) is opened here: without blocking, checked with fstat on the
open descriptor (so a file swapped in between cannot slip through), and read up to a limit.
Touches only the file it is given, and only to read it.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

READ_CHUNK = 1024 * 1024


class NotARegularFileError(OSError):
    """The path is a folder, a FIFO, a device or a socket: it is never read."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(errno.EINVAL, f"this is {kind}, not a regular file", str(path))


class FileTooLargeError(OSError):
    def __init__(self, path: Path, limit: int) -> None:
        super().__init__(
            errno.EFBIG,
            f"the file is too large; the most allowed is {limit:,} bytes",
            str(path),
        )


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def check_regular(path: Path) -> os.stat_result:
    """The path's status (following links) when it is a regular file; NotARegularFileError."""
    status = os.stat(path)
    if not stat.S_ISREG(status.st_mode):
        raise NotARegularFileError(path, _kind(status.st_mode))
    return status


def read_regular_file(path: Path, limit: int) -> bytes:
    """The whole file, refusing at once anything but a regular file of at most `limit` bytes."""
    # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise NotARegularFileError(path, _kind(status.st_mode))
        if status.st_size > limit:
            raise FileTooLargeError(path, limit)
        # The whole file in one read as a rule; then on to the end, not to st_size (the file
        # may grow while it is read), stopping one byte past the limit.
        first = os.read(fd, min(status.st_size, limit) + 1)
        chunks = [first]
        total = len(first)
        if total > limit:
            raise FileTooLargeError(path, limit)
        while total and (chunk := os.read(fd, min(READ_CHUNK, limit + 1 - total))):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise FileTooLargeError(path, limit)
        return first if len(chunks) == 1 else b"".join(chunks)
    finally:
        os.close(fd)
