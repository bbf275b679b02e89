"""Text whose wrapped lines stay under their first word: "• " items and "1. " steps.

Textual wraps a long line back to the left edge, so a bullet's second line would start under
the bullet. This widget wraps each line itself, at the width it is given, with the later lines
indented as far as the line's marker.
"""

from __future__ import annotations

import re
import textwrap

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

# A line's marker: leading spaces, then a bullet or a number with a dot, then spaces.
MARKER = re.compile(r"^(\s*(?:[•*-]|\d+\.)?\s*)")


def hang(line: str, width: int) -> list[str]:
    """One line wrapped to `width`, its later lines indented under the text after the marker."""
    if width <= 0 or len(line) <= width:
        return [line]
    indent = " " * len(MARKER.match(line).group(1))
    if len(indent) >= width // 2:
        indent = ""  # a marker too wide to hang under: wrap plainly rather than squeeze
    wrapped = textwrap.wrap(
        line,
        width,
        subsequent_indent=indent,
        break_long_words=True,
        break_on_hyphens=False,
        drop_whitespace=True,
    )
    return wrapped or [line]


def hang_text(text: str, width: int) -> list[str]:
    return [wrapped for line in text.split("\n") for wrapped in hang(line, width)]


class HangingText(Widget):
    DEFAULT_CSS = """
    HangingText {
        height: auto;
    }
    """

    def __init__(self, text: str, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.text = text

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(hang_text(self.text, width))

    def render(self) -> Content:
        # Content, not markup: the user's words are shown exactly as written.
        return Content("\n".join(hang_text(self.text, self.content_size.width)))
