"""Each figure of the benchmark: how it is measured, as the median of repeated runs.

Every function returns `Row`s (see report.py). Comparisons (workbook against a bare Textual
app, durable save against stock TinyDB, a big store against an empty one) are measured in
the same run, alternating, so that a noisy machine weighs on both sides alike.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import adapters
from report import ERROR, NOT_YET, SHORT, Row, median, ms
from tinydb import TinyDB
from workload import WORDS, focus_prompt, prompt_type

from workbook.content.loading import Content
from workbook.paths import Paths
from workbook.store.database import WorkbookStore, to_stamp, utc_now
from workbook.store.storage import read_database_file

FIRST_PAINT = Path(__file__).with_name("first_paint.py")
FIRST_OPEN = Path(__file__).with_name("first_open.py")
# The screens timed on their first opening (first_open.py's names), and what the row calls them.
FIRST_OPEN_SCREENS = {
    "crisis": "the crisis lines",
    "help": "help",
    "tracker": "days without contact",
    "plan": "the plan",
    "exercise": "an exercise, at a question",
}
MIB = 1024 * 1024


# --- child processes -------------------------------------------------------------------------


def child_env(data_dir: Path) -> dict[str, str]:
    """The environment of a measured process: never the real data folder, no Textual devtools,
    and bytecode cached as an installed copy has it (pip compiles it at install; a machine
    with PYTHONDONTWRITEBYTECODE set would otherwise compile every module at every start)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("TEXTUAL") and k != "PYTHONDONTWRITEBYTECODE"
    }
    env["WORKBOOK_DATA_DIR"] = str(data_dir)
    return env


def timed_child(argv: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Run a process to its end: (wall seconds from spawn to exit, its stdout)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env)
        _, status = os.waitpid(child.pid, 0)
        elapsed = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if child.returncode != 0:
            raise RuntimeError(
                f"{' '.join(argv[1:])} exited with {child.returncode}: "
                f"{err.read().decode(errors='replace').strip()[-2000:]}"
            )
        return elapsed, out.read().decode(errors="replace")


# --- 1 and 6: start-up (returning and first) and memory --------------------------------------


def startup_and_memory(data_dir: Path, runs: int, fresh_root: Path) -> list[Row]:
    """The bare app, a returning user (`data_dir`, welcome seen) and a first start (a new,
    empty data folder under `fresh_root` for every run), alternating in the same run."""
    env = child_env(data_dir)

    def argv_of(kind: str) -> list[str]:
        if kind == "bare":
            return [sys.executable, str(FIRST_PAINT), "bare"]
        folder = data_dir if kind == "workbook" else fresh_root / f"first-{uuid.uuid4().hex}"
        return [sys.executable, str(FIRST_PAINT), "workbook", str(folder)]

    kinds = ("bare", "workbook", "first")
    for kind in kinds:
        timed_child(argv_of(kind), env)  # untimed: warm file caches; the first backup is made
    seconds: dict[str, list[float]] = {kind: [] for kind in kinds}
    rss: dict[str, list[int]] = {kind: [] for kind in kinds}
    painted: dict[str, str] = {}
    pyrage_loaded = 0
    for _ in range(runs):
        for kind in kinds:
            elapsed, out = timed_child(argv_of(kind), env)
            facts = dict(line.split(" ", 1) for line in out.splitlines() if " " in line)
            if "painted" not in facts:
                raise RuntimeError(f"{kind}: the app left without painting a screen")
            seconds[kind].append(elapsed)
            rss[kind].append(int(facts["peak_rss_kib"]) * 1024)
            painted[kind] = facts["painted"]
            if kind != "bare":  # a returning user and a first start, both unprotected
                pyrage_loaded = max(pyrage_loaded, int(facts.get("pyrage_loaded", "0")))
    if painted["first"] != "WelcomeScreen" or painted["workbook"] != "HomeScreen":
        raise RuntimeError(f"expected home and the welcome first, painted {painted}")
    start = {kind: median(values) for kind, values in seconds.items()}
    memory = {kind: median(values) / MIB for kind, values in rss.items()}
    return [
        Row(
            "startup_ratio",
            "Start-up to home screen, 10,000 revisions, vs bare Textual",
            round(start["workbook"] / start["bare"], 3),
            "x",
            ("<=", 1.2),
            detail={
                "note": f"{ms(start['workbook']):.0f} vs {ms(start['bare']):.0f} ms; "
                f"first screen: {painted['workbook']}",
                "workbook_ms": ms(start["workbook"]),
                "bare_ms": ms(start["bare"]),
                "runs": runs,
            },
        ).judge(),
        Row(
            "first_start_ratio",
            "First start to the welcome, new empty data folder, vs bare Textual",
            round(start["first"] / start["bare"], 3),
            "x",
            ("<=", 1.2),
            detail={
                "note": f"{ms(start['first']):.0f} vs {ms(start['bare']):.0f} ms; "
                f"first screen: {painted['first']}",
                "first_ms": ms(start["first"]),
                "bare_ms": ms(start["bare"]),
                "runs": runs,
            },
        ).judge(),
        Row(
            "memory_ratio",
            "Peak memory, 10,000 revisions, vs bare Textual",
            round(memory["workbook"] / memory["bare"], 3),
            "x",
            ("<=", 1.5),
            detail={
                "note": f"{memory['workbook']:.1f} vs {memory['bare']:.1f} MiB",
                "workbook_mib": round(memory["workbook"], 1),
                "bare_mib": round(memory["bare"], 1),
                "runs": runs,
            },
        ).judge(),
        Row(
            "startup_pyrage",
            "  pyrage loaded at start-up of an unprotected workbook (1 yes, 0 no)",
            pyrage_loaded,
            "",
            ("<=", 0),
            detail={"note": "the encryption library loads only for a protected workbook"},
        ).judge(),
    ]


