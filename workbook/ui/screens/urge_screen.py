"""An urge, right now: a minute's slow breathing first, then the user's own words, then a note.

The pause counts down on the app's timers (`set_interval`), so it can be skipped, and tests can
give it a length of their own. After it: the user's reasons, truths, steps for a craving and
support people (from their answers), the crisis lines one key away, and a short form that
notes the urge in the tracker.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical, VerticalScroll
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.timer import Timer
from textual.widgets import Button, ContentSwitcher, Footer, Header, Input, Static

from workbook.content.models import Catalog, ScalePrompt, TextPrompt, YesNoPrompt
from workbook.store.database import Clock, StoreError, WorkbookStore
from workbook.tracker.journal import TrackerInputError, UrgeKit, known_triggers, log_urge, urge_kit
from workbook.ui.screens.leave_modal import DISCARD, KEEP, LeaveModal
from workbook.ui.screens.safety_keys import SAFETY_KEYS
from workbook.ui.screens.styles import SCREENS_CSS
from workbook.ui.widgets.answer_field import plain
from workbook.ui.widgets.hanging_text import HangingText
from workbook.ui.widgets.scale_field import ScaleField
from workbook.ui.widgets.text_field import TextField
from workbook.ui.widgets.yes_no_field import YesNoField

PAUSE_SECONDS = 60
# One slow breath: (words, seconds). Twelve seconds, five breaths a minute.
BREATH = (("Breathe in slowly", 4), ("Hold it, gently", 2), ("Breathe out, slower still", 6))
PAUSE_LEAD = (
    "An urge is a wave: it rises, it peaks, and it passes. You do not have to act on it. "
    "Give it one minute first, and just breathe."
)
NO_KIT = (
    "When you fill in your abstinence plan (your reasons, your steps for a craving, the "
    "people you can reach), your own words will be here for moments like this."
)
STRENGTH = ScalePrompt(
    id="strength",
    label="How strong is it, at its strongest?",
    min_label="faint",
    max_label="overwhelming",
)
DID = TextPrompt(id="did", label="What did you do, or what are you doing?")
PASSED = YesNoPrompt(id="passed", label="Has it passed?")


def breath_words(second: int) -> str:
    """What to do at this second of the pause: in, hold, out, with a count."""
    at = second % sum(length for _, length in BREATH)
    for words, length in BREATH:
        if at < length:
            return f"{words}… {at + 1}"
        at -= length
    return ""


def countdown_words(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def kit_parts(kit: UrgeKit) -> list[tuple[str, str]]:
    """The user's own words as (heading, text) pairs, in the order they help most."""
    parts = []
    if kit.reasons:
        parts.append(("Why you are doing this", "\n".join(f"• {r}" for r in kit.reasons)))
    if kit.craving_steps:
        steps = "\n".join(f"{n}. {step}" for n, step in enumerate(kit.craving_steps, 1))
        parts.append(("Your steps when a craving hits", steps))
    if kit.truths:
        parts.append(("What you know to be true", "\n".join(f"• {t}" for t in kit.truths)))
    if kit.support_people:
        people = "\n".join(f"• {p}" for p in kit.support_people)
        parts.append(("People you can reach now", people))
    return parts


