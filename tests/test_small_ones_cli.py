"""The small ones on the command line and in the plan: one trend word, `workbook validate`
checking resources.json, and counting files in good English."""

from __future__ import annotations

import json

from workbook.cli.main import main
from workbook.plan.model import progress_facts
from workbook.tracker.progress import ProgressFacts
from workbook.tracker.trends import CRAVING_TREND_WORDS, FALLING


def test_the_plan_says_the_same_trend_word_as_the_app():
    facts = dict((f.label, f.value) for f in progress_facts(ProgressFacts(craving_trend=FALLING)))
    assert facts["Cravings lately"] == CRAVING_TREND_WORDS[FALLING] == "easing"


def test_validate_checks_your_own_crisis_lines(paths, capsys):
    paths.data_dir.mkdir(parents=True)
    paths.user_resources_file.write_text(json.dumps({"regions": [{"id": "x", "name": "Mine"}]}))
    assert main(["--data-dir", str(paths.data_dir), "validate"]) == 1
    err = capsys.readouterr().err
    assert str(paths.user_resources_file) in err and "lines" in err


def test_validate_of_one_good_file_is_said_in_good_english(paths, capsys, tmp_path):
    good = tmp_path / "resources.json"
    good.write_text(
        json.dumps(
            {"regions": [{"id": "x", "name": "Mine", "lines": [{"name": "Sam", "call": "123"}]}]}
        )
    )
    assert main(["--data-dir", str(paths.data_dir), "validate", str(good)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("The one file is valid:") and "All 1 files" not in out
