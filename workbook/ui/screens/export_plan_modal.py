"""Save the plan as a file: which kind of file, and where. Returns the choice; writes nothing.

A file that is there already is never replaced without asking.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import msgspec
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioSet, Static

from workbook.plan.export import is_taken, suggested_file
from workbook.plan.render import RENDERERS, renderer_for_file, renderer_named
from workbook.ui.screens.confirm_modal import ConfirmModal
from workbook.ui.screens.modal_keys import BUTTON_ARROWS
from workbook.ui.screens.safety_keys import SAFETY_KEYS
from workbook.ui.screens.styles import SCREENS_CSS
from workbook.ui.widgets.answer_field import plain
from workbook.ui.widgets.marks import MarkedRadioButton

# The kinds of file offered, most useful first: (renderer name, what it is, in plain words).
FORMATS = [
    ("html", "A web page (HTML): opens in any browser, prints well"),
    ("text", "Plain text: opens anywhere"),
    ("markdown", "Markdown: plain text with headings, for notes apps"),
]
DEFAULT_FORMAT = "html"


class ExportChoice(msgspec.Struct, frozen=True):
    format: str  # a renderer's name
    path: Path  # a full path
    replace: bool = False  # the user agreed to replace the file that is there


def chosen_path(typed: str, folder: Path) -> Path | None:
    """The full path the user typed; a bare file name goes into `folder`. None: nothing typed."""
    typed = typed.strip()
    if not typed:
        return None
    path = Path(typed).expanduser()
    return path if path.is_absolute() else folder / path


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False  # cannot look: saving will say why


class KeepOrReplaceModal(ConfirmModal):
    """Replace a file? Keeping it is where the focus starts: a second Enter loses nothing."""

    AUTO_FOCUS = "#no"


class ExportPlanModal(ModalScreen[ExportChoice | None]):
    CSS_PATH = SCREENS_CSS
    BINDINGS = [*SAFETY_KEYS, Binding("escape", "dismiss(None)", "Cancel"), *BUTTON_ARROWS]

    def __init__(
        self,
        folder: Path,
        today: dt.date,
        *,
        format: str = DEFAULT_FORMAT,
        path: Path | None = None,
        problem: str = "",
        leaves_out_empty: bool = False,
        protected: bool = False,
    ) -> None:
        super().__init__(classes="modal")
        self.folder = folder
        self.today = today
        self.format = format if format in RENDERERS else DEFAULT_FORMAT
        self.path = path or suggested_file(folder, renderer_named(self.format), today)
        # Why the last try did not work, shown until the user changes something.
        self.problem = problem
        self.problem_path = str(self.path)  # what the path said when the problem was shown
        self.leaves_out_empty = leaves_out_empty
        # A protected workbook's plan is still a plain file: say so, once, here.
        self.protected = protected

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box export-box"):
            yield Static("Save your plan as a file", classes="modal-title")
            with RadioSet(id="export-format", compact=True):
                for name, words in FORMATS:
                    yield MarkedRadioButton(words, value=name == self.format, id=f"format-{name}")
            yield Static("Where to save it", classes="export-label")
            yield Input(str(self.path), id="export-path", compact=True)
            yield Static(plain(self.problem), id="export-problem")
            yield Static(self._note(), classes="modal-hint")
            with Horizontal(classes="modal-buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")

    def _note(self) -> str:
        private = (
            "The file is plain: your passphrase does not protect it. Keep it somewhere safe."
            if self.protected
            else "Only you will be able to open the file on this computer."
        )
        if self.leaves_out_empty:
            return f"Without the empty parts, as on screen. {private}"
        return private

    def on_mount(self) -> None:
        self._show_problem(self.problem)
        self.query_one("#export-path" if self.problem else "#export-format").focus()

    def _show_problem(self, words: str) -> None:
        self.problem_path = self.query_one("#export-path", Input).value
        problem = self.query_one("#export-problem", Static)
        problem.update(plain(words))
        problem.display = bool(words)

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        new = (event.pressed.id or "").removeprefix("format-")
        field = self.query_one("#export-path", Input)
        path = chosen_path(field.value, self.folder)
        if path is not None:
            field.value = str(self._renamed(path, self.format, new))
        self.format = new

    def _renamed(self, path: Path, old: str, new: str) -> Path:
        """The path with the new kind's ending: a fresh suggestion if it was ours."""
        if path == suggested_file(path.parent, renderer_named(old), self.today):
            return suggested_file(path.parent, renderer_named(new), self.today)
        if renderer_for_file(path) is not None:
            return path.with_suffix(renderer_named(new).extension)
        return path

    @on(Input.Changed, "#export-path")
    def _path_changed(self, event: Input.Changed) -> None:
        if event.value != self.problem_path:  # the input says Changed once when it starts
            self._show_problem("")

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        path = chosen_path(self.query_one("#export-path", Input).value, self.folder)
        if path is None:
            self._show_problem("Write where to save the file, for example " + str(self.path))
            return
        if _is_folder(path):
            # A folder was named: the plan goes into it, under the usual name.
            path = suggested_file(path, renderer_named(self.format), self.today)
        choice = ExportChoice(self.format, path)
        if not is_taken(path):
            self.dismiss(choice)
            return
        question = (
            f"There is already a file called {path.name} in {path.parent}. "
            "Replace it with your plan as it is now?"
        )

        def answered(replace: bool | None) -> None:
            if replace:
                self.dismiss(ExportChoice(choice.format, choice.path, replace=True))
            else:
                self._show_problem("Nothing was replaced. Choose another name, or Save again.")
                self.query_one("#export-path", Input).focus()

        self.app.push_screen(KeepOrReplaceModal(question, "Replace it", "Keep it"), answered)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
