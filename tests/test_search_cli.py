"""`workbook search`: one result per line, JSON for scripts, exit 1 when nothing matched, and
it reads a snapshot, so it works while the workbook is open."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from cli_in_process import one_line, run

from workbook.paths import Paths
from workbook.store.database import WorkbookStore
from workbook.tracker.journal import CheckIn, save_checkin

TODAY = dt.date(2026, 3, 14)


@pytest.fixture
def written(paths: Paths, clock) -> Paths:
    with WorkbookStore.open(paths, clock) as store:
        store.save_answer("truth-realizations", "not-normal", "The funeral was in May.")
        clock.advance(days=2)
        store.save_answer("truth-realizations", "not-normal", "He did not come to the café.")
        save_checkin(
            store,
            CheckIn(dt.date(2026, 3, 12), craving=4, mood="low", note="Called my sister."),
            TODAY,
        )
    return paths


def search(capsys, paths: Paths, *argv: str) -> tuple[int, str, str]:
    return run(capsys, "--data-dir", str(paths.data_dir), "search", *argv)


def test_one_result_per_line_with_where_date_and_snippet(capsys, written):
    code, out, err = search(capsys, written, "cafe")
    assert code == 0 and err == ""
    [line] = out.splitlines()
    assert line.startswith("Truth realizations › In what ways was this not a normal relationship?")
    assert "2026-03-16" in line and line.endswith("He did not come to the café.")
    assert "\x1b" not in line  # no bold outside a terminal


def test_a_check_in_note_is_found_with_its_day(capsys, written):
    code, out, _ = search(capsys, written, "SISTER")
    assert code == 0
    [line] = out.splitlines()
    assert line.split()[:3] == ["Check-in", "·", "note"]
    assert "2026-03-12" in line and "Called my sister." in line


def test_earlier_versions_only_when_asked(capsys, written):
    code, out, err = search(capsys, written, "funeral")
    assert code == 1 and out == ""
    assert "--all-versions" in one_line(err)
    code, out, _ = search(capsys, written, "funeral", "--all-versions")
    assert code == 0
    [line] = out.splitlines()
    assert line.startswith("Earlier version · Truth realizations") and "2026-03-14" in line


def test_an_argument_with_spaces_is_a_phrase(capsys, written):
    code, _, _ = search(capsys, written, "come to the café")
    assert code == 0
    code, _, err = search(capsys, written, "the come")  # the shell's quotes: one phrase
    assert code == 1 and "nothing you wrote matches" in one_line(err)
    code, _, _ = search(capsys, written, "the", "come")  # two words, in any order
    assert code == 0


def test_json_for_scripts(capsys, written):
    code, out, _ = search(capsys, written, "--json", "--all-versions", "funeral", "may")
    assert code == 0
    found = json.loads(out)
    assert found["terms"] == [["funeral"], ["may"]]
    assert found["total"] == {"current": 0, "earlier_versions": 1}
    [result] = found["results"]
    assert result["kind"] == "earlier-version"
    assert (result["exercise"], result["prompt"]) == ("truth-realizations", "not-normal")
    assert result["saved_at"].startswith("2026-03-14T09:30")
    assert [result["text"][s:e] for s, e in result["matches"]] == ["funeral", "May"]
    assert [result["snippet"][s:e] for s, e in result["snippet_matches"]] == ["funeral", "May"]


def test_json_when_nothing_matched_is_still_json(capsys, written):
    code, out, err = search(capsys, written, "--json", "lighthouse")
    assert code == 1
    assert json.loads(out)["results"] == []
    assert "nothing you wrote matches “lighthouse”" in one_line(err)


def test_it_works_while_the_workbook_is_open(capsys, written, clock):
    with WorkbookStore.open(written, clock) as store:  # the app holds the lock
        store.save_answer("truth-realizations", "not-normal", "The lighthouse.")
        code, out, _ = search(capsys, written, "lighthouse")
    assert code == 0 and "The lighthouse." in out


def test_nothing_written_yet(capsys, paths):
    code, out, err = search(capsys, paths, "anything")
    assert code == 1 and out == ""
    assert "nothing has been written yet" in one_line(err)


def test_no_words_to_look_for_is_bad_usage(capsys, written):
    code, _, err = search(capsys, written, ",,")
    assert code == 2 and "give a word" in one_line(err)
    code, _, _ = search(capsys, written, "--limit", "some", "cafe")
    assert code == 2


def test_a_limit_and_a_line_about_the_rest(capsys, paths, clock):
    with WorkbookStore.open(paths, clock) as store:
        for prompt in ("not-normal", "the-highs", "the-cost"):
            store.save_answer("truth-realizations", prompt, "the river")
    code, out, err = search(capsys, paths, "--limit", "2", "river")
    assert code == 0 and len(out.splitlines()) == 2
    assert one_line(err) == "2 of 3 shown; --limit 0 shows them all"
    code, out, err = search(capsys, paths, "--limit", "0", "river")
    assert len(out.splitlines()) == 3 and err == ""


def test_control_characters_in_answers_never_reach_the_terminal(capsys, paths, clock):
    with WorkbookStore.open(paths, clock) as store:
        store.save_answer("truth-realizations", "not-normal", "red\x1b[31m river\x07\nbank")
    code, out, _ = search(capsys, paths, "river")
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out
    assert out.rstrip("\n").endswith("red[31m river · bank")


def test_in_a_terminal_the_matches_are_bold():
    from workbook.cli.search import BOLD, NOT_BOLD, highlighted

    assert highlighted("my sister and me", ((3, 9),)) == f"my {BOLD}sister{NOT_BOLD} and me"


def test_the_real_command_in_a_terminal(written):
    """Run as a person would, in a pseudo-terminal: bold matches, lines fit its width."""
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "60", "LINES": "20"}
    argv = [sys.executable, "-m", "workbook", "--data-dir", str(written.data_dir), "search", "cafe"]
    child = subprocess.run(argv, stdout=follower, stderr=subprocess.PIPE, env=env, timeout=60)
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    assert child.returncode == 0, child.stderr
    text = out.decode()
    assert "\x1b[1mcafé\x1b[22m" in text
    for line in text.splitlines():
        assert len(line.replace("\x1b[1m", "").replace("\x1b[22m", "")) <= 60
