"""The workbook's performance figures, against their targets.

    .venv/bin/python benchmarks/run.py            # the full run, a few minutes
    .venv/bin/python benchmarks/run.py --quick    # fewer repeats, well under 2 minutes (CI)
    .venv/bin/python benchmarks/run.py --json     # machine-readable, on stdout
    .venv/bin/python benchmarks/run.py --markdown # the table for the README

Stores of 0, 1,000, 10,000 and 50,000 revisions are built in a temporary folder, never the
real data folder, through the workbook's own store: the 1,000 one `save_answer` at a time, the
larger ones by `replace_tables` with the same kind of saves (checked to give the very file that
saving one by one gives). Each figure is the median of repeated runs; comparisons are measured
in the same run. A figure that falls short still exits 0 (machines are noisy); a crash exits 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import adapters
import measures
import protection
import search_bench
import tracker_screen
from report import ERROR, Row, as_json, markdown_table, table
from workload import check_same_file, fill_by_replacing, fill_by_saving, make_saves

from workbook.content.loading import Content, load_content
from workbook.paths import DATA_DIR_ENV, Paths
from workbook.store.database import WorkbookStore

SIZES = (0, 1_000, 10_000, 50_000)
# The store each section needs, by size.
NEEDS = {
    "startup": {10_000},
    "screens": {10_000},
    "save": set(SIZES),
    "typing": {0, 10_000},
    "history": {10_000},
    "plan": {10_000},
    "open": {50_000},
    "protect": {10_000},
    "search": {50_000},
    "tracker": set(),
}


@dataclass(frozen=True)
class Repeats:
    startup: int
    screens: int
    saves: int
    stock: int
    typing: int
    history: int
    history_screen: int
    plan: int
    plan_screen: int
    open: int
    protected_saves: int
    unlocks: int
    search: int
    tracker: int = 5


FULL = Repeats(
    startup=15,
    screens=7,
    saves=41,
    stock=11,
    typing=3,
    history=101,
    history_screen=7,
    plan=7,
    plan_screen=7,
    open=11,
    protected_saves=41,
    unlocks=5,
    search=11,
)
QUICK = Repeats(
    startup=3,
    screens=2,
    saves=9,
    stock=3,
    typing=1,
    history=21,
    history_screen=2,
    plan=2,
    plan_screen=2,
    open=3,
    protected_saves=9,
    unlocks=1,
    search=3,
    tracker=2,
)


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build_stores(root: Path, content: Content, sizes: set[int]) -> dict[int, Paths]:
    stores = {}
    for size in sorted(sizes):
        paths = Paths(root / f"store-{size}")
        say(f"building the {size:,}-revision store")
        saves = make_saves(content, size)
        if size == 1_000:
            fill_by_saving(paths, saves)
            check = Paths(root / "check-1000")
            fill_by_replacing(check, saves)
            check_same_file(paths, check)
        elif size == 0:
            WorkbookStore.open(paths, backup=False).close()
        else:
            fill_by_replacing(paths, saves)
        as_returning_user(paths)
        stores[size] = paths
    return stores


def as_returning_user(paths: Paths) -> None:
    with WorkbookStore.open(paths, backup=False) as store:
        for name, value in adapters.RETURNING_USER_SETTINGS.items():
            store.set_setting(name, value)


def measure(rows: list[Row], key: str, label: str, work: Callable[[], Row | list[Row]]) -> None:
    """Run one section; a missing part is "not available yet", a crash is an error row."""
    say(f"measuring: {label}")
    try:
        result = work()
    except adapters.NotAvailable as missing:
        rows.append(measures.not_available(key, label, str(missing)))
    except Exception as error:
        traceback.print_exc()
        rows.append(measures.failed(key, label, error))
    else:
        rows.extend(result if isinstance(result, list) else [result])


def run_sections(
    sections: list[str], stores: dict[int, Paths], content: Content, repeats: Repeats, root: Path
) -> list[Row]:
    rows: list[Row] = []
    if "startup" in sections:
        measure(
            rows,
            "startup",
            "Start-up (returning and first) and memory, 10,000 revisions vs bare Textual",
            lambda: measures.startup_and_memory(
                stores[10_000].data_dir, repeats.startup, root / "first-starts"
            ),
        )
    if "screens" in sections:
        measure(
            rows,
            "first_open",
            "Each other screen, opened for the first time",
            lambda: measures.first_open_rows(stores[10_000].data_dir, repeats.screens),
        )
    if "save" in sections:
        for size in SIZES:
            measure(
                rows,
                f"save_{size}",
                f"Durable save, {size:,} revisions",
                lambda size=size: measures.save_rows(
                    size, stores[size], content, repeats.saves, repeats.stock
                ),
            )
    if "typing" in sections:
        measure(
            rows,
            "typing_ratio",
            "Typing 200 characters, 10,000 revisions vs empty",
            lambda: measures.typing_rows(stores[0], stores[10_000], content, repeats.typing, root),
        )
    if "history" in sections:
        measure(
            rows,
            "history_store",
            "History of a prompt with 1,000 revisions (store.history)",
            lambda: measures.history_store_row(stores[10_000], content, repeats.history),
        )
        measure(
            rows,
            "history_screen",
            "History screen of that prompt, opened and painted",
            lambda: measures.history_screen_row(stores[10_000], content, repeats.history_screen),
        )
    if "plan" in sections:
        measure(
            rows,
            "plan",
            "workbook plan --format markdown|html, 10,000 revisions",
            lambda: measures.plan_rows(stores[10_000], repeats.plan),
        )
        measure(
            rows,
            "plan_screen",
            "Plan screen opened and painted, every exercise answered, 10,000 revisions",
            lambda: measures.plan_screen_rows(stores[10_000], content, repeats.plan_screen),
        )
    if "open" in sections:
        measure(
            rows,
            "open_50000",
            "Open the 50,000-revision store (read, parse, validate)",
            lambda: measures.open_rows(stores[50_000], repeats.open),
        )
    if "protect" in sections:
        measure(
            rows,
            "protect",
            "Protected save and unlock, 10,000 revisions",
            lambda: protection.protection_rows(
                stores[10_000], content, repeats.protected_saves, repeats.unlocks
            ),
        )
    if "search" in sections:
        measure(
            rows,
            "search",
            "Search over the 50,000-revision workbook",
            lambda: search_bench.search_rows(stores[50_000], content, repeats.search, root),
        )
    if "tracker" in sections:
        measure(
            rows,
            "tracker",
            "Tracker screen: 10 years of check-ins, a long note",
            lambda: tracker_screen.tracker_rows(root, content, repeats.tracker),
        )
    return rows


def machine(root: Path, quick: bool) -> dict[str, object]:
    return {
        "nproc": nproc(),
        "cpu": cpu_model(),
        "python": platform.python_version(),
        "system": platform.platform(),
        "textual": version("textual"),
        "tinydb": version("tinydb"),
        "msgspec": version("msgspec"),
        "filesystem": filesystem_of(root),
        "commit": git_commit(),
        "mode": "quick" if quick else "full",
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }


def nproc() -> int | None:
    """What `nproc` prints: the processors this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count()


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def filesystem_of(path: Path) -> str:
    """The type of the file system the stores live on: fsync is free on tmpfs, not on disk."""
    try:
        mounts = [line.split() for line in Path("/proc/mounts").read_text().splitlines()]
    except OSError:
        return "unknown"
    resolved = str(path.resolve())
    best = max(
        (m for m in mounts if resolved == m[1] or resolved.startswith(m[1].rstrip("/") + "/")),
        key=lambda m: len(m[1]),
        default=None,
    )
    return best[2] if best else "unknown"


