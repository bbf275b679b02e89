"""`workbook validate [PATH ...]`: check exercise files, plan outline and crisis lines."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbook.content.models import (
    load_exercise_file,
    load_plan_outline,
    load_resources,
)
from workbook.paths import Paths, bundled_exercises_dir
from workbook.store.strict_json import DataFileError


def register(subparsers: argparse._SubParsersAction, parents: list) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "validate", parents=parents, help="check exercise files and your own crisis lines"
    )
    parser.add_argument(
        "paths",
        metavar="PATH",
        nargs="*",
        help="exercise or resources.json files, or folders (default: the bundled exercises, "
        "your own, and your own crisis lines in resources.json in your data folder)",
    )
    return parser


def _files(targets: list[Path]) -> list[Path]:
    files = []
    for target in targets:
        if target.is_dir():
            files.extend(sorted(target.glob("*.json")))
        else:
            files.append(target)
    return [f for f in files if f.name != "schema.json"]


def run(args: argparse.Namespace, paths: Paths) -> int:
    bundled = bundled_exercises_dir()
    if args.paths:
        targets = [Path(p).expanduser() for p in args.paths]
    else:
        targets = [d for d in (bundled, paths.user_exercises_dir) if d.is_dir()]
        if paths.user_resources_file.is_file():
            targets.append(paths.user_resources_file)
    plan_ids = set(load_plan_outline(bundled / "plan.json").section_ids())
    problems: list[str] = []
    seen: dict[str, Path] = {}
    checked = 0
    for path in _files(targets):
        checked += 1
        try:
            if path.name == "plan.json":
                load_plan_outline(path)
            elif path.name == "resources.json":
                load_resources(path)
            else:
                exercise = load_exercise_file(path, plan_ids)
                if exercise.id in seen:
                    earlier = seen[exercise.id]
                    problems.append(f"{path}: the exercise id {exercise.id!r} is used by {earlier}")
                seen[exercise.id] = path
        except DataFileError as error:
            problems.append(str(error))
    for problem in problems:
        print(f"workbook: {problem}", file=sys.stderr)
    if checked == 0:
        print(
            "workbook: no exercise files found in " + ", ".join(map(str, targets)), file=sys.stderr
        )
        return 1
    if not problems:
        where = ", ".join(str(t) for t in targets)
        if checked == 1:
            print(f"The one file is valid: {where}")
        else:
            print(f"All {checked} files are valid: {where}")
    return 1 if problems else 0
