"""The app a protected workbook opens with, before the workbook itself: only the unlock
screen, the crisis lines and the quick exit. Returns the Key, or None when the user left."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from workbook.content.loading import Content
from workbook.paths import Paths
from workbook.store.encryption import Key, unlock
from workbook.ui.screens.unlock_screen import Unlock, UnlockScreen
from workbook.ui.widgets.themes import CALM


class UnlockApp(App[Key | None]):
    TITLE = "workbook"
    CSS_PATH = "workbook.tcss"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quick exit", priority=True),
        Binding("f2,ctrl+r", "show_screen('crisis')", "Crisis lines", priority=True),
    ]

    def __init__(
        self, paths: Paths, content: Content, note: str = "", unlock: Unlock = unlock
    ) -> None:
        super().__init__()
        self.paths = paths
        self.content = content
        self.note = note
        self.unlock = unlock
        self.register_theme(CALM)
        self.theme = CALM.name

    def on_mount(self) -> None:
        self.push_screen(UnlockScreen(self.paths, self.unlock, self.note), self.exit)

    async def action_quit(self) -> None:
        self.exit(None)

    def action_show_screen(self, name: str) -> None:
        from workbook.ui.screens.crisis_screen import CrisisScreen

        if name != "crisis" or isinstance(self.screen, CrisisScreen):
            return  # nothing else is open before unlocking
        resources = self.content
        self.push_screen(
            CrisisScreen(
                resources.resources, resources.user_resources, self.paths.user_resources_file
            )
        )
