"""`workbook checkin`: options, questions in a terminal, and never waiting without one."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pytest

from workbook.cli.main import main
from workbook.paths import Paths
from workbook.store.database import WorkbookStore
from workbook.tracker.journal import CheckIn, checkins, save_checkin, set_start_date

# Words no message of the tracker may use: a slip is information, not a verdict.
UNKIND = ("failure", "failed", "relapse", "weak", "reset to zero")
TRACKER_SOURCES = [
    "tracker/journal.py",
    "tracker/records.py",
    "tracker/streak.py",
    "tracker/trends.py",
]


def local_today() -> dt.date:
    # The command uses the real clock and the machine's zone, as a user's run would.
    return dt.datetime.now(dt.timezone.utc).astimezone().date()


def checkin(paths: Paths, *args: str) -> int:
    return main(["--data-dir", str(paths.data_dir), "checkin", *args])


def stored(paths: Paths) -> list[CheckIn]:
    with WorkbookStore.open(paths, backup=False) as store:
        return checkins(store)


class Terminal(io.StringIO):
    """Typed answers, one a line, coming from something that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def assert_kind(text: str) -> None:
    for word in UNKIND:
        assert word not in text.casefold()


@pytest.fixture
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


def test_a_check_in_from_options(paths, capsys, no_terminal):
    code = checkin(
        paths,
        "--craving", "3", "--mood", "okay", "--no-contact",
        "--trigger", "Our song", "--trigger", "Sunday", "--helped", "A walk", "--note", "Tired",
    )  # fmt: skip
    assert code == 0
    assert stored(paths) == [
        CheckIn(local_today(), 3, "okay", "none", ["Our song", "Sunday"], "A walk", "Tired")
    ]
    out = capsys.readouterr().out
    assert out.startswith("Checked in for today.")
    assert "start date" in out  # no start date yet: where to set one
    assert_kind(out)


def test_the_confirmation_counts_the_days(paths, capsys, no_terminal):
    with WorkbookStore.open(paths) as store:
        set_start_date(store, local_today() - dt.timedelta(days=7))
    assert checkin(paths, "--craving", "2", "--mood", "good", "--contact", "allowed") == 0
    out = capsys.readouterr().out
    assert "7 days without contact. A milestone, reached today." in out
    assert "Contact your plan allows: your days keep counting." in out
    assert_kind(out)


def test_contact_outside_the_plan_is_a_slip_and_the_count_agrees(paths, capsys, no_terminal):
    today = local_today()
    with WorkbookStore.open(paths) as store:
        set_start_date(store, today - dt.timedelta(days=10))
    two_days_ago = (today - dt.timedelta(days=2)).isoformat()
    assert checkin(paths, "--craving", "6", "--mood", "low", "--contact", "outside",
                   "--date", two_days_ago) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "counts as a slip" in out
    assert "2 days without contact. Your longest stretch so far: 8 days." in out
    from workbook.tracker.journal import progress_facts, streak_for

    with WorkbookStore.open(paths, backup=False) as store:
        assert streak_for(store, today).days == 2
        assert progress_facts(store, today).days_without_contact == 2
    assert_kind(out)


def test_checking_in_again_with_nothing_new_says_nothing_changed(paths, capsys, no_terminal):
    args = ("--craving", "3", "--mood", "okay", "--no-contact")
    assert checkin(paths, *args) == 0
    before = paths.data_file.read_bytes()
    capsys.readouterr()
    assert checkin(paths, *args) == 0
    assert capsys.readouterr().out.startswith("Nothing changed")
    assert paths.data_file.read_bytes() == before


def test_in_a_terminal_todays_check_in_is_asked_again_enter_keeps_it(paths, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", Terminal(""))
    assert checkin(paths, "--craving", "3", "--mood", "okay", "--no-contact", "--trigger", "",
                   "--helped", "", "--note", "Tired") == 0  # fmt: skip
    monkeypatch.setattr(sys, "stdin", Terminal("5\n\n\n\n\n\n"))
    capsys.readouterr()
    assert checkin(paths) == 0
    out = " ".join(capsys.readouterr().out.split())  # the questions wrap to the terminal
    assert "[Enter keeps: 3]" in out and "[Enter keeps: Tired]" in out
    (kept,) = stored(paths)
    assert (kept.craving, kept.mood, kept.contact, kept.note) == (5, "okay", "none", "Tired")
    monkeypatch.setattr(sys, "stdin", Terminal("\n" * 6))
    assert checkin(paths) == 0
    assert "Nothing changed" in capsys.readouterr().out


def test_a_mood_may_be_shortened_when_it_is_clear(paths, no_terminal):
    assert checkin(paths, "--craving", "0", "--mood", "GR", "--no-contact") == 0
    assert stored(paths)[0].mood == "great"


def test_back_dating_with_date(paths, capsys, no_terminal):
    earlier = local_today() - dt.timedelta(days=3)
    assert checkin(paths, "--craving", "6", "--mood", "low", "--no-contact",
                   "--date", earlier.isoformat()) == 0  # fmt: skip
    assert [c.day for c in stored(paths)] == [earlier]
    assert f"{earlier:%B}" in capsys.readouterr().out  # the day is named, not "today"


def test_checking_in_again_updates_the_day_and_keeps_what_was_not_given(paths, capsys, no_terminal):
    assert checkin(paths, "--craving", "7", "--mood", "low", "--no-contact", "--note", "Hard") == 0
    assert checkin(paths, "--craving", "4") == 0  # the rest comes from the earlier check-in
    (kept,) = stored(paths)
    assert (kept.craving, kept.mood, kept.contact, kept.note) == (4, "low", "none", "Hard")
    assert "Updated your check-in for today." in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--craving", "11"], "0 to 10"),
        (["--craving", "three"], "0 to 10"),
        (["--craving", "-1"], "0 to 10"),
        (["--mood", "fine"], "struggling, low, okay, good, great"),
        (["--date", "14/03/2026"], "year-month-day"),
        (["--date", "2026-02-30"], "no day 2026-02-30"),
        (["--date", "2999-01-01"], "has not happened yet"),
    ],
)
def test_a_bad_value_is_one_clear_line_and_changes_nothing(paths, capsys, no_terminal, args, words):
    with WorkbookStore.open(paths) as store:
        save_checkin(store, CheckIn(local_today(), 5, "okay", "none"), local_today())
    before = paths.data_file.read_bytes()
    code = checkin(paths, "--craving", "2", "--mood", "okay", "--no-contact", *args)
    assert code == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert words in err
    assert "nothing was saved" in err
    assert paths.data_file.read_bytes() == before


