"""Earlier versions, newest first, readable in full; bringing one back makes a new revision."""

from __future__ import annotations

from textual.widgets import Input

from workbook.ui.screens.answers_screen import AnswersScreen
from workbook.ui.screens.history_screen import HistoryScreen
from workbook.ui.widgets.answer_block import AnswerBlock
from workbook.ui.widgets.hanging_text import HangingText
from workbook.ui.widgets.revision_card import RevisionCard


def card_texts(screen) -> list[str]:
    return [card.text for card in screen.query(RevisionCard)]


async def test_history_lists_revisions_and_restoring_one_works(make_app, clock):
    app = make_app()
    long_story = "First line of a long answer.\n" + "More words. " * 40
    app.store.save_answer("mini", "story", long_story)
    clock.advance(days=3)
    app.store.save_answer("mini", "story", "Second version")
    clock.advance(days=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("open_exercise('mini', 'story')")
        await pilot.pause()
        assert "2 earlier" not in str(app.screen.query_one(".answer-note").render())
        assert "1 earlier version" in str(app.screen.query_one(".answer-note").render())
        await pilot.press("ctrl+l")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        assert card_texts(screen) == ["Second version", long_story]  # newest first, in full
        headings = [str(c.render()).splitlines()[0] for c in screen.query(RevisionCard)]
        assert headings[0].endswith("your answer now")
        assert headings[1].startswith("14 March 2026")

        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert app.store.answer("mini", "story") == long_story
        assert [r.value for r in app.store.history("mini", "story")] == [
            long_story,
            "Second version",
            long_story,
        ]
        assert card_texts(screen)[0] == long_story

        await pilot.press("escape")  # back on the question, showing the restored answer
        await pilot.pause()
        area = app.screen.query_one("#page-story TextArea")
        assert area.text == long_story


async def test_declining_to_restore_changes_nothing(make_app, clock):
    app = make_app()
    app.store.save_answer("mini", "name", "Rob")
    clock.advance(hours=30)
    app.store.save_answer("mini", "name", "Robin")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("open_exercise('mini', 'name')")
        await pilot.pause()
        await pilot.press("ctrl+l", "down", "enter")
        await pilot.pause()
        await pilot.press("escape")  # "Not now"
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#page-name Input", Input).value == "Robin"
    assert len(app.store.history("mini", "name")) == 2


async def test_all_answers_on_one_page_lead_to_history(make_app):
    app = make_app()
    app.store.save_answer("mini", "reasons", ["sleep", "friends"])
    app.store.save_answer("mini", "safe", False)
    async with app.run_test(size=(80, 24)) as pilot:
        menu = app.screen.query_one("#home-menu")
        for _ in range(len(menu.options)):  # home: from the exercise down to "Your answers"
            if menu.highlighted_option.id == "entry:answers":
                break
            await pilot.press("down")
        assert menu.highlighted_option.id == "entry:answers"
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AnswersScreen)
        blocks = {b.prompt.id: b for b in screen.query(AnswerBlock)}
        assert len(blocks) == 9
        assert (
            blocks["reasons"].query_one(".block-answer", HangingText).text == "• sleep\n• friends"
        )
        assert blocks["safe"].query_one(".block-answer", HangingText).text == "No"
        assert "Not answered yet" in blocks["name"].query_one(".block-answer", HangingText).text
        blocks["reasons"].focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert app.screen.prompt.id == "reasons"


async def test_a_long_history_opens_a_page_at_a_time(make_app, clock):
    from workbook.ui.screens.history_screen import PAGE_SIZE

    app = make_app()
    total = PAGE_SIZE * 2 + 5
    for n in range(total):
        app.store.save_answer("mini", "name", f"version {n}")
        clock.advance(days=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("open_exercise('mini', 'name')")
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        screen = app.screen
        newest = total - 1
        assert card_texts(screen) == [f"version {n}" for n in range(newest, newest - PAGE_SIZE, -1)]
        assert f"{total} versions" in str(screen.query_one("#history-hint").render())
        rest = total - PAGE_SIZE
        assert str(screen.query_one("#older").label) == f"Show {PAGE_SIZE} older ({rest} in all)"
        screen.query_one("#older").press()
        await pilot.pause()
        assert len(card_texts(screen)) == PAGE_SIZE * 2
        assert app.focused is screen.query(RevisionCard)[PAGE_SIZE]
        screen.query_one("#older").press()
        await pilot.pause()
        assert card_texts(screen)[-1] == "version 0"
        assert not screen.query("#older")
