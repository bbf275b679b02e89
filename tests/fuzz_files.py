"""A long fuzz run of damaged data files, by hand (CI runs the short hypothesis test instead):

    .venv/bin/python tests/fuzz_files.py --reader 5000 --app 500

Each file is a good workbook file damaged one way: bytes flipped, inserted or cut; a valid
JSON value of another kind in place of any field; deep nesting; lone surrogates, huge numbers,
duplicate keys, bytes that are not UTF-8. Through the reader, every file must load or raise
the one UnreadableDataError. Through the app, every file must open the app on every screen
that reads it, or be "unreadable" with a way back (set aside, the newest good backup offered),
never an exception. Prints the counts; exits 1 when anything else happened.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import json
import random
import sys
import tempfile
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

STAMP = "2026-03-14T09:30:00.000000+00:00"
ODD_VALUES: list[Any] = [
    None,
    True,
    0,
    -1,
    7,
    99,
    2**70,
    1.5,
    "",
    "x",
    "2026-13-45",
    "\x1b]0;PWNED\x07",
    "\ud7ff",
    [],
    [1, "a"],
    [["a", "b"]],
    {},
    {"exercise": 5},
    {"a": {"b": [None]}},
    "\u202eevil",
    "\ud800",
]
# What a JSON reader may stumble on, put in place of a good value: numbers out of range, NaN,
# lone surrogates, bytes that are not UTF-8, a cut word, a key written twice, brackets left open.
# The short hypothesis test in test_reading.py draws from these too.
ODD_TOKENS = [
    b"1e400",
    b"-1e999",
    b"NaN",
    b"Infinity",
    b'"\\ud800"',
    b'"\\udc00x"',
    b"\xed\xa0\x80",
    b"99999999999999999999999999",
    b'"\\u0000"',
    b"\xff",
    b"tru",
    b'"a":1,"a"',
    b"\xe9",
    b"[" * 2000,
    b"{" * 5,
    b'"' * 3,
    b"\x00",
]


def good_tables() -> dict[str, Any]:
    record = {"updated_at": STAMP}
    prompts = [("mini", p) for p in ["name", "story", "reasons", "pull", "contact", "start"]]
    prompts += [("abstinence-plan", p) for p in ["no-contact-start", "triggers", "reasons"]]
    return {
        "_meta": {"1": {"schema_version": 1}},
        "answers": {
            str(i): {
                "exercise": exercise,
                "prompt": prompt,
                "revisions": [
                    {"value": "first words", "saved_at": "2026-03-13T10:00:00+05:00"},
                    {"value": ["a reason", "another"], "saved_at": STAMP, "visit": "v1"},
                ],
            }
            for i, (exercise, prompt) in enumerate(prompts, start=1)
        },
        "settings": {
            "1": {**record, "key": "resume", "value": {"exercise": "mini", "prompts": {}}},
            "2": {**record, "key": "theme", "value": "workbook-dark"},
            "3": {**record, "key": "no_contact_start", "value": "2026-03-01"},
            "4": {**record, "key": "welcome_seen", "value": True},
        },
        "checkins": {
            "1": {
                **record,
                "key": "2026-03-13",
                "craving": 3,
                "mood": "low",
                "contact": False,
                "triggers": ["Sunday evenings"],
                "helped": "a walk",
                "note": "a note",
            },
            "2": {**record, "key": "2026-03-14", "craving": 6, "mood": "okay", "contact": None},
        },
        "urges": {
            "1": {
                **record,
                "key": STAMP,
                "intensity": 7,
                "trigger": "a song",
                "did": "called",
                "passed": None,
            }
        },
        "slips": {"1": {**record, "key": "2026-03-05", "note": "", "withdrawn": False}},
        "drafts": {"1": {**record, "key": "mini/start", "text": "half a date"}},
    }


def damaged(rng: random.Random) -> tuple[str, bytes]:
    """One damaged file, and the kind of damage."""
    tables = good_tables()
    kind = rng.choice(["bytes", "shape", "shape", "nesting", "token", "remove"])
    if kind == "shape" or kind == "remove":
        table = rng.choice(sorted(tables))
        doc = rng.choice(sorted(tables[table]))
        target = tables[table][doc]
        if rng.random() < 0.3 and table == "answers":
            target = rng.choice(target["revisions"])
        name = rng.choice([*sorted(target), "extra"])
        if kind == "remove":
            target.pop(name, None)
        else:
            target[name] = copy.deepcopy(rng.choice(ODD_VALUES))
        if rng.random() < 0.1:  # an odd document id
            tables[table][rng.choice(["x", "1.5", "0", "-1", "01"])] = tables[table].pop(doc)
        return kind, json.dumps(tables, ensure_ascii=rng.random() < 0.5).encode(
            "utf-8", "surrogatepass"
        )
    good = json.dumps(tables, indent=rng.choice([None, 1])).encode()
    if kind == "bytes":
        data = bytearray(good)
        for _ in range(rng.randint(1, 4)):
            if not data:
                break
            at = rng.randrange(len(data))
            action = rng.choice(["set", "insert", "cut"])
            if action == "set":
                data[at] = rng.randrange(256)
            elif action == "insert":
                data.insert(at, rng.randrange(256))
            else:
                del data[at : at + rng.choice([1, 10, 10**6])]
        return kind, bytes(data)
    if kind == "nesting":
        depth = rng.choice([10, 100, 999, 1000, 5000, 100_000])
        opener, closer = rng.choice([(b"[", b"]"), (b'{"a":', b"}")])
        return kind, good.replace(b'"a note"', opener * depth + b"1" + closer * depth)
    spots = [b'"a note"', b"3", b'"low"', b"true", b'"2026-03-13"']
    return kind, good.replace(rng.choice(spots), rng.choice(ODD_TOKENS), 1)


def fuzz_reader(count: int, seed: int) -> Counter:
    from workbook.store.reading import UnreadableDataError, decode_workbook

    rng = random.Random(seed)
    results: Counter = Counter()
    for _ in range(count):
        kind, payload = damaged(rng)
        try:
            decode_workbook(payload, Path("workbook.json"))
        except UnreadableDataError:
            results["unreadable"] += 1
        except Exception:
            results[f"EXCEPTION ({kind})"] += 1
            traceback.print_exc()
        else:
            results["loaded"] += 1
    return results


SCREENS = [
    "show_screen('tracker')",
    "open_answers()",
    "show_screen('plan')",
    "show_screen('checkin')",
    "open_exercise('mini')",
]


async def open_app(data_dir: Path, content: Any) -> str:
    from workbook.paths import Paths
    from workbook.store.database import utc_now
    from workbook.ui.app import WorkbookApp
    from workbook.ui.launch import open_store

    asked = []
    store = open_store(Paths(data_dir), utc_now, ask=lambda problem: asked.append(problem))
    if store is None:
        return "unreadable, set aside" if asked else "did not open"
    try:
        app = WorkbookApp(content=content, store=store, clock=utc_now)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for action in SCREENS:
                await app.run_action(action)
                await pilot.pause()
                await pilot.press("escape")
                await pilot.pause()
        return "opened, every screen shown"
    finally:
        store.close()


def fuzz_app(count: int, seed: int) -> Counter:
    from workbook.content.loading import load_content
    from workbook.paths import Paths

    rng = random.Random(seed)
    results: Counter = Counter()
    with tempfile.TemporaryDirectory(prefix="workbook-fuzz-") as folder:
        content = load_content(Paths(Path(folder) / "content"))
        for index in range(count):
            kind, payload = damaged(rng)
            data_dir = Path(folder) / f"case-{index}"
            data_dir.mkdir(mode=0o700)
            data_dir.joinpath("workbook.json").write_bytes(payload)
            try:
                results[asyncio.run(open_app(data_dir, content))] += 1
            except Exception:
                results[f"EXCEPTION ({kind})"] += 1
                traceback.print_exc()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reader", type=int, default=5000, help="files through the reader")
    parser.add_argument("--app", type=int, default=500, help="files through the app")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    failed = False
    for name, run, count in (("reader", fuzz_reader, args.reader), ("app", fuzz_app, args.app)):
        if not count:
            continue
        results = run(count, args.seed)
        print(
            f"{name}: {count} damaged files: "
            + ", ".join(f"{n} {what}" for what, n in sorted(results.items())),
            flush=True,
        )
        failed |= any(what.startswith("EXCEPTION") for what in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
