"""The style sheet of every screen past home.

workbook.tcss holds only what the first screen needs, so that start-up parses little CSS.
Every other screen names screens.tcss as its CSS_PATH; Textual reads it when the first such
screen opens, once per session.
"""

from __future__ import annotations

from pathlib import Path

SCREENS_CSS = Path(__file__).resolve().parent.parent / "screens.tcss"
