"""`workbook search WORDS`: find anything you wrote, one result per line.

Like `workbook plan`, it reads a snapshot of the data file without taking the lock, so it
works while the workbook is open in another window (every save replaces the file whole).
The search itself is workbook.search, imported when the command runs.

Each line: where it is, its date, and a snippet with the matches (in bold in a terminal).
Current answers, the tracker and your own crisis lines come first; with --all-versions the
earlier versions of answers follow, in their own list. `--json` is for scripts. Nothing
found exits 1, with a line that says so.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from typing import TYPE_CHECKING, Any

from workbook.errors import UserError
from workbook.paths import Paths

if TYPE_CHECKING:
    from workbook.search.results import Result, SearchResults

EXIT_NOTHING_FOUND, EXIT_USAGE = 1, 2
DEFAULT_LIMIT = 50
# Snippets written to a pipe or a file are this wide; in a terminal, lines fit its width.
PIPE_SNIPPET = 100
BOLD, NOT_BOLD = "\x1b[1m", "\x1b[22m"
EARLIER = "Earlier version · "

DESCRIPTION = (
    "Find anything you wrote: answers, check-in notes, triggers and what helped, urges, "
    "slips and your own crisis lines. Every word must appear, in any order; case and accents "
    "do not matter (cafe finds café). An argument with spaces, or words in double quotes, is "
    'a phrase: workbook search "the funeral".'
)


def register(subparsers: argparse._SubParsersAction, parents: list) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "search",
        parents=parents,
        help="find anything you wrote",
        description=DESCRIPTION,
    )
    parser.add_argument("words", nargs="+", metavar="WORDS", help="what to look for")
    parser.add_argument(
        "--all-versions",
        action="store_true",
        help="look in the earlier versions of your answers too (listed after the others)",
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--limit",
        type=_limit,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"show at most N results of each kind (default {DEFAULT_LIMIT}; 0 for all)",
    )
    return parser


def _limit(text: str) -> int:
    if not (text.isascii() and text.isdigit()):
        raise argparse.ArgumentTypeError(f"a whole number, 0 or more (you gave {text!r})")
    return int(text)


def run(args: argparse.Namespace, paths: Paths) -> int:
    from workbook.content.loading import load_content
    from workbook.search.index import search
    from workbook.search.query import as_query_text, parse_query
    from workbook.store.database import read_snapshot

    query = parse_query(as_query_text(args.words))
    if query.empty:
        print("workbook search: give a word to look for", file=sys.stderr)
        return EXIT_USAGE
    content = load_content(paths)
    for problem in content.problems:
        print(f"workbook: {problem}", file=sys.stderr)
    from workbook.cli.passphrase import key_for

    with read_snapshot(paths, key=key_for(args, paths)) as snapshot:
        if snapshot is None:
            raise UserError(
                f"{paths.data_file}: nothing has been written yet, so there is nothing to find"
            )
        results = search(
            snapshot,
            query,
            catalog=content.catalog,
            own_lines=content.user_resources,
            versions=args.all_versions,
            limit=args.limit or None,
        )
    plain = getattr(args, "plain", False)
    if args.json:
        print(json.dumps(as_json(results), ensure_ascii=False, indent=2))
    elif plain:  # `workbook --plain search` or WORKBOOK_PLAIN=1: sentences, no bold, no columns
        from workbook.cli.plain_mode import terminal_lines
        from workbook.plain.found import found_words

        lines = terminal_lines()
        for paragraph in found_words(results) if results.found else []:
            lines.say(paragraph)
    else:
        print_lines(results)
    if not results.found:
        print(f"workbook: {nothing_found(results, args.all_versions)}", file=sys.stderr)
        return EXIT_NOTHING_FOUND
    more = more_words(results)
    if more and not args.json:
        print(more, file=sys.stderr)
    return 0


def nothing_found(results: SearchResults, all_versions: bool) -> str:
    words = f"nothing you wrote matches “{results.query.text.strip()}”"
    if all_versions:
        return words + ", in any version"
    return words + " (--all-versions looks in earlier versions too)"


def more_words(results: SearchResults) -> str:
    shown = len(results.current) + len(results.versions)
    total = results.current_total + (results.versions_total or 0)
    if shown >= total:
        return ""
    return f"{shown} of {total} shown; --limit 0 shows them all"


# --- lines for people ----------------------------------------------------------------------


def print_lines(results: SearchResults) -> None:
    from workbook.search.places import VERSION, date_words, where_words
    from workbook.search.results import clean_line

    every = results.current + results.versions
    if not every:
        return
    wheres = [
        (EARLIER if r.place.kind == VERSION else "") + clean_line(where_words(r.place))
        for r in every
    ]
    longest = max(len(where) for where in wheres)
    terminal = sys.stdout.isatty()
    if terminal:  # fit the terminal's width: the place cut short if need be
        width = shutil.get_terminal_size().columns
        where_width = min(longest, max(20, width * 2 // 5))
        snippet_width = max(20, width - where_width - 14)
    else:  # for grep and files: every place in full
        where_width, snippet_width = longest, PIPE_SNIPPET
    for result, where in zip(every, wheres, strict=True):
        snippet = result.snippet(snippet_width)
        text = highlighted(snippet.text, snippet.spans) if terminal else snippet.text
        print(f"{cut(where, where_width):<{where_width}}  {date_words(result.place):<10}  {text}")


def cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def highlighted(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], BOLD, text[start:end], NOT_BOLD]
        last = end
    out.append(text[last:])
    return "".join(out)


# --- JSON for scripts ---------------------------------------------------------------------


def as_json(results: SearchResults) -> dict[str, Any]:
    return {
        "query": results.query.text,
        "terms": [list(term.words) for term in results.query.terms],
        "results": [result_json(r) for r in results.current + results.versions],
        "total": {
            "current": results.current_total,
            "earlier_versions": results.versions_total,
        },
    }


def result_json(result: Result) -> dict[str, Any]:
    from workbook.search.places import date_words, where_words

    place = result.place
    snippet = result.snippet()
    return {
        "kind": place.kind,
        "where": where_words(place),
        "date": date_words(place) or None,
        "saved_at": place.saved_at.isoformat() if place.saved_at else None,
        "day": place.day.isoformat() if place.day else None,
        "exercise": place.exercise_id,
        "prompt": place.prompt_id,
        "part": place.part,
        "text": result.text,
        "matches": [list(span) for span in result.spans],
        "snippet": snippet.text,
        "snippet_matches": [list(span) for span in snippet.spans],
    }
