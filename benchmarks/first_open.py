"""Open one screen for the first time in a fresh process, and say how long it took.

    python benchmarks/first_open.py DATA_DIR crisis|help|tracker|plan|exercise

Runs the real command line on DATA_DIR (a returning user's workbook) headless, as
first_paint.py does; once home is painted, runs the action a key or a home entry runs and
times it until the new screen is painted: the screen's module imported, screens.tcss read
and parsed (the first screen past home brings it), composed, laid out and drawn. Prints
`opened_seconds S`.
"""

from __future__ import annotations

import asyncio
import sys
import time

# What a person does to open each screen: the action of its key or home entry.
ACTIONS = {
    "crisis": "show_screen('crisis')",
    "help": "show_screen('help')",
    "tracker": "show_screen('tracker')",
    "plan": "show_screen('plan')",
}


def exercise_action(app) -> str:
    """The first exercise, at its first longtext question (where the writing happens)."""
    exercise = app.content.catalog.exercises[0]
    prompt = next(p for p in exercise.prompts() if type(p).__name__ == "LongTextPrompt")
    return f"open_exercise({exercise.id!r}, {prompt.id!r})"


def opener(name: str):
    async def open_and_time(pilot) -> None:
        app = pilot.app
        await pilot.pause()
        await app.screen.wait_for_refresh()  # home painted: the start-up is over
        home = app.screen
        action = ACTIONS.get(name) or exercise_action(app)
        start = time.perf_counter()
        await app.run_action(action)
        while app.screen is home:
            await asyncio.sleep(0.0005)
        await app.screen.wait_for_refresh()
        elapsed = time.perf_counter() - start
        print(f"opened {type(app.screen).__name__}", flush=True)
        print(f"opened_seconds {elapsed:.4f}", flush=True)
        app.exit()

    return open_and_time


def run(data_dir: str, name: str) -> int:
    from textual.app import App

    from workbook.cli import main as cli

    run_app = App.run

    def run_headless(app, **_options):
        return run_app(app, headless=True, size=(80, 24), auto_pilot=opener(name))

    App.run = run_headless  # the only change to how `workbook` runs
    return cli.main(["--data-dir", data_dir])


if __name__ == "__main__":
    sys.exit(run(sys.argv[1], sys.argv[2]))
