"""The home footer shows its keys from the first frame, and still follows a change of keys."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Button
from textual.widgets._footer import FooterKey

from workbook.widgets.steady_footer import SteadyFooter


def shown(app: App) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey)]


class Saving(Button):
    BINDINGS = [Binding("ctrl+s", "save", "Save now")]


class FooterApp(App[None]):
    BINDINGS = [Binding("ctrl+q", "quit", "Quick exit")]

    def compose(self) -> ComposeResult:
        yield Button("plain", id="plain")
        yield Saving("saving", id="saving")
        yield SteadyFooter()


async def test_the_footer_follows_the_focused_widgets_keys():
    app = FooterApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Save now" not in shown(app)
        app.query_one("#saving").focus()
        await pilot.pause()
        assert "Save now" in shown(app)
        app.query_one("#plain").focus()
        await pilot.pause()
        assert "Save now" not in shown(app)
        assert "Quick exit" in shown(app)


async def test_home_footer_has_its_keys_when_first_composed(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)):
        # No pause: before any bindings refresh, the keys are already mounted.
        assert "Quick exit" in shown(app)
