"""The tracker on screen: the day count on home, the start date, a check-in, an urge, a slip,
and looking back. Everything goes through the keys a person would press."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import ContentSwitcher, OptionList

from workbook.content.loading import load_content
from workbook.tracker.journal import (
    PLAN_EXERCISE,
    TRUTHS_EXERCISE,
    TRUTHS_SECTION,
    CheckIn,
    checkin_for,
    log_urge,
    record_slip,
    save_checkin,
    set_start_date,
    slips,
    start_date,
    streak_for,
    urges,
)
from workbook.ui.screens.checkin_screen import CheckinScreen
from workbook.ui.screens.confirm_modal import ConfirmModal
from workbook.ui.screens.crisis_screen import CrisisScreen
from workbook.ui.screens.home_screen import HomeScreen
from workbook.ui.screens.leave_modal import LeaveModal
from workbook.ui.screens.slip_screen import SlipScreen
from workbook.ui.screens.start_date_modal import StartDateModal
from workbook.ui.screens.tracker_screen import TrackerScreen
from workbook.ui.screens.urge_screen import UrgeScreen
from workbook.ui.widgets.long_text_field import LongTextField

TODAY = dt.date(2026, 3, 14)  # the fixed clock's day (tests run in UTC)
TWO_WEEKS_AGO = TODAY - dt.timedelta(days=14)
IF_I_SLIP = "It does not undo the weeks behind me. Call Sam."


def plan_answers(store) -> None:
    store.save_answer(PLAN_EXERCISE, "reasons", ["I want my sleep back", "My friends miss me"])
    store.save_answer(PLAN_EXERCISE, "craving-steps", ["Breathe for a minute", "Call Sam"])
    store.save_answer(PLAN_EXERCISE, "support-people", ["Sam: 07700 900123"])
    store.save_answer(PLAN_EXERCISE, "triggers", ["Our song", "Friday nights"])
    store.save_answer(PLAN_EXERCISE, "if-i-slip", IF_I_SLIP)


def home_line(app) -> str:
    assert isinstance(app.screen, HomeScreen)
    return str(app.screen.query_one("#streak").render())


def screen_text(screen) -> str:
    return "\n".join(str(widget.render()) for widget in screen.query("Static, HangingText"))


async def open_screen(app, pilot, name: str) -> None:
    await app.run_action(f"show_screen({name!r})")
    await pilot.pause()


# --- the day count on home, and the start date ---------------------------------------------


async def test_start_date_through_the_modal_refuses_a_future_day(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Set your no-contact start date" in home_line(app)
        menu = app.screen.query_one("#home-menu", OptionList)
        menu.highlighted = menu.get_option_index("entry:start-date")
        await pilot.press("enter")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, StartDateModal)
        assert modal.query_one("#start-date").value == TODAY.isoformat()  # today by default

        await pilot.press("ctrl+u", *"2026-03-20", "enter")
        await pilot.pause()
        assert app.screen is modal  # still asking
        problem = str(modal.query_one("#start-date-problem").render())
        assert "has not come yet" in problem and "14 March 2026" in problem
        assert start_date(app.store) is None

        await pilot.press("ctrl+u", *"2026-2-28", "enter")
        await pilot.pause()
        assert start_date(app.store) == dt.date(2026, 2, 28)
        assert home_line(app) == "14 days without contact · a milestone today"
        # Once there is a date, home no longer asks for one.
        assert "entry:start-date" not in [o.id for o in app.screen.query_one(OptionList).options]


async def test_not_a_date_is_explained_and_escape_keeps_nothing(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "start-date")
        await pilot.press("ctrl+u", *"last spring", "enter")
        await pilot.pause()
        assert "is not a date yet" in str(app.screen.query_one("#start-date-problem").render())
        await pilot.press("escape")  # asks: Keep / Discard / Stay
        await pilot.pause()
        assert isinstance(app.screen, LeaveModal)
        await pilot.press("left", "enter")  # from Stay to Discard
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert start_date(app.store) is None


async def test_home_shows_the_longest_stretch_and_todays_check_in(make_app):
    app = make_app()
    set_start_date(app.store, TODAY - dt.timedelta(days=40))
    record_slip(app.store, TODAY - dt.timedelta(days=5), "", TODAY)
    save_checkin(app.store, CheckIn(TODAY, craving=2), TODAY)
    async with app.run_test(size=(80, 24)):
        assert home_line(app) == "5 days without contact · longest: 35 days · checked in today"


# --- a check-in ----------------------------------------------------------------------------


async def test_a_check_in_through_the_screen_lands_in_the_store(make_app):
    app = make_app()
    plan_answers(app.store)
    set_start_date(app.store, TODAY - dt.timedelta(days=3))
    async with app.run_test(size=(80, 24)) as pilot:
        assert home_line(app) == "3 days without contact · a milestone today"
        menu = app.screen.query_one("#home-menu", OptionList)
        menu.highlighted = menu.get_option_index("entry:checkin")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        assert app.focused.id == "date"  # the first field: the day
        await pilot.press("tab", "6")  # then the craving scale
        await pilot.press("tab", "right", "right", "enter")  # mood: okay
        await pilot.press("tab", "enter")  # contact: none
        await pilot.press("tab", "down", "space")  # the second of the user's own triggers
        await pilot.press("tab", *"a text")  # and their own words
        await pilot.press("tab", *"a walk")
        await pilot.press("tab", *"Hard day")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert home_line(app).endswith("· checked in today")
    assert checkin_for(app.store, TODAY) == CheckIn(
        TODAY,
        craving=6,
        mood="okay",
        contact="none",
        triggers=["Friday nights", "a text"],
        helped="a walk",
        note="Hard day",
    )


async def test_todays_check_in_opens_again_to_be_changed(make_app):
    app = make_app()
    save_checkin(app.store, CheckIn(TODAY, craving=8, mood="low", note="Rough"), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "checkin")
        assert "saved earlier" in str(app.screen.query_one("#checkin-title").render())
        await pilot.press("tab", "3", "escape")  # Escape asks: Keep / Discard / Stay
        await pilot.pause()
        assert isinstance(app.screen, LeaveModal)
        assert app.focused.id == "stay"
        await pilot.press("left", "left", "enter")  # Keep them
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert checkin_for(app.store, TODAY) == CheckIn(TODAY, craving=3, mood="low", note="Rough")


async def test_an_earlier_day_can_be_checked_in_but_not_a_day_ahead(make_app):
    app = make_app()
    yesterday = TODAY - dt.timedelta(days=1)
    save_checkin(app.store, CheckIn(yesterday, craving=9, note="Their birthday"), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "checkin")
        app.screen.query_one("#checkin-day Input").focus()
        await pilot.press("ctrl+u", *"2026-03-15")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        assert "has not come yet" in str(app.screen.query_one("#checkin-status").render())

        await pilot.press("ctrl+u", *yesterday.isoformat())
        await pilot.pause()
        # Nothing was typed yet, so yesterday's check-in is shown, to change.
        assert app.screen.query_one("#craving").value == 9
        assert "yesterday" in str(app.screen.query_one("#checkin-title").render())
        app.screen.query_one("#craving ScaleRow").focus()
        await pilot.press("7", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert checkin_for(app.store, yesterday) == CheckIn(yesterday, craving=7, note="Their birthday")
    assert checkin_for(app.store, TODAY) is None


@pytest.mark.parametrize("record", [False, True], ids=["not-now", "record-a-slip"])
async def test_contact_asks_gently_about_a_slip_and_never_records_one_by_itself(make_app, record):
    app = make_app()
    plan_answers(app.store)
    set_start_date(app.store, TWO_WEEKS_AGO)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "checkin")
        await pilot.press("tab", "4", "tab", "tab", "down", "down", "enter", "ctrl+s")  # outside
        await pilot.pause()
        assert checkin_for(app.store, TODAY).contact == "outside"
        assert isinstance(app.screen, ConfirmModal)
        assert "counts as a slip" in screen_text(app.screen)
        if not record:
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert slips(app.store) == []  # no note written; the day still counts as a slip
            assert home_line(app).startswith("A new stretch begins today · longest: 14 days")
            return
        await pilot.press("left", "enter")  # "Write about it" ("Not now" had the focus)
        await pilot.pause()
        assert isinstance(app.screen, SlipScreen)
        assert slips(app.store) == []  # not until the user records it
        await pilot.press("tab", *"They called", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert home_line(app).startswith("A new stretch begins today · longest: 14 days")
    assert [(s.day, s.note) for s in slips(app.store)] == [(TODAY, "They called")]


# --- an urge -------------------------------------------------------------------------------


async def test_an_urge_pause_skipped_own_words_shown_then_logged(make_app):
    app = make_app()
    plan_answers(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, UrgeScreen)
        assert str(screen.query_one("#countdown").render()) == "1:00"
        assert "Breathe in slowly" in str(screen.query_one("#breath").render())
        await pilot.press("enter")  # "Skip the pause" has the focus
        await pilot.pause()
        assert screen.query_one("#urge-steps", ContentSwitcher).current == "after-pause"
        shown = screen_text(screen)
        for own_words in ("I want my sleep back", "1. Breathe for a minute", "2. Call Sam"):
            assert own_words in shown
        assert "Sam: 07700 900123" in shown and "F2" in shown

        await pilot.press("tab", "7")  # strength
        await pilot.press("tab", *"Our so", "right")  # completes one of the user's triggers
        await pilot.press("tab", *"a walk")
        await pilot.press("tab", "enter")  # it passed: yes
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    [urge] = urges(app.store)
    assert (urge.intensity, urge.trigger, urge.did, urge.passed) == (
        7,
        "Our song",
        "a walk",
        True,
    )


async def test_the_pause_ends_by_itself_and_an_urge_needs_a_strength(make_app, clock):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = UrgeScreen(app.store, app.content.catalog, clock, pause_seconds=1)
        await app.push_screen(screen)
        switcher = screen.query_one("#urge-steps", ContentSwitcher)
        for _ in range(30):  # the app's own timer, one second
            if switcher.current == "after-pause":
                break
            await pilot.pause(0.1)
        assert switcher.current == "after-pause"
        assert "your own words will be here" in screen_text(screen)  # no plan answers yet

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert "how strong" in str(screen.query_one("#urge-status").render())
        assert urges(app.store) == []
        await pilot.press("2", "ctrl+s")
        await pilot.pause()
    [urge] = urges(app.store)
    assert (urge.intensity, urge.passed) == (2, None)


async def test_truths_from_the_truth_exercise_are_in_the_urge_kit(make_app, clock, paths):
    app = make_app()
    catalog = load_content(paths).catalog  # the bundled exercises: truths come from one
    truths = catalog.get(TRUTHS_EXERCISE)
    prompt = next(p for p in truths.prompts() if p.plan == TRUTHS_SECTION and p.type == "list")
    app.store.save_answer(TRUTHS_EXERCISE, prompt.id, ["The good days were bait"])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = UrgeScreen(app.store, catalog, clock)
        await app.push_screen(screen)
        await pilot.press("enter")
        await pilot.pause()
        assert "The good days were bait" in screen_text(screen)


# --- a slip --------------------------------------------------------------------------------


async def test_a_slip_restarts_the_count_keeps_the_longest_and_shows_own_words(make_app):
    app = make_app()
    plan_answers(app.store)
    set_start_date(app.store, TWO_WEEKS_AGO)
    async with app.run_test(size=(80, 24)) as pilot:
        assert home_line(app).startswith("14 days without contact")
        await open_screen(app, pilot, "slip")
        screen = app.screen
        assert isinstance(screen, SlipScreen)
        text = screen_text(screen)
        assert IF_I_SLIP in text
        for unkind in ("failure", "relapse", "reset", "back to zero", "fail"):
            assert unkind not in text.lower()
        assert app.focused.id == "date"  # the first field: the day
        await pilot.press("tab", *"A message", "ctrl+s")
        await pilot.pause()
        assert home_line(app) == "A new stretch begins today · longest: 14 days"
    current = streak_for(app.store, TODAY)
    assert (current.days, current.longest) == (0, 14)
    assert [s.note for s in slips(app.store)] == ["A message"]


async def test_the_quick_exit_keeps_a_slip_as_a_draft_and_never_records_it(make_app):
    app = make_app()
    set_start_date(app.store, TWO_WEEKS_AGO)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "slip")
        await pilot.press("tab", *"Not sure it counts", "ctrl+q")
        await pilot.pause()
    assert slips(app.store) == []
    assert streak_for(app.store, TODAY).days == 14

    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        assert home_line(again).startswith("14 days without contact")
        await open_screen(again, pilot, "slip")
        screen = again.screen
        assert "not recorded yet" in screen_text(screen)
        assert screen.query_one("#slip-note", LongTextField).value == "Not sure it counts"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [s.note for s in slips(again.store)] == ["Not sure it counts"]
        await open_screen(again, pilot, "slip")  # recorded: the draft is gone
        assert "not recorded yet" not in screen_text(again.screen)


async def test_going_back_lets_a_slip_draft_go(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "slip")
        await pilot.press("tab", *"A text", "ctrl+q")
        await pilot.pause()

    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await open_screen(again, pilot, "slip")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(again.screen, LeaveModal)
        await pilot.press("enter")  # Enter alone keeps the words ("Stay" has the focus)
        await pilot.pause()
        assert isinstance(again.screen, SlipScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#discard")  # "Let it go"
        await pilot.pause()
        await open_screen(again, pilot, "slip")
        assert "not recorded yet" not in screen_text(again.screen)
        assert again.screen.query_one("#slip-note", LongTextField).value == ""
    assert slips(again.store) == []


async def test_without_own_words_the_slip_screen_says_where_they_come_from(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "slip")
        assert "Your abstinence plan asks" in screen_text(app.screen)


# --- looking back --------------------------------------------------------------------------


async def test_days_without_contact_shows_history_trends_and_changes_an_entry(make_app, clock):
    app = make_app()
    set_start_date(app.store, TODAY - dt.timedelta(days=30))
    for days_ago, craving, mood in [(6, 8, "low"), (4, 6, "okay"), (2, 4, "okay"), (0, 2, "good")]:
        day = TODAY - dt.timedelta(days=days_ago)
        save_checkin(app.store, CheckIn(day, craving=craving, mood=mood), TODAY)
    record_slip(app.store, TODAY - dt.timedelta(days=10), "One call", TODAY)
    log_urge(app.store, 6, trigger="Our song", passed=True)
    clock.advance(minutes=30)
    log_urge(app.store, 8, trigger="Friday nights")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "tracker")
        screen = app.screen
        assert isinstance(screen, TrackerScreen)
        assert str(screen.query_one("#tracker-days").render()) == (
            "10 days without contact · longest: 20 days"
        )
        assert "Counting from 4 March 2026" in str(screen.query_one("#tracker-since").render())
        assert str(screen.query_one("#craving-word").render()) == "easing"
        assert str(screen.query_one("#mood-word").render()) == "lifting"
        assert "2 urges noted in these 30 days; 1 passed" in str(
            screen.query_one("#urge-counts").render()
        )
        listing = screen.query_one("#tracker-history", OptionList)
        headings = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert "Check-in · craving 2 of 10 · mood: good" in headings[0]  # newest first
        assert "10:00  An urge · strength 8 of 10" in headings[1]
        assert "A slip" in headings[-1] and "One call" in headings[-1]

        await pilot.press("t")
        assert "90 days" in str(screen.query_one("#trends-title").render())

        # The urge that had not passed yet: marked as passed now.
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("left", "enter")  # "Yes, it passed" ("Not yet" had the focus)
        await pilot.pause()
        assert [u.passed for u in urges(app.store)] == [True, True]
        assert "2 passed" in str(screen.query_one("#urge-counts").render())

        # The first entry is today's check-in: Enter opens it to change.
        await pilot.press("home", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        assert app.screen.query_one("#craving").value == 2


async def test_a_slip_recorded_by_mistake_can_be_taken_back(make_app):
    app = make_app()
    set_start_date(app.store, TWO_WEEKS_AGO)
    record_slip(app.store, TODAY - dt.timedelta(days=2), "Pressed the wrong thing", TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "tracker")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("left", "enter")  # take it back ("Keep it" had the focus)
        await pilot.pause()
        assert str(app.screen.query_one("#tracker-days").render()).startswith("14 days without")
    assert slips(app.store) == []
    assert [s.note for s in slips(app.store, include_withdrawn=True)] == ["Pressed the wrong thing"]


# --- safety keys ---------------------------------------------------------------------------


async def test_ctrl_q_inside_the_check_in_note_keeps_it_and_exits(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "checkin")
        app.screen.query_one("#note TextArea").focus()
        await pilot.press(*"Nearly", "ctrl+q")
        await pilot.pause()
        assert not app.is_running
    assert checkin_for(app.store, TODAY).note == "Nearly"


async def test_ctrl_q_from_the_urge_screen_exits_at_once(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, UrgeScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
    assert urges(app.store) == []  # nothing to note yet


async def test_f3_opens_an_urge_from_inside_a_text_box(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("open_exercise('mini', 'name')")
        await pilot.pause()
        await pilot.press(*"Rob", "f3")
        await pilot.pause()
        assert isinstance(app.screen, UrgeScreen)
        await pilot.press("f3")  # once is enough: not a second copy
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#text").value == "Rob"


@pytest.mark.parametrize("name", ["checkin", "urge", "slip", "tracker", "start-date"])
async def test_f2_opens_crisis_lines_from_the_tracker_screens(make_app, name):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, name)
        before = app.screen
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is before


async def test_a_check_in_that_cannot_be_kept_never_holds_the_user_in(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "checkin")
        await pilot.press("tab", "5", "shift+tab")
        await pilot.press("ctrl+u", *"2027-01-01", "escape", "left", "left", "enter")  # Keep
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)  # said why it cannot be kept
        assert "has not come yet" in str(app.screen.query_one("#checkin-status").render())
        await pilot.press("escape", "left", "enter")  # Discard
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert checkin_for(app.store, TODAY) is None


async def test_leaving_a_written_slip_unrecorded_is_asked_first(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "slip")
        await pilot.press("tab", *"A call", "escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveModal)
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert isinstance(app.screen, SlipScreen)
        await pilot.press("escape", "enter")  # Enter alone: "Stay" has the focus
        await pilot.pause()
        assert isinstance(app.screen, SlipScreen)
        await pilot.press("escape", "shift+tab", "enter")  # to "Let it go": go back after all
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert slips(app.store) == []


async def test_escape_notes_an_urge_with_a_strength_and_leaves_one_without(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "enter", "tab", "3", "escape")  # skip, strength 3, back
        await pilot.pause()
        assert isinstance(app.screen, LeaveModal)
        await pilot.press("left", "left", "enter")  # "Note it"
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert [u.intensity for u in urges(app.store)] == [3]

        await pilot.press("f3", "enter", "tab", "tab", *"song", "escape")
        await pilot.pause()
        await pilot.press("left", "left", "enter")  # "Note it": it needs a strength first
        await pilot.pause()
        assert isinstance(app.screen, UrgeScreen)
        assert "choose how strong" in str(app.screen.query_one("#urge-status").render()).lower()
        await pilot.press("escape", "left", "enter")  # "Let it go"
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert len(urges(app.store)) == 1


# --- nothing changed by accident ---------------------------------------------------------------


async def test_typing_a_day_in_the_check_in_never_touches_the_other_answers(make_app):
    app = make_app()
    plan_answers(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "checkin")
        await pilot.press("ctrl+u", *"2026-03-09", " ", " ")  # a day, and stray spaces
        await pilot.pause()
        form = app.screen.form()
        assert form.day == dt.date(2026, 3, 9)
        assert (form.craving, form.mood, form.contact, form.triggers) == (None, None, None, [])


async def test_escape_in_the_check_in_asks_and_discard_changes_nothing(make_app):
    app = make_app()
    save_checkin(app.store, CheckIn(TODAY, craving=8, mood="low"), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "checkin")
        await pilot.press("tab", "2", "escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveModal)
        await pilot.press("enter")  # Stay: nothing lost, nothing saved
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        assert app.screen.query_one("#craving").value == 2
        await pilot.press("escape", "left", "enter")  # Discard
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert checkin_for(app.store, TODAY) == CheckIn(TODAY, craving=8, mood="low")


async def test_right_then_enter_in_the_slip_question_declines(make_app):
    app = make_app()
    set_start_date(app.store, TWO_WEEKS_AGO)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "checkin")
        await pilot.press("tab", "4", "tab", "tab", "down", "down", "enter", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        assert app.focused.id == "no"  # the safe choice
        await pilot.press("left")
        assert app.focused.id == "yes"
        await pilot.press("right", "enter")  # the arrow moves back: "Not now"
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert slips(app.store) == []
