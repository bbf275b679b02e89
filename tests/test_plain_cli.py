"""`workbook write` and `workbook --plain` with piped input, as a script would use them: exit
statuses, plain words when the input ends, usage errors, NO_COLOR, and the check-in."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbook.paths import Paths
from workbook.store.database import WorkbookStore
from workbook.tracker.journal import checkin_for, local_date

ROOT = Path(__file__).resolve().parent.parent
EVERY_TYPE = [
    "Robin",
    "We met at work.",
    "",
    "I want my sleep back",
    "",
    "7",
    "2",
    "1 2",
    "2026-03-01",
    "y",
    "y",
]


@pytest.fixture
def env(paths: Paths, mini_content) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("WORKBOOK")}
    environ["WORKBOOK_DATA_DIR"] = str(paths.data_dir)
    return environ


def workbook(env: dict[str, str], *args: str, typed: list[str] | str = ""):
    given = typed if isinstance(typed, str) else "".join(f"{line}\n" for line in typed)
    return subprocess.run(
        [sys.executable, "-m", "workbook", *args],
        input=given,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )


def flat(text: str) -> str:
    return " ".join(text.split())


def stored(paths: Paths) -> dict:
    with WorkbookStore.open(paths, backup=False) as store:
        return store.answers_for("mini")


def test_a_whole_exercise_piped_in(env, paths):
    done = workbook(env, "write", "mini", typed=EVERY_TYPE)

    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "You have answered every question." in flat(done.stdout)
    assert stored(paths) == {
        "name": "Robin",
        "story": "We met at work.",
        "reasons": ["I want my sleep back"],
        "pull": 7,
        "contact": "Messages",
        "blocked": ["Phone", "Email"],
        "start": "2026-03-01",
        "safe": True,
    }
    # Piped, nothing echoes the answers: each prompt still ends its line.
    assert all(len(line) < 80 for line in done.stdout.splitlines())
    assert "\x1b" not in done.stdout


def test_input_ending_mid_question_says_so_and_exits_1(env, paths):
    ended = workbook(env, "write", "mini", typed="Robin\nThe story so far\nno newline")

    assert ended.returncode == 1
    assert "The input ended before question 2 of 8 was answered." in flat(ended.stdout)
    assert "What you typed is saved" in flat(ended.stdout)
    assert stored(paths)["story"] == "The story so far\nno newline"

    resumed = workbook(env, "write", "mini", typed=["", ":quit"])
    assert resumed.returncode == 0
    assert "Question 2 of 8. What happened?" in flat(resumed.stdout)  # its section named first


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["write", "nothing-like-it"], "there is no exercise called 'nothing-like-it'"),
        (["write", "mini", "--from", "99"], "has no question '99'"),
        (["write", "--from", "2"], "--from needs the exercise too"),
    ],
)
def test_what_does_not_exist_is_a_usage_error(env, paths, args, words):
    wrong = workbook(env, *args)
    assert wrong.returncode == 2
    assert words in wrong.stderr
    assert "Traceback" not in wrong.stderr
    assert not paths.data_file.exists()  # nothing was opened or written


def test_an_exercise_by_number_title_or_id_and_a_question_by_id(env, paths):
    by_title = workbook(env, "write", "A small exercise", "--from", "safe", typed=["n"])
    assert by_title.returncode == 0
    assert stored(paths) == {"safe": False}


def test_without_an_exercise_it_asks_and_continues_where_you_left_off(env, paths):
    first = workbook(env, "write", typed=["1", "Robin", ":quit"])
    assert first.returncode == 0, first.stdout
    assert "Which exercise? Answer with its number." in flat(first.stdout)
    assert "not therapy" in first.stdout  # the first-run words, once
    assert "1. A small exercise: 0 of 8 answered." in flat(first.stdout)

    second = workbook(env, "write", typed=["", "", ":quit"])
    assert "Press Enter alone to continue where you left off: A small exercise, question 2." in (
        flat(second.stdout)
    )
    assert "Question 2 of 8. What happened?" in flat(second.stdout)
    assert "not therapy" not in second.stdout


def test_no_colour_even_when_asked_for_a_terminal(env):
    shown = workbook({**env, "TERM": "xterm-256color", "FORCE_COLOR": "1"}, "write", "mini")
    assert "\x1b" not in shown.stdout + shown.stderr
    assert shown.returncode == 1


def test_plain_home_by_environment_with_the_checkin(env, paths):
    done = workbook(
        {**env, "WORKBOOK_PLAIN": "1"},
        typed=["2", "4", "okay", "n", "", "", "", "5"],
    )

    assert done.returncode == 0, done.stderr
    assert "What would you like to do?" in done.stdout
    assert "How strong was the craving today" in flat(done.stdout)
    assert "Checked in for today." in done.stdout
    with WorkbookStore.open(paths, backup=False) as store:
        checkin = checkin_for(store, local_date(store.clock()))
        assert (checkin.craving, checkin.mood) == (4, "okay")
        assert store.setting("welcome_seen") is True


def test_a_workbook_open_elsewhere_is_one_plain_line(env, paths):
    with WorkbookStore.open(paths):
        busy = workbook(env, "write", "mini", typed=["Robin"])
    assert busy.returncode == 1
    assert busy.stderr.count("\n") == 1
    assert "open in another window" in busy.stderr
