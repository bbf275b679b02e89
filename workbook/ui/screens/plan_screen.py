"""Your recovery plan as it is now: made from your answers, to read when a craving hits, and to
save as a file to print or hand to someone.

The plan is rebuilt each time the screen is shown again (after answering more): it is cheap,
and a plan that lags behind the answers would be a plan nobody trusts.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Footer, Header, Markdown

from workbook.content.loading import Content
from workbook.errors import UserError
from workbook.plan.export import export_folder, save_plan, store_plan
from workbook.plan.model import Plan
from workbook.plan.render import renderer_named
from workbook.plan.render.markdown import render_markdown
from workbook.store.database import Clock, WorkbookStore
from workbook.tracker.journal import local_date
from workbook.ui.screens.export_plan_modal import DEFAULT_FORMAT, ExportChoice, ExportPlanModal
from workbook.ui.screens.safety_keys import SAFETY_KEYS
from workbook.ui.screens.styles import SCREENS_CSS


class PlanScreen(Screen[None]):
    CSS_PATH = SCREENS_CSS
    BINDINGS = [
        *SAFETY_KEYS,
        Binding("escape", "dismiss", "Back"),
        Binding("ctrl+s", "export", "Save as a file"),
        # Its key is written on the checkbox: the footer has no room left at 80 columns.
        Binding("ctrl+e", "toggle_empty", "Leave out empty parts", show=False),
        Binding("space", "page_down", "Next page", show=False),
    ]

    def __init__(self, content: Content, store: WorkbookStore, clock: Clock) -> None:
        super().__init__(classes="plan-screen")
        self.content = content
        self.store = store
        self.clock = clock
        self.shown = ""  # the Markdown on screen, so an unchanged plan is not redrawn
        # Where the last file went this session: the next one goes there too.
        self.folder: Path | None = None
        self.format = DEFAULT_FORMAT

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="plan"):
            yield Markdown(id="plan-text", open_links=False)
        with Horizontal(id="plan-bar"):
            yield Button("Save as a file…", id="export", compact=True)
            yield Checkbox(
                "Leave out the parts not filled in yet (Ctrl+E)", id="leave-out", compact=True
            )
        yield Footer(show_command_palette=False)  # room for the keys that matter here

    async def on_mount(self) -> None:
        self.sub_title = "Your recovery plan"
        self.query_one("#plan").focus()
        await self.show_plan()

    async def on_screen_resume(self) -> None:
        await self.show_plan()

    @property
    def leaves_out_empty(self) -> bool:
        return self.query_one("#leave-out", Checkbox).value

    def plan(self) -> Plan:
        today = local_date(self.clock())
        return store_plan(self.content, self.store, today, include_empty=not self.leaves_out_empty)

    async def show_plan(self) -> None:
        text = render_markdown(self.plan())
        if text == self.shown:
            return
        self.shown = text
        scroll = self.query_one("#plan", VerticalScroll)
        place = scroll.scroll_y
        await self.query_one("#plan-text", Markdown).update(text)
        scroll.scroll_to(y=place, animate=False)  # stay where the reader was

    # --- leaving out the empty parts ------------------------------------------------------

    def action_toggle_empty(self) -> None:
        self.query_one("#leave-out", Checkbox).toggle()

    @on(Checkbox.Changed, "#leave-out")
    async def _leave_out_changed(self) -> None:
        await self.show_plan()
        # Another length of plan: the old place would land somewhere else; start at the top.
        self.query_one("#plan", VerticalScroll).scroll_home(animate=False)

    def action_page_down(self) -> None:
        self.query_one("#plan", VerticalScroll).scroll_page_down()

    # --- saving as a file -----------------------------------------------------------------

    def action_export(self) -> None:
        self.ask_where()

    @on(Button.Pressed, "#export")
    def _export_pressed(self) -> None:
        self.ask_where()

    def ask_where(self, last: ExportChoice | None = None, problem: str = "") -> None:
        modal = ExportPlanModal(
            self.folder or export_folder(),
            local_date(self.clock()),
            format=last.format if last else self.format,
            path=last.path if last else None,
            protected=self.store.protected,
            problem=problem,
            leaves_out_empty=self.leaves_out_empty,
        )
        self.app.push_screen(modal, self.save_as)

    def save_as(self, choice: ExportChoice | None) -> None:
        """Write the plan as chosen; when it cannot be, ask again, saying why."""
        if choice is None:
            return
        try:
            written = save_plan(
                self.plan(), renderer_named(choice.format), choice.path, replace=choice.replace
            )
        except UserError as error:
            # Asked again, with what went wrong, so another place can be tried at once.
            # The path is in the box already: the message need not say it again.
            self.ask_where(choice, f"Not saved: {str(error).removeprefix(f'{choice.path}: ')}")
            return
        self.folder, self.format = written.parent, choice.format
        self.notify(f"Your plan is saved in {written}", title="Saved", timeout=12)
