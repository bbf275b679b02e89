"""A real, tiny filesystem to fill up: a tmpfs mounted for one test (needs root).

Full-disk behaviour is tested on a disk that is really full, not with a mocked write.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

FILLER = "filler"


@contextlib.contextmanager
def small_disk(where: Path, size: str = "2m") -> Iterator[Path]:
    where.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        if os.environ.get("CI"):
            raise AssertionError(f"a small tmpfs could not be mounted: {mounted.stderr!r}")
        pytest.skip("mounting a small tmpfs needs root")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(disk: Path) -> Path:
    """Take every free byte; returns the filler file, to delete for room again."""
    filler = disk / FILLER
    with open(filler, "ab", buffering=0) as handle:
        chunk = bytes(64 * 1024)
        while True:
            try:
                handle.write(chunk)
            except OSError as error:
                if error.errno != errno.ENOSPC:
                    raise
                if len(chunk) == 1:
                    break
                chunk = bytes(max(1, len(chunk) // 8))
    return filler
