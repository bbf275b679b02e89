"""The app never crashes on a file the command line accepts: odd but valid values in every
table, opened in Pilot and walked through every screen that reads them."""

from __future__ import annotations

import json

import pytest

from workbook.store.reading import decode_workbook

STAMP = "2026-03-14T09:30:00.000000+00:00"
ODD_VALUES = [
    None,
    0,
    -5,
    99,
    1.5,
    True,
    "",
    "x",
    "2026-13-45",
    [],
    [1, [2]],
    {"a": None},
    [["Sunday evenings", "call my sister"]],
    {"exercise": 5},
    "\x1b]0;PWNED\x07",
]
PROMPTS = [
    ("mini", p) for p in ["name", "story", "reasons", "pull", "contact", "blocked", "start", "safe"]
]
PROMPTS += [("abstinence-plan", p) for p in ["no-contact-start", "triggers", "if-i-slip"]]


def odd_file(value) -> dict:
    revisions = [
        {"value": "first", "saved_at": "2026-03-14T10:30:00+05:00"},
        {"value": value, "saved_at": STAMP, "visit": "v"},
    ]
    record = {"updated_at": STAMP}
    return {
        "_meta": {"1": {"schema_version": 1}},
        "answers": {
            str(i): {"exercise": e, "prompt": p, "revisions": revisions}
            for i, (e, p) in enumerate([*PROMPTS, ("gone", "gone")], start=1)
        },
        "settings": {
            "1": {**record, "key": "resume", "value": value},
            "2": {**record, "key": "theme", "value": value},
            "3": {**record, "key": "no_contact_start", "value": value},
            "4": {**record, "key": "welcome_seen", "value": True},
        },
        "checkins": {
            "1": {
                **record,
                "key": "2026-03-13",
                "craving": 99,
                "mood": "furious",
                "contact": "outside",
                "note": "\x1b[2J",
                "triggers": ["\x07"],
            },
            "2": {**record, "key": "not a day", "contact": True, "helped": None},
            "3": {**record, "key": "2026-03-12"},
        },
        "urges": {
            "1": {**record, "key": "x", "intensity": 5},
            "2": {**record, "key": STAMP, "intensity": 12, "passed": None},
        },
        "slips": {"1": {**record, "key": "2026-03-01", "withdrawn": True, "note": None}},
        "drafts": {
            "1": {**record, "key": "mini/start", "text": "half a date"},
            "2": {**record, "key": "slip", "text": "x", "day": "bad"},
        },
        "other": {"1": {**record, "key": "k", "anything": [1, {"b": 2}]}},
    }


@pytest.mark.parametrize("value", ODD_VALUES, ids=[repr(v)[:20] for v in ODD_VALUES])
async def test_the_app_opens_every_screen_on_odd_but_valid_files(make_app, paths, value):
    payload = json.dumps(odd_file(value)).encode()
    decode_workbook(payload, paths.data_file)  # the command line accepts it
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    paths.data_file.write_bytes(payload)
    app = make_app(theme=None, welcome_seen=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for action in [
            "show_screen('tracker')",
            "open_answers()",
            "show_screen('plan')",
            "show_screen('checkin')",
            "show_screen('slip')",
            "show_screen('urge')",
            "open_exercise('mini')",
            "open_exercise('mini', 'start')",
        ]:
            await app.run_action(action)
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
