"""The user's plan made from their workbook, and saved as a file: what `workbook plan` and the
plan screen share.

Saving never replaces a file without being told to: a plan is often saved next to an earlier
one, and the earlier one may be the copy a counselor was given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from workbook.content.loading import Content
from workbook.content.regions import REGION_SETTING, chosen_region
from workbook.errors import UserError
from workbook.paths import documents_dir
from workbook.plan.model import Plan, answers_from_store, build_plan
from workbook.plan.render import Renderer
from workbook.store.database import WorkbookStore
from workbook.store.output import write_output
from workbook.tracker.journal import progress_facts

# Neutral for everyone: a file name on a shared computer should not say what it holds.
FILE_STEM = "plan"
# The ids of the parts the user leaves out of their plan, remembered per user.
LEAVE_OUT_SETTING = "plan_leave_out"


class PlanFileExists(UserError):
    """The file chosen for the plan is there already; ask before replacing it."""


def store_plan(
    content: Content,
    store: WorkbookStore | None,
    today: dt.date,
    *,
    include_empty: bool = True,
    region_guess: str | None = None,
    leave_out: Iterable[str] | None = None,
) -> Plan:
    """The plan of the answers and check-ins in `store` (the live store or a read snapshot);
    None is a workbook where nothing was saved yet.

    The crisis lines are those of the region the user chose (else `region_guess`). The parts
    in `leave_out` are left out; None leaves out what the user chose on the plan screen."""
    answers = answers_from_store(store) if store else {}
    progress = progress_facts(store, today) if store else None
    region = chosen_region(
        store.setting(REGION_SETTING) if store else None, region_guess, content.resources
    )
    if leave_out is None:
        leave_out = remembered_leave_out(store)
    plan = build_plan(content, answers, today, progress, region=region, leave_out=leave_out)
    return plan if include_empty else plan.without_empty()


def remembered_leave_out(store: WorkbookStore | None) -> list[str]:
    """The parts the user chose to leave out of their plan (on the plan screen)."""
    saved = store.setting(LEAVE_OUT_SETTING, []) if store else []
    return [item for item in saved if isinstance(item, str)] if isinstance(saved, list) else []


def plan_sections(content: Content) -> list[tuple[str, str]]:
    """(id, title) of each part that can be left out: every part but the header."""
    return [(s.id, s.title) for s in content.outline.sections if s.kind != "header"]


def export_folder() -> Path:
    """Where a saved plan goes unless the user says otherwise: their documents folder, or
    their home folder when there is no documents folder."""
    documents = documents_dir()
    return documents if documents.is_dir() else Path.home()


def suggested_file(folder: Path, renderer: Renderer, today: dt.date) -> Path:
    """`plan-2026-03-14.html` in `folder`, or `...-2.html` and on when it is taken."""
    stem = f"{FILE_STEM}-{today.isoformat()}"
    candidate = folder / f"{stem}{renderer.extension}"
    number = 2
    while is_taken(candidate):
        candidate = folder / f"{stem}-{number}{renderer.extension}"
        number += 1
    return candidate


def save_plan(plan: Plan, renderer: Renderer, target: Path, *, replace: bool = False) -> Path:
    """Write the plan to `target` atomically, readable by the user alone (0600), and return
    the full path. UserError (a message to show as it is) when it cannot be written, and
    PlanFileExists when the file is there already and `replace` was not given."""
    target = target.expanduser().absolute()
    if not replace and is_taken(target) and not target.is_dir():
        raise PlanFileExists(f"{target}: there is a file with this name already")
    try:
        written = write_output(renderer.render(plan).encode("utf-8"), str(target))
    except OSError as error:  # a folder we may not even look into
        raise UserError(f"{target}: cannot write there ({error.strerror})") from None
    assert written is not None  # an absolute path is never stdout
    return written


def is_taken(path: Path) -> bool:
    """True when something (a file, a folder) is at `path` already."""
    try:
        return path.exists()
    except OSError:
        return False  # cannot look: writing there will say why