# --- 7: each other screen, opened for the first time ------------------------------------------


def first_open_rows(data_dir: Path, runs: int) -> list[Row]:
    """Each screen opened once in a fresh process (its module not yet imported, screens.tcss
    not yet read), from the action to the screen painted; one process per opening."""
    env = child_env(data_dir)
    seconds: dict[str, list[float]] = {name: [] for name in FIRST_OPEN_SCREENS}
    for name in FIRST_OPEN_SCREENS:  # untimed: warm file caches and compile the bytecode
        timed_child([sys.executable, str(FIRST_OPEN), str(data_dir), name], env)
    for _ in range(runs):
        for name in FIRST_OPEN_SCREENS:
            _, out = timed_child([sys.executable, str(FIRST_OPEN), str(data_dir), name], env)
            facts = dict(line.split(" ", 1) for line in out.splitlines() if " " in line)
            seconds[name].append(float(facts["opened_seconds"]))
    return [
        Row(
            f"first_open_{name}",
            f"First opening of {label}, 10,000 revisions",
            round(median(seconds[name]), 3),
            "s",
            ("<=", 0.3),
            detail={"runs": runs, "max_s": round(max(seconds[name]), 3)},
        ).judge()
        for name, label in FIRST_OPEN_SCREENS.items()
    ]


# --- 2: durable save against stock TinyDB ----------------------------------------------------


def longtext_ids(content: Content) -> list[tuple[str, str]]:
    return [
        (exercise.id, prompt.id)
        for exercise in content.catalog.exercises
        for prompt in exercise.prompts()
        if prompt_type(prompt) == "longtext"
    ]


def fresh_answer(index: int) -> str:
    """About 400 characters nobody has saved before."""
    words = " ".join(WORDS[(index * 7 + i) % len(WORDS)] for i in range(70))
    return f"{words} ({index})"


def stock_files(data_file: Path, folder: Path) -> dict[str, Path]:
    """Stock TinyDB JSON files holding the same revisions as the workbook's file.

    "records": one TinyDB record per revision, as an app on stock TinyDB would keep them.
    "same file": the workbook's very database, written by the standard json module.
    """
    data = read_database_file(data_file)
    records = {
        str(number): {
            "exercise": doc["exercise"],
            "prompt": doc["prompt"],
            **revision,
        }
        for number, (doc, revision) in enumerate(
            ((doc, rev) for doc in data.get("answers", {}).values() for rev in doc["revisions"]),
            start=1,
        )
    }
    files = {"records": folder / "stock-records.json", "same file": folder / "stock-same.json"}
    files["records"].write_text(json.dumps({"answers": records}))
    files["same file"].write_text(json.dumps(data))
    return files


def revision_doc(index: int) -> dict[str, Any]:
    """One new revision, as a stock-TinyDB workbook would insert it."""
    return {
        "exercise": "truth",
        "prompt": "story",
        "value": fresh_answer(index),
        "saved_at": to_stamp(utc_now()),
        "visit": uuid.uuid4().hex,
    }


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


