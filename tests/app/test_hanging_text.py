"""Long bullets and numbered steps wrap under their own words, not under the bullet."""

from __future__ import annotations

from textual.app import App, ComposeResult

from workbook.ui.widgets.hanging_text import HangingText, hang, hang_text

LONG = "• " + "words " * 12 + "end"


def test_a_bullet_wraps_under_its_words():
    lines = hang(LONG, 30)
    assert lines[0].startswith("• words")
    assert all(line.startswith("  ") and not line.startswith("   ") for line in lines[1:])
    assert all(len(line) <= 30 for line in lines)
    assert " ".join(line.strip() for line in lines) == LONG


def test_numbers_plain_lines_and_short_lines():
    assert hang("12. " + "step " * 10, 20)[1].startswith("    step")
    assert hang("plain " * 10, 20)[1].startswith("plain")  # no marker, no indent
    assert hang("• short", 30) == ["• short"]
    assert hang_text("• a\n• b", 30) == ["• a", "• b"]


def test_words_are_shown_as_written_not_as_markup():
    assert hang("[b]not bold[/b] $var", 40) == ["[b]not bold[/b] $var"]


class Showing(App[None]):
    def compose(self) -> ComposeResult:
        yield HangingText(f"{LONG}\n• two", id="text")


async def test_on_screen_its_height_is_the_wrapped_lines():
    app = Showing()
    async with app.run_test(size=(30, 20)) as pilot:
        await pilot.pause()
        widget = app.query_one("#text", HangingText)
        shown = str(widget.render()).split("\n")
        assert widget.size.height == len(shown) == len(hang(LONG, 30)) + 1
        assert shown[1].startswith("  words") and shown[-1] == "• two"
        assert "[b]" not in shown
