"""Where the benchmarks touch parts of the workbook that are still being built.

Everything that guesses at an interface not yet on this branch lives here, so that after a
merge only this file needs a look. Each function raises `NotAvailable` when the part it needs
does not exist yet (the row then says "not available yet"); when the part exists but does not
behave as guessed, it raises a plain error naming this file, and the run fails loudly.

Expected interfaces:
- `workbook plan --format markdown|html` on the command line (plan branch);
- the home screen lists the exercises (an OptionList, or a Button per exercise) and Enter
  on one opens its exercise screen (screens branch);
- on the exercise screen a longtext prompt is a Textual `TextArea`, autosaving as one types;
- the history of the focused prompt opens with a key whose binding's action names "history",
  on a screen whose class name has "History" in it (pushed within 5 s).
"""

from __future__ import annotations

import asyncio
import importlib.util
import subprocess
import sys
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import TextArea


class NotAvailable(Exception):
    """The part being measured is not on this branch yet."""


# Settings a returning user has, so that start-up shows the home screen and not a first-run
# welcome. Fill in the real names once the screens land, e.g. {"welcomed": True}.
RETURNING_USER_SETTINGS: dict[str, object] = {"welcome_seen": True}

PLAN_FORMATS = ("markdown", "html")


def require_screens() -> None:
    if importlib.util.find_spec("workbook.ui.screens") is None:
        raise NotAvailable("the screens (workbook/ui/screens/) are not merged yet")


# --- the plan command ------------------------------------------------------------------------


def plan_argv(data_dir: Path, fmt: str) -> list[str]:
    """The command a user runs to print their plan; its output goes to stdout."""
    return [sys.executable, "-m", "workbook", "--data-dir", str(data_dir), "plan", "--format", fmt]


def require_plan_command(data_dir: Path) -> None:
    probe = subprocess.run(
        [sys.executable, "-m", "workbook", "--data-dir", str(data_dir), "plan", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    if probe.returncode == 2 and "invalid choice" in probe.stderr:
        raise NotAvailable("`workbook plan` is not merged yet")
    if probe.returncode != 0:
        raise RuntimeError(f"adapters.py: `workbook plan --help` failed: {probe.stderr.strip()}")


# --- the exercise screen -------------------------------------------------------------------


async def open_exercise(pilot: Pilot, title: str, prompt_id: str | None = None) -> None:
    """Open the exercise called `title` at `prompt_id`, as "Continue where you left off" does."""
    require_screens()
    app = pilot.app
    await pilot.pause()
    exercise = next((e for e in app.content.catalog.exercises if e.title == title), None)
    if exercise is None:
        raise RuntimeError(f"adapters.py: the workbook has no exercise called {title!r}")
    app.action_open_exercise(exercise.id, prompt_id)
    for _ in range(5000):
        if app.screen.query(TextArea):
            break
        await asyncio.sleep(0.001)
    await pilot.pause()


def longtext_area(pilot: Pilot, prompt_id: str) -> TextArea:
    """The TextArea of a longtext prompt on the exercise screen: the one whose own id or an
    ancestor's id names the prompt, else the first one."""
    areas = list(pilot.app.screen.query(TextArea))
    if not areas:
        raise RuntimeError("adapters.py: the exercise screen has no TextArea for a longtext prompt")
    for area in areas:
        for node in area.ancestors_with_self:
            if node.id and prompt_id in node.id:
                return area
    return areas[0]


async def open_history(pilot: Pilot) -> None:
    """Open the history of the focused prompt, and return once its screen is painted.

    The key's action is run directly, not through `pilot.press`, whose idle waits (20 ms
    steps) would be timed too."""
    require_screens()
    app = pilot.app
    bindings = [
        active
        for active in app.screen.active_bindings.values()
        if "history" in active.binding.action and active.enabled
    ]
    if not bindings:
        raise RuntimeError("adapters.py: no key on the exercise screen opens a history")
    await app.run_action(bindings[0].binding.action, bindings[0].node)
    for _ in range(5000):
        if "History" in type(app.screen).__name__:
            break
        await asyncio.sleep(0.001)
    else:
        raise RuntimeError(f"adapters.py: the history opened {type(app.screen).__name__}")
    await app.screen.wait_for_refresh()


async def open_plan_screen(pilot: Pilot) -> None:
    """Open the plan screen as its key does, and return once the plan is on it, painted.

    The action is run directly, not through `pilot.press`, whose idle waits would be timed."""
    require_screens()
    app = pilot.app
    await app.run_action("show_screen('plan')")
    for _ in range(10000):
        if "Plan" in type(app.screen).__name__ and app.screen.query(".plan-block"):
            break
        await asyncio.sleep(0.001)
    else:
        raise RuntimeError(f"adapters.py: the plan key opened {type(app.screen).__name__}")
    await app.screen.wait_for_refresh()
