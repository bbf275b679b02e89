"""Plain mode's conversation on the small exercise: every prompt type answered, revisited and
changed in lines, saved through the store as the app saves (the same revisions and drafts)."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from workbook.plain.conversation import Conversation, Ending, numbers_in, resume_place
from workbook.plain.dates import read_date, spoken_date
from workbook.plain.lines import Lines
from workbook.plain.words import crisis_words, without_markdown
from workbook.store.drafts import RESUME_SETTING, saved_draft

TODAY = dt.date(2026, 3, 14)

EVERY_TYPE = [
    "Robin",  # text
    "We met at work.",  # longtext: two lines, then an empty line
    "It was good at first.",
    "",
    "I want my sleep back",  # list: two items, then an empty line
    "My friends",
    "",
    "7",  # scale
    "4",  # choice: 4 is "Something else"
    "Seeing their posts",
    "1, 3",  # checklist
    "14 March 2026",  # date, then the confirmation
    "y",
    "n",  # yes/no
]


def talk(store, content, lines: list[str], start: int | None = 0, width: int = 80):
    exercise = content.catalog.get("mini")
    out = io.StringIO()
    plain = Lines(io.StringIO("".join(f"{line}\n" for line in lines)), out, width)
    conversation = Conversation(
        plain,
        store,
        exercise,
        lambda: crisis_words(content.resources, content.user_resources),
        lambda: TODAY,
    )
    return conversation.run(start), out.getvalue()


def flat(said: str) -> str:
    """What was said, as one line: sentences are checked whatever the wrapping."""
    return " ".join(said.split())


def test_every_prompt_type_is_answered_and_saved(store, mini_content):
    ending, said = talk(store, mini_content, EVERY_TYPE, start=None)

    assert ending is Ending.FINISHED
    assert store.answers_for("mini") == {
        "name": "Robin",
        "story": "We met at work.\nIt was good at first.",
        "reasons": ["I want my sleep back", "My friends"],
        "pull": 7,
        "contact": "Other: Seeing their posts",
        "blocked": ["Phone", "Social media"],
        "start": "2026-03-14",
        "safe": False,
    }
    # One revision per answer, however many lines it took.
    assert all(len(store.history("mini", p)) == 1 for p in store.answers_for("mini"))
    assert "A small exercise" in said and "one prompt of each kind" in said  # the intro
    assert "**" not in said
    assert "Section 1 of 2: Words. Prompts you answer in words. Question 1 of 8." in flat(said)
    assert "Section 1 of 2, question 2 of 8. What happened?" in flat(said)
    assert "Section 2 of 2, question 8 of 8." in flat(said)
    assert "0 means no pull, 10 means overwhelming." in flat(said)
    assert "4. Something else, in your own words" in flat(said)
    assert "That is Saturday 14 March 2026. Is that right?" in flat(said)
    assert "You have answered every question." in flat(said)


def test_answers_are_shown_first_and_enter_keeps_them(store, mini_content):
    talk(store, mini_content, EVERY_TYPE, start=None)
    before = store.answers_for("mini")

    ending, said = talk(store, mini_content, [""] * 8, start=0)

    assert ending is Ending.FINISHED
    assert store.answers_for("mini") == before
    assert all(len(store.history("mini", p)) == 1 for p in before)  # nothing new
    for words in (
        "Your answer now: Robin. Press Enter alone to keep it.",
        "Your answer now:\nWe met at work.\nIt was good at first.\nPress Enter alone",
        "Your answer now:\n1. I want my sleep back\n2. My friends\n",
        "Your answer now: 7 (from 0 to 10).",
        "Your answer now: 4. Seeing their posts.",
        "Your answer now: 1. Phone; 3. Social media.",
        "Your answer now: Saturday 14 March 2026.",
        "Your answer now: no.",
    ):
        assert words in said if "\n" in words else words in flat(said)


def test_a_revisit_changes_answers_each_a_new_revision(store, mini_content):
    talk(store, mini_content, EVERY_TYPE, start=None)

    changed = ["Sam", "", "One more reason", "", "3", "2", "2 3", "yesterday", "y", "yes"]
    ending, _ = talk(store, mini_content, changed, start=0)

    assert ending is Ending.FINISHED
    answers = store.answers_for("mini")
    assert answers["name"] == "Sam"
    assert answers["story"] == "We met at work.\nIt was good at first."  # kept
    assert answers["reasons"] == ["I want my sleep back", "My friends", "One more reason"]
    assert answers["pull"] == 3
    assert answers["contact"] == "Messages"
    assert answers["blocked"] == ["Email", "Social media"]
    assert answers["start"] == "2026-03-13"
    assert answers["safe"] is True
    assert [r.value for r in store.history("mini", "name")] == ["Sam", "Robin"]


def test_wrong_answers_are_asked_again_kindly(store, mini_content):
    lines = ["", "", "", "11", "seven", "5", "0", "9", "2", "1 1 9", "2", "", ""]
    ending, said = talk(store, mini_content, lines, start=0)

    assert ending is Ending.FINISHED
    assert flat(said).count("Please answer with a whole number from 0 to 10.") == 2
    assert "Please answer with a number from 1 to 4." in flat(said)
    assert "Please answer with numbers from 1 to 4." in flat(said)
    assert store.answer("mini", "pull") == 5
    assert store.answer("mini", "contact") == "Messages"
    assert store.answer("mini", "blocked") == ["Email"]


def test_a_date_is_said_back_and_a_wrong_one_is_kept_as_a_draft(store, mini_content, clock):
    ending, said = talk(store, mini_content, ["next full moon"], start=6)

    assert ending is Ending.INPUT_ENDED
    assert "“next full moon” is not a date I can read." in flat(said)
    assert saved_draft(store, "mini", "start") == "next full moon"  # the app's draft
    assert store.answer("mini", "start") is None

    ending, said = talk(store, mini_content, ["3/4/2026", "n", "3 April 2026", "y", ""], 6)
    assert "You wrote earlier: “next full moon”, which is not a date yet." in flat(said)
    assert "That is Friday 3 April 2026." in flat(said)
    assert store.answer("mini", "start") == "2026-04-03"
    assert saved_draft(store, "mini", "start") is None


def test_commands_move_about_and_help(store, mini_content):
    lines = [
        "?",
        "Robin",
        ":back",
        "",
        ":skip",
        ":outline",
        "8",
        ":crisis",
        ":outline",
        "",
        ":quit",
    ]
    ending, said = talk(store, mini_content, lines, start=0)

    assert ending is Ending.QUIT
    assert "There is no extra help for this question." in flat(said)
    assert ":outline for the list of questions" in flat(said)
    assert "This is the first question." not in said
    assert said.lower().count("question 1 of 8.") == 2  # :back from question 2 came back to 1
    assert "1. What should we call you? (answered)" in flat(said)
    assert "2. What happened? (open)" in flat(said)
    assert "If you are in danger right now, call your local emergency number." in flat(said)
    assert "988" in flat(said)
    assert store.answer("mini", "safe") is None
    assert "You stopped at question 8; next time you continue there." in flat(said)
    assert resume_place(mini_content.catalog.get("mini"), store) == 7


def test_back_at_the_first_question_stays_and_clear_empties(store, mini_content):
    talk(store, mini_content, EVERY_TYPE, start=None)
    ending, said = talk(store, mini_content, [":back", ":clear", "", ":quit"], start=0)

    assert "This is the first question." in flat(said)
    assert store.answer("mini", "name") == ""
    assert [r.value for r in store.history("mini", "name")] == ["", "Robin"]
    assert ending is Ending.QUIT


def test_input_ending_mid_answer_keeps_what_was_typed(store, mini_content):
    exercise = mini_content.catalog.get("mini")
    out = io.StringIO()
    typed = io.StringIO("First line\nsecond line without an end")
    conversation = Conversation(Lines(typed, out, 80), store, exercise, list, lambda: TODAY)

    assert conversation.run(1) is Ending.INPUT_ENDED
    assert store.answer("mini", "story") == "First line\nsecond line without an end"
    assert "The input ended before question 2 of 8 was answered." in flat(out.getvalue())
    assert store.setting(RESUME_SETTING)["prompts"]["mini"] == "story"
    assert resume_place(exercise, store) == 1  # the next run starts here


@pytest.mark.parametrize("width", [40, 80])
def test_no_line_is_longer_than_the_terminal(store, mini_content, width):
    _, said = talk(store, mini_content, [*EVERY_TYPE, ":crisis"], start=None, width=width)
    assert max(len(line) for line in said.splitlines()) < width
    assert "\x1b" not in said


def test_dates_in_words():
    for words, day in [
        ("today", TODAY),
        ("Yesterday", TODAY - dt.timedelta(days=1)),
        ("3 days ago", TODAY - dt.timedelta(days=3)),
        ("2026-3-1", dt.date(2026, 3, 1)),
        ("1/3/2026", dt.date(2026, 3, 1)),
        ("March 1st, 2026", dt.date(2026, 3, 1)),
        ("1st of March", dt.date(2026, 3, 1)),
        ("sept 9 2025", dt.date(2025, 9, 9)),
    ]:
        assert read_date(words, TODAY) == day, words
    for words in ("", "soon", "31 February 2026", "13/13/2026", "March", "5 6 7"):
        assert read_date(words, TODAY) is None, words
    assert spoken_date(dt.date(2026, 3, 14)) == "Saturday 14 March 2026"


def test_numbers_and_markdown():
    assert numbers_in("1, 3", 4) == [1, 3]
    assert numbers_in("3 1 3", 4) == [3, 1]
    with pytest.raises(ValueError):
        numbers_in("1 2", 4, most=1)
    assert without_markdown("**It takes an hour.** Go _slowly_.") == "It takes an hour. Go slowly."


def test_a_read_only_workbook_says_nothing_is_changed(paths, clock, mini_content):
    import json

    from workbook.store.database import SCHEMA_VERSION, WorkbookStore

    with WorkbookStore.open(paths, clock) as store:
        store.save_answer("mini", "name", "Robin")
    data = json.loads(paths.data_file.read_text())
    data["_meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1  # written by a newer version
    paths.data_file.write_text(json.dumps(data))
    before = paths.data_file.read_bytes()

    with WorkbookStore.open(paths, clock) as store:
        ending, said = talk(store, mini_content, ["Sam", ":quit"], start=0)

    assert ending is Ending.QUIT
    assert "open read-only" in flat(said)
    assert "Your answer now: Robin." in flat(said)
    assert "Nothing was changed: this workbook is open read-only." in flat(said)
    assert paths.data_file.read_bytes() == before
