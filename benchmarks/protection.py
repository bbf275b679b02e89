"""The cost of protection with a passphrase (issue 15): a protected durable save against the
plain one, alternating in the same run, and unlocking (one scrypt, as the app does it)."""

from __future__ import annotations

import tempfile
import uuid
from functools import partial
from pathlib import Path

from measures import copy_store, fresh_answer, longtext_ids, timed
from report import Row, median, ms

from workbook.content.loading import Content
from workbook.paths import Paths
from workbook.store.database import WorkbookStore, utc_now
from workbook.store.encryption import unlock

PASSPHRASE = "a passphrase for the benchmark"
PROTECTED_SAVE_TARGET_MS = 15.0
PROTECTED_SAVE_RATIO = 2.0
UNLOCK_TARGET_S = 2.0


def protection_rows(paths: Paths, content: Content, runs: int, unlock_runs: int) -> list[Row]:
    targets = longtext_ids(content)
    plain_times: list[float] = []
    protected_times: list[float] = []
    with tempfile.TemporaryDirectory(dir=paths.data_dir.parent) as scratch:
        plain = copy_store(paths, Path(scratch) / "plain")
        protected = copy_store(paths, Path(scratch) / "protected")
        with WorkbookStore.open(protected, utc_now, backup=False) as store:
            key = store.protect(PASSPHRASE)
        size_mib = protected.data_file.stat().st_size / 2**20
        with (
            WorkbookStore.open(plain, utc_now, backup=False) as plain_store,
            WorkbookStore.open(protected, utc_now, backup=False, key=key) as protected_store,
        ):
            for index in range(runs):
                exercise, prompt = targets[index % len(targets)]
                value, visit = fresh_answer(index), uuid.uuid4().hex
                # Alternating, so that both see the same machine.
                for store, times in (
                    (plain_store, plain_times),
                    (protected_store, protected_times),
                ):
                    times.append(timed(partial(store.save_answer, exercise, prompt, value, visit)))
        unlock_times = [timed(partial(unlock, protected, PASSPHRASE)) for _ in range(unlock_runs)]
    plain_ms, protected_ms = ms(median(plain_times)), ms(median(protected_times))
    unlock_s = round(median(unlock_times), 2)
    return [
        Row(
            "protected_save_10000",
            "Protected durable save, 10,000 revisions",
            protected_ms,
            "ms",
            ("<=", PROTECTED_SAVE_TARGET_MS),
            detail={
                "note": f"an age file of {size_mib:.1f} MiB",
                "runs": len(protected_times),
                "max_ms": ms(max(protected_times)),
            },
        ).judge(),
        Row(
            "protected_save_ratio",
            "  vs the plain durable save, same run",
            round(protected_ms / plain_ms, 2),
            "x",
            ("<=", PROTECTED_SAVE_RATIO),
            detail={"note": f"{protected_ms:.1f} vs {plain_ms:.1f} ms", "plain_ms": plain_ms},
        ).judge(),
        Row(
            "unlock",
            "Unlock: the passphrase opens the key (one scrypt)",
            unlock_s,
            "s",
            ("<=", UNLOCK_TARGET_S),
            detail={"runs": len(unlock_times), "max_s": round(max(unlock_times), 2)},
        ).judge(),
    ]