def test_without_a_terminal_missing_answers_are_a_usage_error(paths, capsys, no_terminal):
    assert checkin(paths, "--craving", "3") == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: workbook checkin")
    assert "please give --mood and --contact/--no-contact" in err
    assert not paths.data_file.exists()  # not even an empty workbook was made


@pytest.mark.parametrize(
    "flags", [["--contact", "none", "--no-contact"], ["--no-contact", "--contact", "outside"]]
)
def test_contact_and_no_contact_together_is_a_usage_error(paths, capsys, no_terminal, flags):
    assert checkin(paths, "--craving", "3", "--mood", "okay", *flags) == 2
    assert "give --contact or --no-contact, not both" in capsys.readouterr().err
    assert not paths.data_file.exists()


def test_a_real_pipe_that_never_closes_does_not_make_it_wait(paths, tmp_path):
    # stdin is an open pipe nobody writes to: reading it would wait until the timeout.
    command = [sys.executable, "-m", "workbook", "--data-dir", str(paths.data_dir), "checkin"]
    errors = tmp_path / "stderr.txt"
    with (
        errors.open("wb") as err,
        subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=err
        ) as process,
    ):
        try:
            code = process.wait(timeout=30)
        finally:
            process.kill()
    assert code == 2
    assert b"please give --craving and --mood" in errors.read_bytes()
    assert b"Traceback" not in errors.read_bytes()


def test_in_a_terminal_missing_answers_are_asked_for(paths, capsys, monkeypatch):
    with WorkbookStore.open(paths) as store:
        store.save_answer("abstinence-plan", "triggers", ["Sunday evenings", "Our song"])
    answers = ["12", "4", "lo", "maybe", "none", "2", "Called Ana", ""]
    monkeypatch.setattr(sys, "stdin", Terminal("\n".join(answers) + "\n"))
    assert checkin(paths) == 0
    (kept,) = stored(paths)
    assert kept == CheckIn(local_today(), 4, "low", "none", ["Our song"], "Called Ana", "")
    out = capsys.readouterr().out
    assert "1) Sunday evenings; 2) Our song" in out
    assert "The craving is a whole number from 0 to 10" in out  # "12" was asked again
    assert "Please answer none, allowed" in out
    assert_kind(out)


def test_in_a_terminal_only_what_is_missing_is_asked(paths, monkeypatch):
    monkeypatch.setattr(sys, "stdin", Terminal("okay\n2\n\n\n"))
    assert checkin(paths, "--craving", "1", "--no-contact") == 0
    (kept,) = stored(paths)
    # With no triggers of their own listed, a number is just the user's words.
    assert (kept.craving, kept.mood, kept.triggers) == (1, "okay", ["2"])


def test_stopping_halfway_in_a_terminal_saves_nothing(paths, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", Terminal("5\n"))  # then Ctrl+D
    assert checkin(paths) == 1
    assert stored(paths) == []
    assert "nothing was saved" in capsys.readouterr().err


def test_while_the_workbook_is_open_elsewhere_it_says_so(paths, capsys, no_terminal):
    with WorkbookStore.open(paths):
        assert checkin(paths, "--craving", "3", "--mood", "okay", "--no-contact") == 1
    assert "already open" in capsys.readouterr().err
    assert stored(paths) == []


def test_help_names_every_option(capsys):
    assert main(["checkin", "--help"]) == 0
    out = capsys.readouterr().out
    for option in ("--craving", "--mood", "--contact", "--no-contact", "--trigger", "--helped",
                   "--note", "--date"):  # fmt: skip
        assert option in out


def test_no_unkind_words_anywhere_in_the_tracker():
    import workbook

    package = Path(workbook.__file__).parent
    for name in [*TRACKER_SOURCES, "cli/checkin.py", "cli/daily_checkin.py"]:
        assert_kind((package / name).read_text(encoding="utf-8"))


def test_the_tracker_core_does_not_load_textual():
    code = "import sys, workbook.tracker.journal; assert 'textual' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
