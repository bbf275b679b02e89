"""A crash report never shows what the user wrote.

Textual prints a traceback with every frame's local variables when an app crashes; the
workbook's frames hold answers. The app is run for real (headless, in a fresh interpreter)
so the report is printed exactly as a user would see it.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

SECRET = "he read my messages every night"

CRASHING_APP = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from textual.app import App

    from workbook.ui.app import WorkbookApp
    from workbook.content.loading import load_content
    from workbook.paths import Paths
    from workbook.ui.screens.exercise_screen import ExerciseScreen
    from workbook.store.database import WorkbookStore

    SECRET = sys.argv[3]  # not in this file, so no source line shown can contain it


    class CrashingExerciseScreen(ExerciseScreen):
        async def on_mount(self) -> None:
            await super().on_mount()
            answer = self.store.answer("mini", "story")  # a local variable holding the words
            raise RuntimeError("could not show " + answer)


    paths = Paths(Path(sys.argv[1]))
    store = WorkbookStore.open(paths)
    store.set_setting("welcome_seen", True)
    store.save_answer("mini", "story", SECRET)
    content = load_content(paths)
    exercise = content.catalog.get("mini")

    if sys.argv[2] == "workbook":
        app = WorkbookApp(content=content, store=store)
    else:  # Textual's own crash report, to show what the workbook's must not do
        class PlainApp(App):
            pass
        app = PlainApp()
    screen = CrashingExerciseScreen(exercise, store, store.clock, start_at="story")
    app.call_later(app.push_screen, screen)
    app.run(headless=True, size=(80, 24))
    store.close()
    """
)


def crash_report(tmp_path: Path, mini_content, paths, which: str) -> str:
    script = tmp_path / "crash.py"
    script.write_text(CRASHING_APP)
    result = subprocess.run(
        [sys.executable, str(script), str(paths.data_dir), which, SECRET],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "", "HOME": str(tmp_path), "COLUMNS": "200", "TERM": "xterm"},
    )
    return result.stdout + result.stderr


def test_a_crash_does_not_print_the_answer(tmp_path, mini_content, paths):
    report = crash_report(tmp_path, mini_content, paths, "workbook")
    assert "RuntimeError" in report  # there was a crash, and it was reported
    assert "Traceback" in report
    assert SECRET not in report
    assert SECRET.split()[-1] not in report  # not even a line-wrapped part of it


def test_textuals_own_report_would_have_shown_it(tmp_path, mini_content, paths):
    """The check above can fail: without the workbook's care, the words are printed."""
    report = crash_report(tmp_path, mini_content, paths, "plain")
    assert "RuntimeError" in report
    assert "every night" in report