# Absolute targets for a durable save, and the sizes where it must beat stock TinyDB 5x.
SAVE_TARGET_MS = {10_000: 15.0, 50_000: 60.0}
SPEEDUP_SIZES = (10_000, 50_000)


def save_rows(size: int, paths: Paths, content: Content, runs: int, stock_runs: int) -> list[Row]:
    """A durable `save_answer` of a new longtext revision (fsyncs and all), against a stock
    `JSONStorage` insert of one revision, which reads and rewrites its whole file."""
    targets = longtext_ids(content)
    ours: list[float] = []
    with tempfile.TemporaryDirectory(dir=paths.data_dir.parent) as scratch:
        copy = copy_store(paths, Path(scratch) / "ours")
        files = stock_files(paths.data_file, Path(scratch))
        stock: dict[str, list[float]] = {name: [] for name in files}
        stock_dbs = {name: TinyDB(path) for name, path in files.items()}
        try:
            with WorkbookStore.open(copy, utc_now, backup=False) as store:
                for index in range(runs):
                    exercise, prompt = targets[index % len(targets)]
                    value, visit = fresh_answer(index), uuid.uuid4().hex
                    ours.append(timed(partial(store.save_answer, exercise, prompt, value, visit)))
                    if index < stock_runs:  # alternating, so that both see the same machine
                        for name, db in stock_dbs.items():
                            insert = partial(db.table("answers").insert, revision_doc(index))
                            stock[name].append(timed(insert))
        finally:
            for db in stock_dbs.values():
                db.close()
    our_ms = ms(median(ours))
    label = f"{size:,}"
    target = ("<=", SAVE_TARGET_MS[size]) if size in SAVE_TARGET_MS else None
    rows = [
        Row(
            f"save_{size}",
            f"Durable save, {label} revisions",
            our_ms,
            "ms",
            target,
            detail={"runs": len(ours), "max_ms": ms(max(ours))},
        ).judge()
    ]
    for name, times in stock.items():
        stock_ms = ms(median(times))
        rows.append(
            Row(
                f"save_speedup_{name.replace(' ', '_')}_{size}",
                f"  vs stock TinyDB insert ({name}), {label}",
                round(stock_ms / our_ms, 2),
                "x",
                (">=", 5.0) if size in SPEEDUP_SIZES else None,
                detail={
                    "note": f"stock {stock_ms:.1f} ms",
                    "stock_ms": stock_ms,
                    "runs": len(times),
                },
            ).judge()
        )
    return rows


# --- 3: typing ---------------------------------------------------------------------------


TYPED = " ".join(w.strip(".,").lower() for w in WORDS)[:200]
# How often the watcher looks at the event loop and the data file while Pilot types.
WATCH_EVERY = 0.005


@dataclass
class Typing:
    seconds: float  # Pilot's 200 key presses, each waited for until the app is idle
    longest_stall: float  # the event loop's longest delay past a WATCH_EVERY sleep
    saves_during: int  # new data files (atomic replaces) seen while typing
    saved: bool  # the typed words reached the store afterwards


async def watch(data_file: Path, stalls: list[float], files: set[int], done: asyncio.Event):
    """Sample the UI loop's delay and the data file's identity until `done`."""
    while not done.is_set():
        start = time.perf_counter()
        await asyncio.sleep(WATCH_EVERY)
        stalls.append(time.perf_counter() - start - WATCH_EVERY)
        with contextlib.suppress(FileNotFoundError):
            files.add(data_file.stat().st_ino)


