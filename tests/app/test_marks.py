"""A choice shows by its mark, not by colour alone: unchosen buttons are empty."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import RadioSet

from workbook.ui.widgets.marks import MarkedRadioButton, MarkedSelectionList


class Marks(App[None]):
    def compose(self) -> ComposeResult:
        with RadioSet(id="yesno"):
            yield MarkedRadioButton("Yes", id="yes")
            yield MarkedRadioButton("No", id="no")
        yield MarkedSelectionList[str](("Phone", "phone", True), ("Email", "email"), id="ticks")


async def test_radio_buttons_show_a_dot_only_when_chosen():
    app = Marks()
    async with app.run_test(size=(40, 12)) as pilot:
        yes, no = app.query_one("#yes", MarkedRadioButton), app.query_one("#no", MarkedRadioButton)
        assert str(yes.render()).startswith("▐ ▌") and str(no.render()).startswith("▐ ▌")
        await pilot.click("#no")
        await pilot.pause()
        assert str(no.render()).startswith("▐●▌") and str(yes.render()).startswith("▐ ▌")


async def test_a_checklist_shows_an_x_only_when_ticked():
    app = Marks()
    async with app.run_test(size=(40, 12)) as pilot:
        ticks = app.query_one("#ticks", MarkedSelectionList)

        def line(y: int) -> str:
            return "".join(segment.text for segment in ticks.render_line(y))

        assert line(0).startswith("▐X▌ Phone") and line(1).startswith("▐ ▌ Email")
        ticks.focus()
        await pilot.press("down", "space")
        await pilot.pause()
        assert line(1).startswith("▐X▌ Email")
        await pilot.press("up", "space")
        await pilot.pause()
        assert line(0).startswith("▐ ▌ Phone")