class UrgeScreen(Screen[None]):
    CSS_PATH = SCREENS_CSS
    BINDINGS = [
        *SAFETY_KEYS,
        Binding("ctrl+s", "log", "Note it"),
        Binding("escape", "leave", "Back"),
    ]

    def __init__(
        self,
        store: WorkbookStore,
        catalog: Catalog | None,
        clock: Clock,
        *,
        pause_seconds: int = PAUSE_SECONDS,
    ) -> None:
        super().__init__(classes="urge-screen tracker-screen")
        self.store = store
        self.kit = urge_kit(store, catalog)
        self.known = known_triggers(store)
        self.pause_seconds = pause_seconds
        self.elapsed = 0
        self.timer: Timer | None = None
        self.pausing = True
        self.logged = False

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with ContentSwitcher(id="urge-steps", initial="pause"):
            with Vertical(id="pause"):
                yield Static(PAUSE_LEAD, id="pause-lead")
                yield Static(id="breath")
                yield Static(id="countdown")
                with Center():
                    yield Button("Skip the pause", id="skip", compact=True)
            with VerticalScroll(id="after-pause"):
                yield from self._kit()
                yield Static("Note this urge", classes="tracker-heading")
                yield Static(plain(STRENGTH.label), classes="tracker-label")
                yield ScaleField(STRENGTH, None, id="strength")
                yield Static("What set it off?", classes="tracker-label")
                yield Input(
                    placeholder="A song, a date, a message…",
                    suggester=SuggestFromList(self.known, case_sensitive=False),
                    select_on_focus=False,
                    id="urge-trigger",
                )
                if self.known:
                    yield Static(
                        "Start typing one of your own triggers; → completes it.",
                        classes="tracker-hint",
                    )
                yield Static(plain(DID.label), classes="tracker-label")
                yield TextField(DID, "", id="urge-did")
                yield Static(plain(PASSED.label), classes="tracker-label")
                yield YesNoField(PASSED, None, id="urge-passed", classes="-across")
                yield Button("Note it  ^S", id="log", variant="primary")
        yield Static(id="urge-status", classes="tracker-status")
        yield Footer(show_command_palette=False)

    def _kit(self) -> ComposeResult:
        parts = kit_parts(self.kit)
        if not parts:
            yield Static(NO_KIT, classes="tracker-hint")
        for heading, text in parts:
            yield Static(heading, classes="tracker-label")
            yield HangingText(text, classes="own-words")
        yield Static(
            "If it feels like too much, or you are not safe: F2 for crisis lines, any time.",
            id="urge-crisis",
        )

    def on_mount(self) -> None:
        self.sub_title = "An urge, right now"
        self._show_pause()
        self.query_one("#skip", Button).focus()
        self.timer = self.set_interval(1.0, self._tick)

    # --- the pause ----------------------------------------------------------------------

    def _show_pause(self) -> None:
        left = max(0, self.pause_seconds - self.elapsed)
        self.query_one("#breath", Static).update(breath_words(self.elapsed))
        self.query_one("#countdown", Static).update(countdown_words(left))

    def _tick(self) -> None:
        self.elapsed += 1
        if self.elapsed >= self.pause_seconds:
            self.end_pause()
        else:
            self._show_pause()

    @on(Button.Pressed, "#skip")
    def end_pause(self) -> None:
        if self.timer is not None:
            self.timer.stop()
        if not self.pausing:
            return
        self.pausing = False
        self.query_one("#urge-steps", ContentSwitcher).current = "after-pause"
        self.query_one("#after-pause", VerticalScroll).focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # "Note it" is offered once the pause is over.
        return not (action == "log" and self.pausing)

    # --- noting the urge ----------------------------------------------------------------

    def _typed(self) -> bool:
        return bool(
            self.query_one("#strength", ScaleField).value is not None
            or self.query_one("#urge-trigger", Input).value.strip()
            or self.query_one("#urge-did", TextField).value.strip()
            or self.query_one("#urge-passed", YesNoField).value is not None
        )

    def _write(self) -> str | None:
        """Log the urge; None when kept, else what to say."""
        strength = self.query_one("#strength", ScaleField).value
        if strength is None:
            return "Choose how strong it is, from 0 to 10, and it can be noted."
        try:
            log_urge(
                self.store,
                strength,
                trigger=self.query_one("#urge-trigger", Input).value,
                did=self.query_one("#urge-did", TextField).value,
                passed=self.query_one("#urge-passed", YesNoField).value,
            )
        except TrackerInputError as error:
            return str(error)
        except (OSError, StoreError) as error:
            return f"Could not save just now ({error}). What you wrote is still here."
        self.logged = True
        return None

    def save_now(self) -> bool:
        """On the quick exit: note the urge if it can be (a strength was chosen)."""
        if self.logged or self.query_one("#strength", ScaleField).value is None:
            return True
        return self._write() is None

    @on(Button.Pressed, "#log")
    def action_log(self) -> None:
        if self.pausing:
            self.end_pause()
            return
        problem = self._write()
        if problem is not None:
            status = self.query_one("#urge-status", Static)
            status.update(plain(problem))
            status.add_class("-problem")
            self.query_one("#strength ScaleRow").focus()
            return
        passed = self.query_one("#urge-passed", YesNoField).value
        if passed:
            self.notify("Noted. It passed: you rode it out.", title="An urge, noted")
        else:
            self.notify(
                "Noted. If it is still strong, reach for your people, or the crisis lines (F2).",
                title="An urge, noted",
                timeout=10,
            )
        self.dismiss()

    def action_leave(self) -> None:
        """Back. With something written and not noted yet, ask first: note it, let it go,
        or stay."""
        if self.pausing or self.logged or not self._typed():
            self.dismiss()
            return
        self.app.push_screen(
            LeaveModal(
                "This urge is not noted yet. Note it before you go?",
                keep="Note it",
                discard="Let it go",
            ),
            self._leave_answered,
        )

    def _leave_answered(self, choice: str | None) -> None:
        if choice == KEEP:
            self.action_log()  # leaves once noted; stays, saying why, when it cannot be
        elif choice == DISCARD:
            self.dismiss()
