"""Saying, after a command's work was saved, what went wrong that did not stop it.

A backup that failed, a full disk met with the reserve: one line each on stderr, each
starting with one "workbook:" and naming the file; the command still exits 0.
"""

from __future__ import annotations

import sys

from workbook.store.database import WorkbookStore


def say_warnings(store: WorkbookStore) -> None:
    for words in store.warnings:
        print(f"workbook: {words}", file=sys.stderr)
