"""A screen's keys drawn as one line, like Textual's Footer.

The Footer mounts a widget per key, each with its own styles, and rebuilds them after the
screen's bindings settle: on home that was about 16 ms of a 330 ms start-up (measured against
a plain line, alternating runs). One widget drawing one line shows the same thing at once, and
draws it again when the keys change (focus moving to a widget with keys of its own, as on the
history screen). Each key is a link: a click runs it, as a click on a Footer key does. Unlike
the Footer it leaves out a disabled key rather than dimming it.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.style import Style
from textual.widget import Widget

PALETTE_EDGE = "▏"


class KeyLine(Widget):
    DEFAULT_CSS = """
    KeyLine {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    """
    # The keys keep the Footer's colours; Textual would otherwise underline them as links.
    auto_links = False

    def __init__(self, *, palette: bool = True) -> None:
        super().__init__()
        # False leaves the command palette's key out, as Footer(show_command_palette=False).
        self.palette = palette

    def on_mount(self) -> None:
        # Drawn again when the keys change, as when focus moves to a widget with its own.
        self.screen.bindings_updated_signal.subscribe(self, lambda _screen: self.refresh())

    def shown_keys(self) -> list[Binding]:
        """The screen's bindings that a Footer would show, one per action, in its order."""
        keys: dict[str, Binding] = {}
        for _, binding, enabled, _ in self.screen.active_bindings.values():
            if binding.show and enabled:
                keys.setdefault(binding.action, binding)
        return list(keys.values())

    def palette_key(self) -> Binding | None:
        if not (self.palette and self.app.ENABLE_COMMAND_PALETTE):
            return None
        found = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        return found[1] if found is not None else None

    def key_part(self, binding: Binding, key: str, words: str) -> Content:
        """The key in the key colours, its meaning after it. A click on either presses the
        key, as a click on a Footer key does."""
        click = Style.from_meta({"@click": f"app.simulate_key({binding.key!r})"})
        return Content.assemble(
            (key, Style.parse("bold $footer-key-foreground on $footer-key-background") + click),
            (words, Style.parse("$footer-description-foreground") + click),
        )

    def render(self) -> Content:
        left = Content("").join(
            self.key_part(
                binding, f" {self.app.get_key_display(binding)} ", f"{binding.description} "
            )
            for binding in self.shown_keys()
        )
        palette = self.palette_key()
        if palette is None:
            return left
        right = Content.assemble(
            (PALETTE_EDGE, Style.parse("$foreground 20%")),
            self.key_part(palette, self.app.get_key_display(palette), f" {palette.description}"),
            " ",
        )
        gap = max(1, self.size.width - left.cell_length - right.cell_length)
        return Content.assemble(left, " " * gap, right)
