"""What the workbook reads from exercise folders: exercises, plan outline, crisis lines."""

from __future__ import annotations

from pathlib import Path

import msgspec

from workbook.content.models import (
    Catalog,
    PlanOutline,
    Resources,
    load_catalog,
    load_plan_outline,
    load_resources,
)
from workbook.paths import Paths, bundled_exercises_dir
from workbook.store.strict_json import DataFileError


class Content(msgspec.Struct):
    catalog: Catalog
    outline: PlanOutline
    resources: Resources
    # The user's own crisis lines file, when they made one and it loaded.
    user_resources: Resources | None = None
    problems: list[str] = msgspec.field(default_factory=list)


def load_content(paths: Paths, bundled: Path | None = None) -> Content:
    """Load bundled content (which must be valid) and the user's additions (which may not be)."""
    bundled = bundled or bundled_exercises_dir()
    outline = load_plan_outline(bundled / "plan.json")
    resources = load_resources(bundled / "resources.json")
    catalog = load_catalog([bundled, paths.user_exercises_dir], set(outline.section_ids()))
    content = Content(catalog, outline, resources, problems=list(catalog.problems))
    if paths.user_resources_file.exists():
        try:
            content.user_resources = load_resources(paths.user_resources_file)
        except DataFileError as error:
            content.problems.append(f"{error}; your own crisis lines were not loaded")
    return content
