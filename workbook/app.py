"""WorkbookApp: the Textual application. Receives its content, store and clock; no globals."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, OptionList

from workbook.content import Content
from workbook.store import Clock, WorkbookStore, utc_now


class WorkbookApp(App[None]):
    TITLE = "workbook"
    BINDINGS = [Binding("ctrl+q", "quit", "Quick exit", priority=True)]

    def __init__(self, content: Content, store: WorkbookStore, clock: Clock = utc_now) -> None:
        super().__init__()
        self.content = content
        self.store = store
        self.clock = clock

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(*(e.title for e in self.content.catalog.exercises))
        yield Footer()