async def type_once(content: Content, paths: Paths) -> Typing:
    """Pilot types TYPED at the end of the first longtext answer, with autosave on."""
    from workbook.ui.app import WorkbookApp

    exercise, prompt_id = focus_prompt(content)
    with WorkbookStore.open(paths, utc_now, backup=False) as store:
        app = WorkbookApp(content=content, store=store, clock=utc_now)
        async with app.run_test(size=(80, 24)) as pilot:
            await adapters.open_exercise(pilot, exercise.title, prompt_id)
            area = adapters.longtext_area(pilot, prompt_id)
            area.focus()
            area.move_cursor(area.document.end)
            await pilot.pause()
            keys = ["space" if char == " " else char for char in TYPED]
            stalls: list[float] = []
            files = {paths.data_file.stat().st_ino}
            done = asyncio.Event()
            watcher = asyncio.create_task(watch(paths.data_file, stalls, files, done))
            start = time.perf_counter()
            await pilot.press(*keys)
            await pilot.pause()
            elapsed = time.perf_counter() - start
            done.set()
            await watcher
            saved = False
            for _ in range(50):  # untimed: give a debounced autosave up to 5 s to land
                answer = store.answer(exercise.id, prompt_id)
                if isinstance(answer, str) and answer.endswith(TYPED):
                    saved = True
                    break
                await pilot.pause(0.1)
    return Typing(elapsed, max(stalls, default=0.0), len(files) - 1, saved)


def typing_rows(
    empty: Paths, big: Paths, content: Content, rounds: int, scratch: Path
) -> list[Row]:
    adapters.require_screens()
    runs: dict[str, list[Typing]] = {"empty": [], "big": []}
    for round_ in range(rounds):
        for name, source in (("empty", empty), ("big", big)):
            copy = copy_store(source, scratch / f"typing-{name}-{round_}")
            runs[name].append(asyncio.run(type_once(content, copy)))
    big_s = median([run.seconds for run in runs["big"]])
    empty_s = median([run.seconds for run in runs["empty"]])
    stall = {name: ms(max(run.longest_stall for run in done)) for name, done in runs.items()}
    saves = {name: sum(run.saves_during for run in done) for name, done in runs.items()}
    unsaved = sum(not run.saved for done in runs.values() for run in done)
    row = Row(
        "typing_ratio",
        "Typing 200 characters, 10,000 revisions vs empty",
        round(big_s / empty_s, 3),
        "x",
        ("<=", 1.2),
        detail={
            "note": f"{big_s:.2f} vs {empty_s:.2f} s",
            "big_s": round(big_s, 3),
            "empty_s": round(empty_s, 3),
            "rounds": rounds,
        },
    ).judge()
    if unsaved:
        row.status = SHORT
        row.detail["note"] += f"; autosave did not save the typing in {unsaved} run(s)"
    stall_row = Row(
        "typing_stall",
        "  longest UI stall while typing, 10,000 revisions",
        stall["big"],
        "ms",
        detail={
            "note": f"empty: {stall['empty']:.1f} ms; saves while typing: "
            f"{saves['big']} vs {saves['empty']}",
            "empty_ms": stall["empty"],
            "saves_while_typing": saves,
        },
    )
    return [row, stall_row]


def copy_store(source: Paths, target: Path) -> Paths:
    """A private copy of a workbook's data file, to change without touching the original."""
    copy = Paths(target)
    copy.data_dir.mkdir(parents=True, mode=0o700)
    if source.data_file.exists():
        copy.data_file.write_bytes(source.data_file.read_bytes())
        copy.data_file.chmod(0o600)
    return copy


# --- 4: history -----------------------------------------------------------------------------


def history_store_row(paths: Paths, content: Content, runs: int) -> Row:
    exercise, prompt_id = focus_prompt(content)
    times = []
    with WorkbookStore.open(paths, utc_now, backup=False) as store:
        count = len(store.history(exercise.id, prompt_id))
        for _ in range(runs):
            start = time.perf_counter()
            store.history(exercise.id, prompt_id)
            times.append(time.perf_counter() - start)
    return Row(
        "history_store",
        f"History of a prompt with {count:,} revisions (store.history)",
        ms(median(times)),
        "ms",
        ("<=", 150.0),
        detail={"runs": runs, "revisions": count},
    ).judge()


async def history_screen_seconds(content: Content, paths: Paths) -> float:
    from workbook.ui.app import WorkbookApp

    exercise, prompt_id = focus_prompt(content)
    with WorkbookStore.open(paths, utc_now, backup=False) as store:
        app = WorkbookApp(content=content, store=store, clock=utc_now)
        async with app.run_test(size=(80, 24)) as pilot:
            await adapters.open_exercise(pilot, exercise.title, prompt_id)
            adapters.longtext_area(pilot, prompt_id).focus()
            await pilot.pause()
            start = time.perf_counter()
            await adapters.open_history(pilot)
            return time.perf_counter() - start


