"""Schema migrations, run on a data file written by the workbook before the step existed.

tests/data/schema-1-workbook.json was written by the schema-1 code (commit ebb4cf5) through
`WorkbookStore.save_answer`: arrowed trigger lists, a yes/no danger answer, other answers.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from workbook.paths import Paths
from workbook.store import backups
from workbook.store.database import SCHEMA_VERSION, WorkbookStore
from workbook.store.migrations import line_to_pair

SCHEMA_1_FILE = Path(__file__).parent / "data" / "schema-1-workbook.json"


def _open_old(paths: Paths, clock) -> WorkbookStore:
    paths.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    shutil.copyfile(SCHEMA_1_FILE, paths.data_file)
    return WorkbookStore.open(paths, clock)


def test_arrowed_lists_become_pairs_in_every_revision(paths, clock):
    with _open_old(paths, clock) as store:
        assert store.answer("abstinence-plan", "triggers") == [
            ["Friday night alone", "dinner at my sister's, phone left in my bag"],
            ["Sunday evenings", "call Jo"],
            ["Payday", ""],
        ]
        older = [r.value for r in store.history("abstinence-plan", "triggers")]
        assert [["Friday night alone", "dinner at my sister's"]] in older
        assert store.answer("abstinence-plan", "hooks") == [["'I've changed'", "I do not reply"]]
        # A prompt that became pairs: a line without an arrow keeps its words.
        assert store.answer("abstinence-plan", "warning-signs") == [["Saying 'we' again", ""]]


def test_the_danger_answer_becomes_a_choice_and_nothing_else_changes(paths, clock):
    with _open_old(paths, clock) as store:
        assert store.answer("abstinence-plan", "in-danger") == "Yes"
        exceptions = store.answer("abstinence-plan", "exceptions")
        assert exceptions == ["I do not have to stay in touch"]
        # Lists of prompts that stayed lists keep their arrows as typed.
        assert store.answer("abstinence-plan", "reasons") == ["My sleep → back", "Jo"]
        truths = store.answer("truth-realizations", "truths")
        assert truths == ["Crumbs are not love -> I deserve a full meal"]
        assert store.setting("theme") == "textual-dark"
    saved = json.loads(paths.data_file.read_bytes())
    assert saved["_meta"]["1"]["schema_version"] == SCHEMA_VERSION
    # The file as it was is kept among the backups.
    kept = [b.read_bytes() for b in backups.list_backups(paths)]
    assert SCHEMA_1_FILE.read_bytes() in kept


def test_a_line_splits_at_its_first_arrow_only():
    assert line_to_pair("a → b → c") == ["a", "b → c"]
    assert line_to_pair("  a->b ") == ["a", "b"]
    assert line_to_pair("no arrow") == ["no arrow", ""]
