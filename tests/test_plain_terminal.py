"""Plain mode in a real pseudo-terminal, end to end: every prompt type typed as a person types
it, a visit that resumes, and every way out (Ctrl+D, Ctrl+C, a closed window) keeping what was
typed. No colour, no cursor movement, no line longer than the terminal."""

from __future__ import annotations

import os
import re
import sys

import pytest
from terminal import Terminal

from workbook.paths import Paths
from workbook.store.database import WorkbookStore
from workbook.store.drafts import RESUME_SETTING

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")

# Anything that moves the cursor, colours or clears: an escape or a carriage return on its own.
CONTROL = re.compile(r"\x1b|\r(?!\n)")


@pytest.fixture
def env(paths: Paths, mini_content) -> dict[str, str]:
    """The small exercise (every prompt type) in the data folder; a terminal's environment."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("WORKBOOK", "TEXTUAL"))}
    environ.update(TERM="xterm-256color", WORKBOOK_DATA_DIR=str(paths.data_dir), TZ="UTC")
    environ.pop("NO_COLOR", None)
    environ.pop("COLUMNS", None)
    return environ


@pytest.fixture
def terminals():
    opened: list[Terminal] = []

    def start(args: list[str], env: dict[str, str], columns: int = 80) -> Terminal:
        terminal = Terminal(args, env, columns=columns)
        opened.append(terminal)
        return terminal

    yield start
    for terminal in opened:
        terminal.close()


def answers(paths: Paths) -> dict:
    with WorkbookStore.open(paths, backup=False) as store:
        return store.answers_for("mini")


def check_plain(text: str, columns: int) -> None:
    assert not CONTROL.search(text), repr(CONTROL.search(text))
    longest = max(text.replace("\r\n", "\n").split("\n"), key=len)
    assert len(longest) <= columns, longest


def test_a_whole_exercise_answered_and_revisited(terminals, env, paths):
    term = terminals(["write", "mini"], env)
    term.expect("A small exercise")
    term.expect("Section 1 of 3: Words. Prompts you answer in words.")
    term.expect("Question 1 of 9. What should we call you?")
    term.expect("Answer in one line, then press Enter.")
    term.type("Robin")
    term.expect("Section 1 of 3, question 2 of 9. What happened?")
    term.expect("An empty line ends your answer.")
    term.type("We met at work.", "It was good at first.", "")
    term.expect("question 3 of 9. Your reasons")
    term.expect("Write one reason a line. An empty line ends the list.")
    term.type("I want my sleep back", "My friends", "")
    term.expect("0 means no pull, 10 means overwhelming.")
    term.type("7")
    term.expect("4. Something else, in your own words")
    term.type("4")
    term.expect("Something else, in your own words:")
    term.type("Seeing their posts")
    term.expect("answer with their numbers, like 1, 3.")
    term.type("1, 3")
    term.expect("Answer with a date, as you would say it")
    term.type("14 March 2026")
    term.expect("That is Saturday 14 March 2026. Is that right? y or n")
    term.type("y")
    term.expect("Do you feel safe at home? Answer y for yes or n for no.")
    term.type("n")
    term.expect("Section 3 of 3: Pairs. Question 9 of 9.")
    term.expect("Trigger:")
    term.type("Friday night alone")
    term.expect("What I'll do instead:")
    term.type("Call my sister")
    term.expect("Trigger:")
    term.type("")
    term.expect("That was the last question of A small exercise.")
    assert term.wait() == 0
    check_plain(term.text, 80)
    assert answers(paths) == {
        "name": "Robin",
        "story": "We met at work.\nIt was good at first.",
        "reasons": ["I want my sleep back", "My friends"],
        "pull": 7,
        "contact": "Other: Seeing their posts",
        "blocked": ["Phone", "Social media"],
        "start": "2026-03-14",
        "safe": False,
        "triggers": [["Friday night alone", "Call my sister"]],
    }

    again = terminals(["write", "mini", "--from", "4"], env)
    again.expect("Section 2 of 3: Choices. Question 4 of 9. How strong is the pull today?")
    again.expect("Your answer now: 7 (from 0 to 10). Press Enter alone to keep it.")
    again.type("")
    again.expect("Your answer now: 4. Seeing their posts.")
    again.type("2")
    again.expect("question 6 of 9")
    again.type(":quit")
    again.expect("Your answers are saved. You stopped at question 6")
    assert again.wait() == 0
    assert answers(paths)["pull"] == 7
    assert answers(paths)["contact"] == "Messages"

    resumed = terminals(["write", "mini"], env)  # no --from: where the user left off
    resumed.expect("Question 6 of 9. Where have you blocked them?")
    resumed.expect("Your answer now: 1. Phone; 3. Social media.")
    resumed.type(":quit")
    assert resumed.wait() == 0


def test_ctrl_d_in_a_long_answer_keeps_the_lines_and_the_unfinished_one(terminals, env, paths):
    term = terminals(["write", "mini", "--from", "2"], env)
    term.expect("What happened?")
    term.expect("An empty line ends your answer. >")  # asked: the program waits for a line
    term.type("The first line.")
    term.expect("The first line.")  # the terminal's echo
    term.expect(">")  # asked for the next line: the first one is saved
    term.type("half a line", enter=False)
    term.press("ctrl+d")  # sends the unfinished line
    term.press("ctrl+d")  # and then the end of the input
    term.expect("The input ended before question 2 of 9 was answered. What you typed is saved")
    assert term.wait() == 1
    assert answers(paths)["story"] == "The first line.\nhalf a line"


def test_ctrl_c_keeps_what_was_typed_even_the_unfinished_line(terminals, env, paths):
    term = terminals(["write", "mini", "--from", "3"], env)
    term.expect("Your reasons")
    term.expect("An empty line ends the list. >")
    term.type("My sleep")
    term.expect("My sleep")
    term.expect(">")
    term.type("My friends, half typed", enter=False)
    term.expect("My friends, half typed")  # echoed: it is in the terminal's line
    term.press("ctrl+c")
    term.expect("Stopped. What you typed is saved.")
    assert term.wait() == 130
    assert answers(paths)["reasons"] == ["My sleep", "My friends, half typed"]


def test_a_closed_window_keeps_what_was_typed_and_frees_the_workbook(terminals, env, paths):
    term = terminals(["write", "mini", "--from", "2"], env)
    term.expect("What happened?")
    term.expect("An empty line ends your answer. >")
    term.type("Typed just before the window closed.")
    term.expect("Typed just before the window closed.")
    term.expect(">")
    term.close_window()
    assert term.wait() in (129, -1, 1)  # SIGHUP is turned into a clean stop
    assert answers(paths)["story"] == "Typed just before the window closed."  # and unlocked
    with WorkbookStore.open(paths, backup=False) as store:
        assert store.setting(RESUME_SETTING)["prompts"]["mini"] == "story"


def test_a_narrow_terminal_gets_lines_that_fit(terminals, env):
    term = terminals(["write", "mini", "--from", "5"], env, columns=40)
    term.expect("What counts as contact?")
    term.type(":crisis")
    term.expect("Back to question 5.")
    term.type(":quit")
    assert term.wait() == 0
    check_plain(term.text, 40)


def test_plain_start_says_the_first_run_words_and_offers_the_workbook(terminals, env, paths):
    term = terminals(["--plain"], {**env, "NO_COLOR": "1"})
    term.expect("It is a self-help workbook, not therapy.")
    term.expect("What you write stays on this computer, in")
    term.expect("Type :crisis on a line of its own")
    # A path longer than a line is broken across lines, never past the edge.
    assert f"{paths.data_file}. Every" in term.text.replace("\r\n", "")
    term.expect("What would you like to do? Answer with a number.")
    term.type("4")
    term.expect("If you are in danger right now, call your local emergency number.")
    term.expect("What would you like to do?")
    term.type("1")
    term.expect("Which exercise?")
    term.expect("A small exercise: 0 of 9 answered.")
    term.type("1")
    term.expect("What should we call you?")
    term.type("Robin", ":quit")
    term.expect("What would you like to do?")
    term.type("2")
    term.expect("What are you looking for?")
    term.type("robin")
    term.expect("1 thing you wrote matches “robin”:")
    term.expect("1. A small exercise › What should we call you?,")  # then the day, in words
    term.expect(": Robin")
    term.expect("What would you like to do?")
    term.type("6")
    term.expect("Your answers are saved. Take care.")
    assert term.wait() == 0
    check_plain(term.text, 80)
    assert answers(paths) == {"name": "Robin"}

    again = terminals([], {**env, "WORKBOOK_PLAIN": "1"})
    again.expect("What would you like to do?")  # the first-run words only the first time
    assert "not therapy" not in again.text
    again.type("6")
    assert again.wait() == 0


def test_checkin_asks_in_the_same_plain_lines(terminals, env, paths):
    term = terminals(["checkin"], env, columns=50)
    term.expect("How strong was the craving today, from 0 (none) to 10 (overwhelming)?")
    term.type("3")
    term.expect("How was your mood today?")
    term.type(":quit")  # the same way out as in `workbook write`
    term.expect("You stopped before the end, so nothing was saved.")
    assert term.wait() == 1
    check_plain(term.text, 50)

    again = terminals(["checkin"], env)
    for question, answer in [
        ("How strong was the craving today", "3"),
        ("How was your mood today?", "okay"),
        ("Was there any contact with them today?", "none"),
        ("What set off the pull, if anything?", ""),
        ("What helped?", ""),
        ("Anything else to note?", ""),
    ]:
        again.expect(question)
        again.type(answer)
    again.expect("Checked in for today.")
    assert again.wait() == 0
    check_plain(again.text, 80)
