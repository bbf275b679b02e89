"""Plan renderers: each a small object with a name, a file extension and one render function.

Found by name (`renderer_named("html")`) or by the file a user asks for
(`renderer_for_file("plan.md")`), like jrnl's exporters.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

import msgspec

from workbook.plan.model import Plan
from workbook.plan.render.html import render_html
from workbook.plan.render.markdown import render_markdown
from workbook.plan.render.text import render_text


class Renderer(msgspec.Struct, frozen=True):
    name: str
    extension: str
    render: Callable[[Plan], str]
    # Other file endings that mean this format.
    also: tuple[str, ...] = ()


RENDERERS: dict[str, Renderer] = {
    renderer.name: renderer
    for renderer in (
        Renderer("text", ".txt", render_text),
        Renderer("markdown", ".md", render_markdown, also=(".markdown",)),
        Renderer("html", ".html", render_html, also=(".htm",)),
    )
}


def renderer_named(name: str) -> Renderer:
    """The renderer called `name`; KeyError for a name that is not one."""
    return RENDERERS[name]


def renderer_for_file(path: str | PurePath) -> Renderer | None:
    """The renderer a file name asks for by its ending (`plan.html` -> html), if any."""
    suffix = PurePath(path).suffix.lower()
    for renderer in RENDERERS.values():
        if suffix == renderer.extension or suffix in renderer.also:
            return renderer
    return None
