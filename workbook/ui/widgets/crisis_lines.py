"""Crisis lines as the screens show them: a region's name, then each line with how to reach
it, when, and what it is for. Used by the crisis screen and under the danger question."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from workbook.content.models import CrisisLine, Region, Resources
from workbook.content.regions import find_region
from workbook.ui.widgets.answer_field import plain

# Lines for someone who may be in danger from their partner.
DANGER_KINDS = ("emergency", "abuse")


def line_details(line: CrisisLine) -> str:
    """How to reach a line and when, then what it is for: the lines under its name."""
    ways = []
    if line.call:
        ways.append(f"Call {line.call}")
    if line.text:
        ways.append(f"Text {line.text}")
    if line.hours:
        ways.append(line.hours)
    return "\n".join(part for part in (" · ".join(ways), line.purpose) if part)


def region_lines(region: Region, lines: list[CrisisLine] | None = None) -> ComposeResult:
    """A region's name and its lines (all, or those given)."""
    yield Static(plain(region.name), classes="crisis-region")
    for line in region.lines if lines is None else lines:
        yield Static(plain(line.name), classes="crisis-line")
        # Its own widget, indented by a margin, so wrapped lines keep the indent.
        yield Static(plain(line_details(line)), classes="crisis-line -details")


def danger_lines(
    resources: Resources, own: Resources | None, region_id: str | None
) -> list[tuple[Region, list[CrisisLine]]]:
    """The user's own lines, then the emergency and domestic-abuse lines of their region (of
    every region when none is known)."""
    found: list[tuple[Region, list[CrisisLine]]] = (
        [(r, r.lines) for r in own.regions] if own else []
    )
    chosen = find_region(resources, region_id)
    for region in [chosen] if chosen else resources.regions:
        lines = [line for line in region.lines if line.kind in DANGER_KINDS]
        if lines:
            found.append((region, lines))
    return found
