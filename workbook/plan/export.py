"""The user's plan made from their workbook, and saved as a file: what `workbook plan` and the
plan screen share.

Saving never replaces a file without being told to: a plan is often saved next to an earlier
one, and the earlier one may be the copy a counselor was given.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from workbook.content.loading import Content
from workbook.errors import UserError
from workbook.paths import documents_dir
from workbook.plan.model import Plan, answers_from_store, build_plan
from workbook.plan.render import Renderer
from workbook.store.database import WorkbookStore
from workbook.store.output import write_output
from workbook.tracker.journal import progress_facts

# Neutral for everyone: a file name on a shared computer should not say what it holds.
FILE_STEM = "plan"


class PlanFileExists(UserError):
    """The file chosen for the plan is there already; ask before replacing it."""


def store_plan(
    content: Content,
    store: WorkbookStore | None,
    today: dt.date,
    *,
    include_empty: bool = True,
) -> Plan:
    """The plan of the answers and check-ins in `store` (the live store or a read snapshot);
    None is a workbook where nothing was saved yet."""
    answers = answers_from_store(store) if store else {}
    progress = progress_facts(store, today) if store else None
    plan = build_plan(content, answers, today, progress)
    return plan if include_empty else plan.without_empty()


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