def history_screen_row(paths: Paths, content: Content, runs: int) -> Row:
    adapters.require_screens()
    times = [asyncio.run(history_screen_seconds(content, paths)) for _ in range(runs)]
    return Row(
        "history_screen",
        "History screen of that prompt, opened and painted",
        ms(median(times)),
        "ms",
        ("<=", 150.0),
        detail={"runs": runs},
    ).judge()


# --- 5: the plan --------------------------------------------------------------------------


def plan_rows(paths: Paths, runs: int) -> list[Row]:
    adapters.require_plan_command(paths.data_dir)
    env = child_env(paths.data_dir)
    rows = []
    for fmt in adapters.PLAN_FORMATS:
        argv = adapters.plan_argv(paths.data_dir, fmt)
        timed_child(argv, env)  # untimed: warm file caches
        times = [timed_child(argv, env)[0] for _ in range(runs)]
        rows.append(
            Row(
                f"plan_{fmt}",
                f"workbook plan --format {fmt}, 10,000 revisions",
                round(median(times), 3),
                "s",
                ("<=", 0.5),
                detail={"runs": runs, "note": "process start included"},
            ).judge()
        )
    return rows


async def plan_screen_seconds(content: Content, paths: Paths) -> tuple[float, float, int, int]:
    """From the key that opens the plan screen to the plan painted on it: the first time in a
    session (its code and stylesheet loaded then), and again after going back home; with
    how many prompts are answered and how many there are."""
    from workbook.ui.app import WorkbookApp

    with WorkbookStore.open(paths, utc_now, backup=False) as store:
        answered = sum(1 for doc in store.answer_docs() if doc.get("revisions"))
        prompts = sum(len(e.prompts()) for e in content.catalog.exercises)
        store.set_setting("welcome_seen", True)
        app = WorkbookApp(content=content, store=store, clock=utc_now)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            start = time.perf_counter()
            await adapters.open_plan_screen(pilot)
            first = time.perf_counter() - start
            app.pop_screen()
            await pilot.pause()
            start = time.perf_counter()
            await adapters.open_plan_screen(pilot)
            again = time.perf_counter() - start
            return first, again, answered, prompts


def plan_screen_rows(paths: Paths, content: Content, runs: int) -> list[Row]:
    adapters.require_screens()
    results = [asyncio.run(plan_screen_seconds(content, paths)) for _ in range(runs)]
    answered, prompts = results[0][2:]
    detail = {"runs": runs, "answered": f"{answered} of {prompts} prompts"}
    return [
        Row(
            "plan_screen_first",
            "Plan screen opened and painted, first time in a session, all answered, 10,000 "
            "revisions",
            round(median(r[0] for r in results), 3),
            "s",
            ("<=", 0.3),
            detail={**detail, "note": "its code and stylesheet load then"},
        ).judge(),
        Row(
            "plan_screen",
            "Plan screen opened and painted again, all answered, 10,000 revisions",
            round(median(r[1] for r in results), 3),
            "s",
            ("<=", 0.3),
            detail=detail,
        ).judge(),
    ]


# --- 7: opening the store -------------------------------------------------------------------


def open_rows(paths: Paths, runs: int) -> list[Row]:
    def timed_open(backup: bool) -> float:
        start = time.perf_counter()
        store = WorkbookStore.open(paths, utc_now, backup=backup)
        elapsed = time.perf_counter() - start
        store.close()
        return elapsed

    plain = [timed_open(backup=False) for _ in range(runs)]
    timed_open(backup=True)  # untimed: makes the backup that later opens compare against
    with_backup = [timed_open(backup=True) for _ in range(runs)]
    size = paths.data_file.stat().st_size / MIB
    return [
        Row(
            "open_50000",
            "Open the 50,000-revision store (read, parse, validate)",
            ms(median(plain)),
            "ms",
            ("<=", 150.0),
            detail={"runs": runs, "note": f"{size:.1f} MiB file", "file_mib": round(size, 1)},
        ).judge(),
        Row(
            "open_50000_with_backup",
            "  the same, as the app opens it (backup check included)",
            ms(median(with_backup)),
            "ms",
            detail={"runs": runs, "note": "the newest backup is already this file"},
        ),
    ]


def not_available(key: str, label: str, reason: str) -> Row:
    return Row(key, label, status=NOT_YET, detail={"note": reason})


def failed(key: str, label: str, error: BaseException) -> Row:
    return Row(key, label, status=ERROR, detail={"note": f"{type(error).__name__}: {error}"})
