"""`workbook plan` from the command line: formats, files, and a workbook open elsewhere."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbook.cli.main import main
from workbook.paths import Paths
from workbook.store import database as store_module
from workbook.store.database import StoreLockedError, WorkbookStore, utc_now
from workbook.store.storage import encode_database, read_database_file
from workbook.tracker import journal as tracker

STORY = "We met at work. *It felt like magic.*"


@pytest.fixture
def answered(paths: Paths, mini_content, store) -> Paths:
    """A workbook with a few answers, closed again (the store fixture holds the lock)."""
    store.save_answer("mini", "name", "Sam")
    store.save_answer("mini", "story", STORY)
    store.save_answer("mini", "reasons", ["I want my sleep back"])
    store.close()
    return paths


def plan(paths: Paths, *args: str) -> int:
    return main(["--data-dir", str(paths.data_dir), "plan", *args])


@pytest.mark.parametrize(
    ("fmt", "start"),
    [
        ("text", "MY RECOVERY PLAN\n"),
        ("markdown", '---\ntitle: "My recovery plan"\n'),
        ("html", "<!DOCTYPE"),
    ],
)
def test_each_format_goes_to_stdout(answered, capsys, fmt, start):
    assert plan(answered, "--format", fmt) == 0
    out, err = capsys.readouterr()
    assert out.startswith(start)
    assert "I want my sleep back" in out
    assert err == ""


def test_piped_without_a_format_it_is_plain_text(answered, capsys):
    assert plan(answered) == 0
    out = capsys.readouterr().out
    assert out.startswith("MY RECOVERY PLAN\n")
    assert "\x1b[" not in out


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_each_format_goes_to_a_file(answered, capsys, tmp_path, fmt):
    assert plan(answered, "--format", fmt) == 0
    on_stdout = capsys.readouterr().out
    target = tmp_path / "my plan.out"
    assert plan(answered, "--format", fmt, "-o", str(target)) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"Saved your plan to {target}\n"
    assert target.read_text(encoding="utf-8") == on_stdout
    assert target.stat().st_mode & 0o077 == 0  # private, like everything else the user wrote


@pytest.mark.parametrize(
    ("name", "start"), [("plan.html", "<!DOCTYPE"), ("plan.md", "---\ntitle: ")]
)
def test_the_file_name_chooses_the_format_when_none_is_given(answered, tmp_path, name, start):
    assert plan(answered, "-o", str(tmp_path / name)) == 0
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(start)


def test_no_empty_leaves_out_parts_without_answers(answered, capsys):
    assert plan(answered, "--format", "markdown") == 0
    full = capsys.readouterr().out
    assert "## Daily maintenance" in full and "Nothing here yet" in full
    assert plan(answered, "--format", "markdown", "--no-empty") == 0
    short = capsys.readouterr().out
    assert "## Daily maintenance" not in short and "Nothing here yet" not in short
    assert "## Truths I hold on to" in short and "## Why I'm doing this" in short


@pytest.mark.parametrize("where", ["missing/plan.txt", "."])
def test_an_unwritable_path_is_one_clear_line(answered, capsys, tmp_path, where):
    target = tmp_path / where
    assert plan(answered, "-o", str(target)) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and str(target.absolute().resolve()) in err
    assert "Traceback" not in err


def test_an_unknown_format_is_bad_usage(answered, capsys):
    assert plan(answered, "--format", "pdf") == 2
    assert "invalid choice" in capsys.readouterr().err


def test_the_plan_reads_while_this_process_holds_the_workbook(paths, mini_content, store, capsys):
    store.save_answer("mini", "story", "Saved a moment ago.")
    with pytest.raises(StoreLockedError):
        WorkbookStore.open(paths)  # the lock really is held
    assert plan(paths, "--format", "text") == 0
    assert "Saved a moment ago." in capsys.readouterr().out


HOLDER = """
import sys
from pathlib import Path
from workbook.paths import Paths
from workbook.store.database import WorkbookStore

with WorkbookStore.open(Paths(Path(sys.argv[1]))) as store:
    store.save_answer("mini", "story", "Written while the workbook is open.")
    print("holding", flush=True)
    sys.stdin.read()
