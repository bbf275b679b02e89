"""Clean text on screen: no control or escape character from the user's data reaches the terminal.

An answer, a note or an imported text may hold ESC sequences (`\\e]0;title\\a`, `\\e[2J`)
that a terminal would obey: change its title, clear the screen, worse. Textual and Rich
already strip a few control characters (bell, backspace, carriage return...) from all text
they draw, in one translation table each; `install()` widens both tables, once, at start-up,
so every control character is drawn as a visible symbol instead: C0 characters as the
Unicode "control pictures" (ESC as ␛), DEL as ␡, and C1 characters (which some terminals
read as ESC [) as �. Newlines and tabs are kept, carriage returns still dropped (Windows
line ends). Every widget (labels, inputs, text areas, lists) goes through these tables, so
no screen has to remember to clean its text. The data itself is never changed.

`visible(text)` applies the same mapping to a string, for text drawn by other means.
"""

from __future__ import annotations

KEPT = {ord("\n"), ord("\t")}
DROPPED = {ord("\r")}

VISIBLE: dict[int, str | None] = {
    **{code: chr(0x2400 + code) for code in range(0x20) if code not in KEPT},
    **{code: None for code in DROPPED},
    0x7F: "\u2421",
    **{code: "\ufffd" for code in range(0x80, 0xA0)},
}


def visible(text: str) -> str:
    """`text` with every control character shown as a symbol (newlines and tabs kept)."""
    return text.translate(VISIBLE)


def install() -> None:
    """Make Textual's and Rich's control-code tables (used for all drawn text) ours."""
    import rich.control
    import textual.content

    for table in (textual.content._CONTROL_STRIP_TRANSLATE, rich.control._CONTROL_STRIP_TRANSLATE):
        # Filled in place: the functions that use them hold the tables as default arguments.
        table.update(VISIBLE)  # type: ignore[arg-type]
