"""Your recovery plan as it is now: made from your answers, to read when a craving hits, and to
save as a file to print or hand to someone.

The plan is rebuilt each time the screen is shown again (after answering more): it is cheap,
and a plan that lags behind the answers would be a plan nobody trusts. When it changes (empty
parts hidden, parts chosen) the reader stays in the part they were reading.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Footer, Header, Static

from workbook.content.loading import Content
from workbook.errors import UserError
from workbook.plan.export import (
    LEAVE_OUT_SETTING,
    export_folder,
    plan_sections,
    remembered_leave_out,
    save_plan,
    store_plan,
)
from workbook.plan.model import Plan
from workbook.plan.render import renderer_named
from workbook.store.database import Clock, WorkbookStore
from workbook.tracker.journal import local_date
from workbook.ui.screens.export_plan_modal import DEFAULT_FORMAT, ExportChoice, ExportPlanModal
from workbook.ui.screens.plan_parts_modal import PlanPartsModal
from workbook.ui.screens.safety_keys import SAFETY_KEYS
from workbook.ui.screens.styles import SCREENS_CSS
from workbook.ui.widgets.plan_view import plan_blocks


class PlanScreen(Screen[None]):
    CSS_PATH = SCREENS_CSS
    BINDINGS = [
        *SAFETY_KEYS,
        Binding("escape", "dismiss", "Back"),
        Binding("ctrl+s", "export", "Save as a file"),
        # Their keys are written on the bar: the footer has no room left at 80 columns.
        Binding("ctrl+e", "toggle_empty", "Hide empty parts", show=False),
        Binding("p", "choose_parts", "Choose parts", show=False),
        Binding("space", "page_down", "Next page", show=False),
    ]

    def __init__(
        self,
        content: Content,
        store: WorkbookStore,
        clock: Clock,
        region_guess: str | None = None,
    ) -> None:
        super().__init__(classes="plan-screen")
        self.content = content
        self.store = store
        self.clock = clock
        self.region_guess = region_guess
        self.shown: Plan | None = None  # the plan on screen, so an unchanged one is not redrawn
        # Where the last file went this session: the next one goes there too.
        self.folder: Path | None = None
        self.format = DEFAULT_FORMAT

    def compose(self) -> ComposeResult:
        yield Header()
        yield VerticalScroll(id="plan")
        with Horizontal(id="plan-bar"):
            yield Button("Save as a file…", id="export", compact=True)
            yield Button("Choose parts… (P)", id="choose-parts", compact=True)
            yield Checkbox("Hide empty parts (Ctrl+E)", id="leave-out", compact=True)
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
        return store_plan(
            self.content,
            self.store,
            today,
            include_empty=not self.leaves_out_empty,
            region_guess=self.region_guess,
        )

    async def show_plan(self) -> None:
        plan = self.plan()
        if plan == self.shown:
            return
        self.shown = plan
        scroll = self.query_one("#plan", VerticalScroll)
        place = self._reading_place(scroll)
        blocks = [Static(text, id=name, classes="plan-block") for name, text in plan_blocks(plan)]
        with self.app.batch_update():
            await scroll.remove_children()
            await scroll.mount_all(blocks)
        # Once laid out: back to the part the reader was in, as far into it as they were.
        self.call_after_refresh(self._return_to, scroll, place)

    @staticmethod
    def _reading_place(scroll: VerticalScroll) -> tuple[list[str], int]:
        """The ids of the blocks from the one at the top of the view onwards, and how far
        into that block the view starts."""
        blocks = list(scroll.query_children(Static))
        top = scroll.scroll_y
        for index, block in enumerate(blocks):
            region = block.virtual_region
            if region.y + region.height > top:
                return [str(b.id) for b in blocks[index:]], int(top - region.y)
        return [], 0

    @staticmethod
    def _return_to(scroll: VerticalScroll, place: tuple[list[str], int]) -> None:
        ids, offset = place
        for position, block_id in enumerate(ids):
            found = scroll.query(f"#{block_id}")
            if found:
                block = found.first()
                # The same block: as far into it as before. A later one (the part read was
                # left out): its top.
                inside = min(offset, max(block.virtual_region.height - 1, 0)) if not position else 0
                scroll.scroll_to(y=block.virtual_region.y + inside, animate=False)
                return

    # --- choosing what goes in ----------------------------------------------------------

    def action_toggle_empty(self) -> None:
        self.query_one("#leave-out", Checkbox).toggle()

    @on(Checkbox.Changed, "#leave-out")
    async def _leave_out_changed(self) -> None:
        await self.show_plan()

    def action_choose_parts(self) -> None:
        modal = PlanPartsModal(plan_sections(self.content), remembered_leave_out(self.store))
        self.app.push_screen(modal, self._parts_chosen)

    @on(Button.Pressed, "#choose-parts")
    def _choose_parts_pressed(self) -> None:
        self.action_choose_parts()

    async def _parts_chosen(self, left_out: list[str] | None) -> None:
        if left_out is None:
            return
        self.store.set_setting(LEAVE_OUT_SETTING, left_out)  # remembered for next time
        await self.show_plan()

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