"""


def test_the_plan_reads_while_another_process_has_the_workbook_open(paths, mini_content, capsys):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(paths.data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        assert main(["--data-dir", str(paths.data_dir), "export"]) == 1  # the lock is held
        assert "already open in another window" in capsys.readouterr().err
        assert plan(paths, "--format", "html") == 0
        out, err = capsys.readouterr()
        assert "Written while the workbook is open." in out
        assert err == ""
    finally:
        holder.stdin.close()
        holder.wait(timeout=20)
    assert holder.returncode == 0


def test_a_workbook_never_opened_gives_the_plan_and_creates_nothing(paths, mini_content, capsys):
    assert plan(paths, "--format", "markdown") == 0
    out = capsys.readouterr().out
    assert "Nothing here yet: the exercises “A small exercise” and" in out
    assert not paths.data_file.exists() and not paths.lock_file.exists()


def test_a_damaged_data_file_is_one_line_and_left_alone(paths, mini_content, capsys):
    paths.data_file.write_bytes(b'{"answers": {"1": ')
    assert plan(paths) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and str(paths.data_file) in err and "damaged" in err
    assert paths.data_file.read_bytes() == b'{"answers": {"1": '
    assert sorted(p.name for p in paths.data_dir.iterdir()) == ["exercises", "workbook.json"]


def test_an_older_data_file_is_migrated_before_it_is_read(answered, capsys, monkeypatch):
    current = store_module.SCHEMA_VERSION
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", current + 1)
    monkeypatch.setattr(store_module, "MIGRATIONS", [*store_module.MIGRATIONS, lambda t: t])
    assert plan(answered, "--format", "text") == 0
    assert "I want my sleep back" in capsys.readouterr().out
    schema = read_database_file(answered.data_file)["_meta"]["1"]["schema_version"]
    assert schema == current + 1


def test_a_broken_exercise_file_of_the_users_is_named_and_the_plan_still_made(answered, capsys):
    (answered.user_exercises_dir / "broken.json").write_text("{", encoding="utf-8")
    assert plan(answered, "--format", "text") == 0
    out, err = capsys.readouterr()
    assert "I want my sleep back" in out
    assert "broken.json" in err


def test_ten_thousand_revisions_give_the_newest_answers(paths, mini_content, capsys):
    revisions = [
        {"value": f"Version {n}", "saved_at": f"2026-03-14T09:{n // 600 % 60:02d}:00+00:00"}
        for n in range(10_000)
    ]
    answers = {"1": {"exercise": "mini", "prompt": "story", "revisions": revisions}}
    paths.data_file.write_bytes(
        encode_database({"_meta": {"1": {"schema_version": 1}}, "answers": answers})
    )
    assert plan(paths, "--format", "markdown") == 0
    out = capsys.readouterr().out
    assert "Version 9999" in out and "Version 9998" not in out


def test_the_plan_command_loads_neither_textual_nor_rich_when_piped(answered):
    code = (
        "import sys\n"
        "from workbook.cli.main import main\n"
        f"main(['--data-dir', {str(answered.data_dir)!r}, 'plan', '--format', 'html'])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print('LOADED', loaded, file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "LOADED []" in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_on_a_terminal_the_plan_is_shown_styled(answered):
    import pty

    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "80", "LINES": "24", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    child = subprocess.Popen(
        [sys.executable, "-m", "workbook", "--data-dir", str(answered.data_dir), "plan"],
        stdout=follower,
        stderr=subprocess.PIPE,
        env=env,
        cwd=Path(__file__).parent.parent,
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert child.wait(timeout=20) == 0, child.stderr.read()
    text = shown.decode("utf-8", "replace")
    assert "\x1b[" in text  # styled
    assert "My commitment" in text and "## My commitment" not in text
    assert "It felt like magic." in text  # the user's own asterisks, shown as written
    assert "*It felt like magic.*" in text


def test_the_plan_shows_the_trackers_progress(paths, capsys):
    today = tracker.local_date(utc_now())
    with WorkbookStore.open(paths) as store:
        tracker.set_start_date(store, today - dt.timedelta(days=12))
    assert main(["--data-dir", str(paths.data_dir), "plan", "--format", "markdown"]) == 0
    progress = capsys.readouterr().out.split("## Progress")[1].split("## ")[0]
    assert "12 days" in progress


def test_the_format_choices_are_the_renderers():
    from workbook.cli.plan import FORMATS
    from workbook.plan.render import RENDERERS

    assert list(FORMATS) == list(RENDERERS)


def test_list_sections_shows_each_id_and_title(answered, capsys):
    assert plan(answered, "--list-sections") == 0
    out = capsys.readouterr().out.splitlines()
    assert any(line.split()[0] == "truths" and "Truths I hold on to" in line for line in out)
    assert not any(line.split()[0] == "header" for line in out)


def test_leave_out_is_repeatable_and_the_plan_says_parts_were_left_out(answered, capsys):
    assert plan(answered, "--format", "markdown") == 0
    whole = capsys.readouterr().out
    assert "I want my sleep back" in whole and "left out" not in whole
    assert plan(answered, "--format", "markdown", "--leave-out", "reasons") == 0
    some = capsys.readouterr().out
    assert "I want my sleep back" not in some and "Why I'm doing this" not in some
    assert "Some parts of this plan were left out of this copy." in some
    assert plan(answered, "--leave-out", "reasons", "--leave-out", "truths") == 0


def test_an_unknown_section_is_one_clear_line(answered, capsys):
    assert plan(answered, "--leave-out", "secrets") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'secrets'" in err and "--list-sections" in err


def test_the_choice_made_on_the_plan_screen_is_used_unless_told_otherwise(answered, capsys):
    with WorkbookStore.open(answered) as store:
        store.set_setting("plan_leave_out", ["reasons"])
    assert plan(answered, "--format", "text") == 0
    assert "I want my sleep back" not in capsys.readouterr().out
    assert plan(answered, "--format", "text", "--all-sections") == 0
    assert "I want my sleep back" in capsys.readouterr().out
