"""Commands wait a moment for each other instead of refusing; a window open is said at once.

Real processes: two `workbook checkin` loops of 100 each run at the same time, and every one
of the 200 check-ins is there at the end.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import threading
import time

from workbook.store.database import COMMAND, COMMAND_WAIT_SECONDS, WorkbookStore
from workbook.tracker.journal import checkins

TODAY = dt.date.today()


def checkin_command(paths, day: dt.date) -> list[str]:
    return [
        sys.executable, "-m", "workbook", "--data-dir", str(paths.data_dir), "checkin",
        "--craving", "3", "--mood", "okay", "--no-contact", "--trigger", "", "--helped", "",
        "--note", "", "--date", day.isoformat(),
    ]  # fmt: skip


def run(command: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_two_checkin_loops_of_a_hundred_all_succeed(paths):
    failures: list[str] = []

    def loop(first_day_back: int) -> None:
        for n in range(100):
            day = TODAY - dt.timedelta(days=first_day_back + n)
            result = run(checkin_command(paths, day))
            if result.returncode != 0:
                failures.append(result.stderr)

    loops = [threading.Thread(target=loop, args=(start,)) for start in (1, 101)]
    for thread in loops:
        thread.start()
    for thread in loops:
        thread.join()
    assert failures == []
    with WorkbookStore.open(paths, backup=False) as store:
        assert len(checkins(store)) == 200


def test_a_command_waits_for_another_commands_moment(paths):
    held = WorkbookStore.open(paths, holder=COMMAND)
    threading.Timer(0.5, held.close).start()
    started = time.monotonic()
    result = run(checkin_command(paths, TODAY - dt.timedelta(days=1)))
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started >= 0.5


def test_a_command_held_too_long_is_a_clear_message(paths):
    with WorkbookStore.open(paths, holder=COMMAND):
        result = run(checkin_command(paths, TODAY))
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"workbook: {paths.data_file}: another workbook command is still")
    assert f"{COMMAND_WAIT_SECONDS:g} seconds" in line and "nothing was changed" in line


def test_when_the_window_is_open_it_says_so_at_once(paths):
    with WorkbookStore.open(paths):  # as the app opens it
        started = time.monotonic()
        result = run(checkin_command(paths, TODAY))
        waited = time.monotonic() - started
    assert result.returncode == 1
    assert "already open in another window" in result.stderr
    assert waited < COMMAND_WAIT_SECONDS
