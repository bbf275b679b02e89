"""The benchmark suite stays honest and runnable (the full figures come from benchmarks/run.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from workbook.content.loading import Content
from workbook.paths import Paths
from workbook.store.database import WorkbookStore

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from workload import (  # noqa: E402
    check_same_file,
    fill_by_replacing,
    fill_by_saving,
    focus_prompt,
    make_saves,
)


def test_the_fast_build_gives_the_file_that_saving_one_by_one_gives(
    tmp_path: Path, content: Content
):
    saves = make_saves(content, 300)
    saved, replaced = Paths(tmp_path / "saved"), Paths(tmp_path / "replaced")
    fill_by_saving(saved, saves)
    fill_by_replacing(replaced, saves)

    check_same_file(saved, replaced)
    exercise, prompt_id = focus_prompt(content)
    with WorkbookStore.open(replaced, backup=False) as store:
        assert store.revision_count() == 300
        assert len(store.history(exercise.id, prompt_id)) == 30


def test_a_quick_run_reports_every_figure_as_json(tmp_path: Path):
    run = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--quick", "--json", "--only", "history,open"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert run.returncode == 0, run.stderr
    rows = {row["key"]: row for row in json.loads(run.stdout)["rows"]}
    assert rows["history_store"]["status"] in ("pass", "falls short")
    assert rows["history_store"]["detail"]["revisions"] == 1000
    assert rows["open_50000"]["value"] > 0
    assert rows["history_screen"]["status"] in ("pass", "falls short", "not available yet")


def test_first_open_times_the_screen_it_names(tmp_path: Path):
    data = Paths(tmp_path / "data")
    with WorkbookStore.open(data, backup=False) as store:
        store.set_setting("welcome_seen", True)
    run = subprocess.run(
        [sys.executable, str(BENCHMARKS / "first_open.py"), str(data.data_dir), "crisis"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert run.returncode == 0, run.stderr
    facts = dict(line.split(" ", 1) for line in run.stdout.splitlines())
    assert facts["opened"] == "CrisisScreen"
    assert 0 < float(facts["opened_seconds"]) < 60