def git_commit() -> str:
    here = Path(__file__).resolve().parent
    try:
        out = subprocess.run(
            ["git", "describe", "--always", "--dirty"],
            cwd=here,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.stdout.strip()


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="The workbook's performance figures.")
    parser.add_argument("--quick", action="store_true", help="fewer repeats: a smoke run for CI")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--markdown", action="store_true", help="print the table in Markdown (for the README)"
    )
    parser.add_argument(
        "--only",
        metavar="SECTIONS",
        help=f"comma-separated, of: {', '.join(NEEDS)} (default: all)",
    )
    parser.add_argument(
        "--tmp-dir",
        metavar="DIR",
        help="where to build the stores (default: the system's temporary folder)",
    )
    args = parser.parse_args(argv)
    args.sections = args.only.split(",") if args.only else list(NEEDS)
    unknown = set(args.sections) - set(NEEDS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    repeats = QUICK if args.quick else FULL
    with tempfile.TemporaryDirectory(prefix="workbook-bench-", dir=args.tmp_dir) as folder:
        root = Path(folder)
        # Anything that asks for the default data folder gets this temporary one.
        os.environ[DATA_DIR_ENV] = str(root / "default-data")
        content = load_content(Paths(root / "content"))
        sizes = set().union(*(NEEDS[s] for s in args.sections))
        stores = build_stores(root, content, sizes)
        rows = run_sections(args.sections, stores, content, repeats, root)
        facts = machine(root, args.quick)
    summary = (
        f"nproc {facts['nproc']}, {facts['cpu']}, Python {facts['python']}, "
        f"Textual {facts['textual']}, stores on {facts['filesystem']}, "
        f"{facts['mode']} run, {facts['commit']}"
    )
    if args.json:
        print(as_json(facts, rows))
    elif args.markdown:
        print(markdown_table(rows))
        print()
        print(summary)
    else:
        print()
        print(table(rows))
        print()
        print(summary)
    return 1 if any(row.status == ERROR for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
