"""`workbook plan`: the personal recovery plan, as text, Markdown or HTML.

The plan is read without taking the workbook's lock: printing the plan while the workbook is
open in another window is a normal thing to do, and it is safe, because every save replaces
the data file whole (an atomic rename), so a reader sees the old file or the new one.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from workbook.errors import UserError
from workbook.paths import Paths
from workbook.store.output import write_output

if TYPE_CHECKING:
    from workbook.plan.model import Plan
    from workbook.plan.render import Renderer

# The names of workbook.plan.render.RENDERERS (a test keeps them equal); the plan's modules
# are imported only when the command runs, so that opening the app does not pay for them.
FORMATS = ("text", "markdown", "html")

DESCRIPTION = (
    "Your personal recovery plan, made from your answers: to read, keep or print. "
    "Self-help, not therapy."
)


PLAIN_PLAN_WORDS = (
    "A plan is plain text, not protected by your passphrase: anyone who opens that file can "
    "read it."
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
        choices=FORMATS,
        help="text, markdown or html (default: text, or what the -o file name ends with)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    parser.add_argument(
        "--no-empty", action="store_true", help="leave out the parts you have not filled in yet"
    )
    parser.add_argument(
        "--leave-out",
        action="append",
        metavar="SECTION",
        help="leave this part out (repeat for more; --list-sections shows the ids). Without "
        "it, the parts left out on the plan screen stay out. The plan says in small type "
        "that parts were left out, without naming them",
    )
    parser.add_argument(
        "--all-sections",
        action="store_true",
        help="put every part in, even those left out on the plan screen",
    )
    parser.add_argument(
        "--list-sections", action="store_true", help="show the parts of the plan and their ids"
    )
    return parser


def run(args: argparse.Namespace, paths: Paths) -> int:
    from workbook.cli.passphrase import key_for
    from workbook.content.loading import load_content
    from workbook.content.regions import guess_region
    from workbook.plan.export import plan_sections, store_plan
    from workbook.plan.render import renderer_named
    from workbook.store.database import read_snapshot, utc_now
    from workbook.tracker.journal import local_date

    content = load_content(paths)
    sections = plan_sections(content)
    if args.list_sections:
        width = max(len(section_id) for section_id, _ in sections)
        for section_id, title in sections:
            print(f"{section_id:<{width}}  {title}")
        return 0
    unknown = [s for s in args.leave_out or [] if s not in {i for i, _ in sections}]
    if unknown:
        raise UserError(
            f"there is no plan section called {unknown[0]!r}; "
            "`workbook plan --list-sections` shows them"
        )
    for problem in content.problems:
        print(f"workbook: {problem}", file=sys.stderr)
    today = local_date(utc_now())
    key = key_for(args, paths)
    with read_snapshot(paths, key=key) as snapshot:
        plan = store_plan(
            content,
            snapshot,
            today,
            include_empty=not args.no_empty,
            region_guess=guess_region(getattr(args, "locale_name", None), content.resources),
            # Given on the command line, or else what was chosen on the plan screen.
            leave_out=[] if args.all_sections else args.leave_out,
        )

    renderer = choose_renderer(args.format, args.output)
    if renderer is None:
        if _to_terminal(args.output) and show_in_terminal(plan):
            return 0
        renderer = renderer_named("text")
    target = write_output(renderer.render(plan).encode("utf-8"), args.output)
    if target is not None:
        print(f"Saved your plan to {target}", file=sys.stderr)
        if key is not None:
            print(PLAIN_PLAN_WORDS, file=sys.stderr)
    return 0


def choose_renderer(format_name: str | None, output: str | None) -> Renderer | None:
    """The format asked for, else the one the output file's name implies; None: not said."""
    from workbook.plan.render import renderer_for_file, renderer_named

    if format_name:
        return renderer_named(format_name)
    if output and output != "-":
        return renderer_for_file(output) or renderer_named("text")
    return None


def _to_terminal(output: str | None) -> bool:
    return (output is None or output == "-") and sys.stdout.isatty()


def show_in_terminal(plan: Plan) -> bool:
    """Show the plan with headings and lists styled by rich; False when rich is missing."""
    try:
        from rich.console import Console
        from rich.markdown import Markdown
    except ImportError:
        return False
    from workbook.plan.render.markdown import render_markdown

    console = Console()
    # Without the title block (for pandoc): the title as a heading rich can show.
    markdown = f"# {plan.title}\n\n" + render_markdown(plan, title_block=False)
    console.print(Markdown(markdown), width=min(console.width, 88))
    return True
