"""The figures, their targets and verdicts: one `Row` each, printed as a table or as JSON."""

from __future__ import annotations

import json
import statistics
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

PASS, SHORT, NOT_YET, INFO, ERROR = "pass", "falls short", "not available yet", "", "error"


@dataclass
class Row:
    key: str
    label: str
    value: float | None = None
    unit: str = ""
    # "<=" or ">=" and the bound; None when the figure is shown for context only.
    target: tuple[str, float] | None = None
    status: str = INFO
    # The measured parts behind the figure: medians, run counts, notes.
    detail: dict[str, Any] = field(default_factory=dict)

    def judge(self) -> Row:
        if self.target is not None and self.value is not None and self.status == INFO:
            op, bound = self.target
            ok = self.value <= bound if op == "<=" else self.value >= bound
            self.status = PASS if ok else SHORT
        return self


def median(samples: Sequence[float]) -> float:
    return statistics.median(samples)


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def figure_text(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "x":
        return f"{value:.2f}x"
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "MiB":
        return f"{value:.1f} MiB"
    return f"{value:g} {unit}".strip()


def target_text(row: Row) -> str:
    if row.target is None:
        return ""
    op, bound = row.target
    return f"{'≤' if op == '<=' else '≥'} {figure_text(bound, row.unit)}"


def note_text(row: Row) -> str:
    return str(row.detail.get("note", ""))


def table(rows: Sequence[Row]) -> str:
    columns: list[tuple[str, Callable[[Row], str]]] = [
        ("Measure", lambda r: r.label),
        ("Figure", lambda r: figure_text(r.value, r.unit)),
        ("Target", target_text),
        ("Result", lambda r: r.status),
        ("Notes", note_text),
    ]
    cells = [[name for name, _ in columns]] + [[get(row) for _, get in columns] for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(columns))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines = [line.rstrip() for line in lines]
    return "\n".join(lines)


def markdown_table(rows: Sequence[Row]) -> str:
    """The same table in Markdown, for the README: its figures come from one run, as printed."""
    lines = ["| Measure | Figure | Target | Result | Notes |", "|---|---|---|---|---|"]
    for row in rows:
        cells = [row.label.strip(), figure_text(row.value, row.unit), target_text(row)]
        cells += [row.status, note_text(row)]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines)


def as_json(machine: dict[str, Any], rows: Sequence[Row]) -> str:
    return json.dumps({"machine": machine, "rows": [asdict(row) for row in rows]}, indent=2)
