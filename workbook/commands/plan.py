"""`workbook plan`: the personal recovery plan, as text, Markdown or HTML.

The plan is read without taking the workbook's lock: printing the plan while the workbook is
open in another window is a normal thing to do, and it is safe, because every save replaces
the data file whole (an atomic rename), so a reader sees the old file or the new one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from tinydb import TinyDB

from workbook import store as store_module
from workbook.commands import UserError, write_output
from workbook.content import load_content
from workbook.paths import Paths
from workbook.plan import Plan, answers_from_store, build_plan
from workbook.plan_render import RENDERERS, Renderer, renderer_for_file, renderer_named
from workbook.storage import DurableStorage, UnreadableDataError

DESCRIPTION = (
    "Your personal recovery plan, made from your answers: to read, keep or print. "
    "Self-help, not therapy."
)


def register(subparsers: argparse._SubParsersAction, parents: list) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "plan",
        parents=parents,
        help="your personal recovery plan, to read or print",
        description=DESCRIPTION,
    )
    parser.add_argument(
        "--format",
        choices=list(RENDERERS),
        help="text, markdown or html (default: text, or what the -o file name ends with)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    parser.add_argument(
        "--no-empty", action="store_true", help="leave out the parts you have not filled in yet"
    )
    return parser


def run(args: argparse.Namespace, paths: Paths) -> int:
    content = load_content(paths)
    for problem in content.problems:
        print(f"workbook: {problem}", file=sys.stderr)
    # The tracker's progress facts join here once the tracker lands (ProgressFacts).
    plan = build_plan(content, read_answers(paths), dt.date.today(), progress=None)
    if args.no_empty:
        plan = plan.without_empty()

    renderer = choose_renderer(args.format, args.output)
    if renderer is None:
        if _to_terminal(args.output) and show_in_terminal(plan):
            return 0
        renderer = renderer_named("text")
    target = write_output(renderer.render(plan).encode("utf-8"), args.output)
    if target is not None:
        print(f"Saved your plan to {target}", file=sys.stderr)
    return 0


def choose_renderer(format_name: str | None, output: str | None) -> Renderer | None:
    """The format asked for, else the one the output file's name implies; None: not said."""
    if format_name:
        return renderer_named(format_name)
    if output and output != "-":
        return renderer_for_file(output) or renderer_named("text")
    return None


def read_answers(paths: Paths) -> dict[tuple[str, str], Any]:
    """The current answers on disk, without the lock and without changing any file."""
    if not paths.data_file.exists():
        return {}  # nothing answered yet: the plan shows where each part comes from
    try:
        db = TinyDB(paths.data_file, storage=DurableStorage, access_mode="r")
    except FileNotFoundError:
        return {}
    except UnreadableDataError as problem:
        raise UserError(
            f"{problem.path}: {problem.problem}. Open the workbook to recover it; "
            "nothing was changed."
        ) from None
    meta = db.table(store_module.META_TABLE).get(doc_id=1) or {}
    if int(meta.get("schema_version", 1)) < store_module.SCHEMA_VERSION:
        # An older file must be migrated (after a backup) before its answers can be read.
        db.close()
        with store_module.WorkbookStore.open(paths) as store:
            return answers_from_store(store)
    snapshot = store_module.WorkbookStore(
        db, paths, store_module.utc_now, None, read_only_reason="read for the plan"
    )
    try:
        return answers_from_store(snapshot)
    finally:
        snapshot.close()


def _to_terminal(output: str | None) -> bool:
    return (output is None or output == "-") and sys.stdout.isatty()


def show_in_terminal(plan: Plan) -> bool:
    """Show the plan with headings and lists styled by rich; False when rich is missing."""
    try:
        from rich.console import Console
        from rich.markdown import Markdown
    except ImportError:
        return False
    from workbook.plan_render.markdown import render_markdown

    console = Console()
    console.print(Markdown(render_markdown(plan)), width=min(console.width, 88))
    return True
