"""The command line contract: exit codes, one-line messages, export/import round trips."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_in_process import one_line, run

from workbook.paths import bundled_exercises_dir
from workbook.store.database import WorkbookStore

BAD = Path(__file__).parent / "data" / "bad"


def test_version_and_help(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("workbook ")
    for command in ["export", "import", "validate", "where", "restore"]:
        code, out, _ = run(capsys, command, "--help")
        assert code == 0 and "usage: workbook" in out


def test_bad_usage_exits_2(capsys):
    code, _, err = run(capsys, "no-such-command")
    assert code == 2 and "invalid choice" in err
    code, _, _ = run(capsys, "import")
    assert code == 2


def test_data_dir_from_flag_in_either_place_and_from_environment(capsys, tmp_path, monkeypatch):
    _, out, _ = run(capsys, "--data-dir", str(tmp_path / "a"), "where")
    assert str(tmp_path / "a" / "workbook.json") in out
    _, out, _ = run(capsys, "where", "--data-dir", str(tmp_path / "b"))
    assert str(tmp_path / "b" / "workbook.json") in out
    monkeypatch.setenv("WORKBOOK_DATA_DIR", str(tmp_path / "c"))
    _, out, _ = run(capsys, "where")
    assert str(tmp_path / "c" / "workbook.json") in out


def test_validate_checks_bundled_and_user_exercises(capsys, paths):
    code, out, _ = run(capsys, "--data-dir", str(paths.data_dir), "validate")
    assert code == 0 and "valid" in out
    paths.user_exercises_dir.mkdir(parents=True)
    (paths.user_exercises_dir / "mine.json").write_bytes((BAD / "nan.json").read_bytes())
    code, _, err = run(capsys, "--data-dir", str(paths.data_dir), "validate")
    assert code == 1
    assert one_line(err).startswith(f"workbook: {paths.user_exercises_dir / 'mine.json'}: ")


def test_validate_named_files(capsys):
    code, _, _ = run(capsys, "validate", str(bundled_exercises_dir() / "abstinence-plan.json"))
    assert code == 0
    code, _, err = run(capsys, "validate", str(BAD / "duplicate-key.json"))
    assert code == 1 and "'title' appears twice" in one_line(err)
    code, _, err = run(capsys, "validate", "/no/such/file.json")
    assert code == 1 and "/no/such/file.json: no such file" in one_line(err)


@pytest.fixture
def filled(paths, clock):
    with WorkbookStore.open(paths, clock) as store:
        store.save_answer("truth-realizations", "harms", ["lied", "left me alone"], visit="a")
        clock.advance(days=1)
        store.save_answer("truth-realizations", "harms", ["lied"], visit="b")
        store.save_answer("need-inventory", "pull", 7)
        store.put_record("checkins", "2026-03-14", {"craving": 3, "note": "ok día"})
        store.set_setting("theme", "textual-dark")
    return paths


def test_export_import_export_is_identical(capsys, filled, tmp_path):
    first = tmp_path / "first.json"
    code, _, err = run(capsys, "--data-dir", str(filled.data_dir), "export", "-o", str(first))
    assert code == 0 and str(first) in err
    fresh = tmp_path / "fresh"
    code, out, _ = run(capsys, "--data-dir", str(fresh), "import", str(first))
    assert code == 0 and "3 versions of your answers" in out
    code, again, _ = run(capsys, "--data-dir", str(fresh), "export")
    assert code == 0
    assert again.encode() == first.read_bytes()
    # Importing the same backup twice adds nothing.
    code, out, _ = run(capsys, "--data-dir", str(fresh), "import", str(first))
    assert "Nothing new in" in out and "already has everything" in out


def test_import_merges_with_what_is_there(capsys, filled, tmp_path, clock):
    backup = tmp_path / "backup.json"
    run(capsys, "--data-dir", str(filled.data_dir), "export", "-o", str(backup))
    other = tmp_path / "other"
    with WorkbookStore.open(type(filled)(other), clock) as store:
        clock.advance(days=3)
        store.save_answer("truth-realizations", "harms", ["my own list"])
    run(capsys, "--data-dir", str(other), "import", str(backup))
    with WorkbookStore.open(type(filled)(other), clock) as store:
        values = [r.value for r in store.history("truth-realizations", "harms")]
    assert values == [["my own list"], ["lied"], ["lied", "left me alone"]]


INVALID_BACKUPS = {
    "not JSON": (b'{"format": ', "not valid JSON"),
    "another file": (b'{"hello": 1}', "not a workbook backup"),
    "a newer format": (b'{"format": "workbook-backup", "version": 99}', "newer workbook"),
    "a bad revision": (
        b'{"format": "workbook-backup", "version": 1, "records": {}, "answers": '
        b'[{"exercise": "e", "prompt": "p", "revisions": [{"value": 1, "saved_at": "soon"}]}]}',
        "$.answers[0].revisions[0]: 'soon' is not a date and time",
    ),
    "a record with no key": (
        b'{"format": "workbook-backup", "version": 1, "answers": [], '
        b'"records": {"checkins": [{"updated_at": "2026-01-01T00:00:00+00:00"}]}}',
        "needs a text key",
    ),
}


@pytest.mark.parametrize("case", sorted(INVALID_BACKUPS))
def test_an_invalid_backup_changes_nothing(capsys, filled, tmp_path, case):
    payload, problem = INVALID_BACKUPS[case]
    bad = tmp_path / "bad.json"
    bad.write_bytes(payload)
    before = filled.data_file.read_bytes()
    code, _, err = run(capsys, "--data-dir", str(filled.data_dir), "import", str(bad))
    assert code == 1
    line = one_line(err)
    assert line.startswith(f"workbook: {bad}: ") and problem in line
    assert filled.data_file.read_bytes() == before


def test_import_of_a_missing_file(capsys, paths):
    code, _, err = run(capsys, "--data-dir", str(paths.data_dir), "import", "/no/backup.json")
    assert code == 1 and "/no/backup.json: no such file" in one_line(err)


def test_export_to_a_missing_folder_is_refused_clearly(capsys, filled):
    code, _, err = run(capsys, "--data-dir", str(filled.data_dir), "export", "-o", "/no/dir/x")
    assert code == 1 and "the folder /no/dir does not exist" in one_line(err)


def test_export_while_the_workbook_is_open_elsewhere(capsys, filled):
    with WorkbookStore.open(filled):
        code, _, err = run(capsys, "--data-dir", str(filled.data_dir), "export")
    assert code == 1 and "already open in another window" in one_line(err)


def test_an_unreadable_data_file_is_reported_and_restore_brings_the_backup(capsys, filled):
    filled.data_file.write_bytes(b"\x00garbage")
    code, _, err = run(capsys, "--data-dir", str(filled.data_dir), "export")
    line = one_line(err)
    assert code == 1 and str(filled.data_file) in line and "workbook restore" in line
    code, out, _ = run(capsys, "--data-dir", str(filled.data_dir), "restore")
    assert code == 0 and "Restored" in out
    code, out, _ = run(capsys, "--data-dir", str(filled.data_dir), "export")
    assert code == 0 and json.loads(out)["answers"][0]["prompt"] == "pull"


def test_restore_with_no_backup(capsys, paths):
    code, _, err = run(capsys, "--data-dir", str(paths.data_dir), "restore")
    assert code == 1 and "no good backup" in one_line(err)


def test_the_module_runs_as_a_program(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "workbook", "--data-dir", str(tmp_path), "where"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0 and str(tmp_path / "workbook.json") in result.stdout


def test_export_into_a_closed_pipe_is_quiet(tmp_path, filled):
    result = subprocess.run(
        f"{sys.executable} -m workbook --data-dir {filled.data_dir} export | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout == '{\n  "answe'
    assert "Traceback" not in result.stderr


def test_an_unexpected_bug_never_prints_the_words_involved(capsys, paths, monkeypatch):
    import workbook.cli.where as where

    def broken(args, paths):
        secret = "the words I never told anyone"
        raise ValueError(f"cannot handle {secret!r}")

    monkeypatch.setattr(where, "run", broken)
    code, out, err = run(capsys, "--data-dir", str(paths.data_dir), "where")
    line = one_line(err)
    assert code == 1 and "ValueError" in line and "answers are safe" in line
    assert "never told" not in out + err
