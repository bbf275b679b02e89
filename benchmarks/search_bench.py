"""The search figures: a query over the 50,000-revision workbook with two years of tracker
entries, in the core (current answers and the tracker; then every earlier version too), and
the `workbook search` command as a person runs it.

The store is a private copy of the 50,000-revision one, with a check-in a day for two years
(a note, what helped, now and then a trigger), an urge every other day or so and a few slips,
added in one `replace_tables`. The queries are the kinds people type: a word found in many
answers, two words, a phrase, a word found nowhere (the whole workbook is looked through), a
rarer word. Each figure is the slowest query's median; a one-letter query, the worst case, is
in the notes.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from pathlib import Path

from measures import child_env, copy_store, timed_child
from report import Row, median, ms
from workload import START, WORDS

from workbook.content.loading import Content
from workbook.paths import Paths
from workbook.store.database import WorkbookStore, to_stamp, utc_now

QUERIES = ("sister", "drawer walk", '"my sister listened"', "funeral", "kindness")
WORST = "a"
DAYS = 730


def with_tracker(source: Paths, target: Path) -> Paths:
    """A copy of `source` with two years of check-ins, urges and slips."""
    paths = copy_store(source, target)
    rng = random.Random(730)

    def words(count: int) -> str:
        start = rng.randrange(len(WORDS))
        return " ".join(WORDS[(start + i) % len(WORDS)] for i in range(count))

    checkins, urges, slips = [], [], []
    for offset in range(DAYS):
        day = START.date() + dt.timedelta(days=offset)
        stamp = to_stamp(START + dt.timedelta(days=offset, hours=14))
        checkins.append(
            {
                "key": day.isoformat(),
                "craving": rng.randint(0, 10),
                "mood": rng.choice(["struggling", "low", "okay", "good", "great"]),
                "contact": False,
                "triggers": [words(3)] if rng.random() < 0.4 else [],
                "helped": words(rng.randint(3, 8)),
                "note": words(rng.randint(8, 40)),
                "updated_at": stamp,
            }
        )
        if rng.random() < 0.45:
            moment = START + dt.timedelta(days=offset, hours=rng.randint(8, 22))
            urges.append(
                {
                    "key": to_stamp(moment),
                    "intensity": rng.randint(3, 10),
                    "trigger": words(4),
                    "did": words(6),
                    "passed": True,
                    "updated_at": to_stamp(moment),
                }
            )
        if offset % 90 == 45:
            slips.append({"key": day.isoformat(), "note": words(12), "withdrawn": False})
    with WorkbookStore.open(paths, utc_now, backup=False) as store:
        answers = store.answer_docs()
        store.replace_tables(answers, {"checkins": checkins, "urges": urges, "slips": slips})
    return paths


def timed_ms(action) -> float:
    start = time.perf_counter()
    action()
    return ms(time.perf_counter() - start)


def search_rows(source: Paths, content: Content, runs: int, root: Path) -> list[Row]:
    from workbook.search.index import SearchIndex

    paths = with_tracker(source, root / "search-store")
    with WorkbookStore.open(paths, utc_now, backup=False) as store:
        revisions = store.revision_count()
        index = SearchIndex(store, content.catalog, content.user_resources)
        cold = []
        for _ in range(runs):
            fresh = SearchIndex(store, content.catalog, content.user_resources)
            cold.append(timed_ms(lambda fresh=fresh: fresh.search(QUERIES[0])))
        index.search(QUERIES[0])  # the earlier versions folded, as after a first search
        current = {
            q: [timed_ms(lambda q=q: index.search(q, versions=False)) for _ in range(runs)]
            for q in QUERIES
        }
        every = {q: [timed_ms(lambda q=q: index.search(q)) for _ in range(runs)] for q in QUERIES}
        worst_current = median(
            [timed_ms(lambda: index.search(WORST, versions=False)) for _ in range(runs)]
        )
        worst_every = median([timed_ms(lambda: index.search(WORST)) for _ in range(runs)])
        found = index.search(QUERIES[0])
    current_medians = {q: median(t) for q, t in current.items()}
    every_medians = {q: median(t) for q, t in every.items()}
    slowest_current = max(current_medians, key=current_medians.get)
    slowest_every = max(every_medians, key=every_medians.get)
    size = f"{revisions:,} revisions, {DAYS} check-ins"
    rows = [
        Row(
            "search_current",
            f"Search, current answers and the tracker ({size})",
            current_medians[slowest_current],
            "ms",
            ("<=", 100.0),
            detail={
                "runs": runs,
                "medians_ms": current_medians,
                "note": f"slowest: {slowest_current}; a one-letter query {worst_current:.0f} ms",
            },
        ).judge(),
        Row(
            "search_versions",
            "  the same, with every earlier version",
            every_medians[slowest_every],
            "ms",
            ("<=", 300.0),
            detail={
                "runs": runs,
                "medians_ms": every_medians,
                "found": {"current": found.current_total, "versions": found.versions_total},
                "note": f"slowest: {slowest_every}; a one-letter query {worst_every:.0f} ms",
            },
        ).judge(),
        Row(
            "search_versions_first",
            "  the first search of a session (earlier versions folded first)",
            median(cold),
            "ms",
            ("<=", 300.0),
            detail={"runs": runs, "query": QUERIES[0]},
        ).judge(),
    ]
    rows.append(command_row(paths, runs))
    return rows


def command_row(paths: Paths, runs: int) -> Row:
    import sys

    argv = [
        sys.executable,
        "-m",
        "workbook",
        "--data-dir",
        str(paths.data_dir),
        "search",
        "--all-versions",
        "sister",
    ]
    env = child_env(paths.data_dir)
    timed_child(argv, env)  # untimed: warm file caches
    times = [timed_child(argv, env)[0] for _ in range(runs)]
    return Row(
        "search_command",
        "  `workbook search --all-versions`, process start included",
        round(median(times), 3),
        "s",
        ("<=", 0.5),
        detail={"runs": runs, "note": "open, read the content, search, print 50"},
    ).judge()
