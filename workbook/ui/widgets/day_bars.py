"""A row of small bars, one per day (or per few days when space is short), for trends.

Textual's Sparkline cannot show a day without a value, and filling such days in would draw a
line the user never reported. Here a day without a check-in is a dim dot: the gaps show.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from textual.content import Content
from textual.widget import Widget

BLOCKS = "▁▂▃▄▅▆▇█"
GAP = "·"


def bar_cells(values: Sequence[int | None], low: int, high: int, width: int) -> list[str | None]:
    """One bar per cell: the mean of its days on the scale low..high, None for no values."""
    per_cell = max(1, math.ceil(len(values) / max(1, width)))
    cells: list[str | None] = []
    for start in range(0, len(values), per_cell):
        known = [v for v in values[start : start + per_cell] if v is not None]
        if not known:
            cells.append(None)
            continue
        share = (sum(known) / len(known) - low) / (high - low)
        cells.append(BLOCKS[round(min(1.0, max(0.0, share)) * (len(BLOCKS) - 1))])
    return cells


class DayBars(Widget):
    DEFAULT_CSS = """
    DayBars {
        height: 1;
        width: 1fr;
    }
    """

    def __init__(self, low: int, high: int, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="day-bars")
        self.low = low
        self.high = high
        self.values: Sequence[int | None] = ()

    def show(self, values: Sequence[int | None]) -> None:
        self.values = values
        self.refresh()

    def render(self) -> Content:
        cells = bar_cells(self.values, self.low, self.high, self.size.width)
        return Content.from_markup(
            "".join(f"[$text-muted]{GAP}[/]" if cell is None else cell for cell in cells)
        )
