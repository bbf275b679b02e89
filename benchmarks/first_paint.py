"""Start an app headless, let it paint its first screen, and leave: one start-up, timed outside.

    python benchmarks/first_paint.py bare
    python benchmarks/first_paint.py workbook DATA_DIR

`bare` is a Textual app with a Header, a Static and a Footer. `workbook` runs the real
command line (`workbook --data-dir DATA_DIR`: load the exercises, open the store, run the app,
close the store), with only `App.run` told to run headless and to exit once the first screen is
painted. Both leave the same way, so the difference between them is the workbook's own cost.
"""

from __future__ import annotations

import sys
from pathlib import Path


async def exit_after_first_paint(pilot) -> None:
    await pilot.pause()  # every message of the start-up handled, mounts included
    await pilot.app.screen.wait_for_refresh()  # ... and the screen painted after them
    print(f"painted {type(pilot.app.screen).__name__}", flush=True)
    pilot.app.exit()


def run_bare() -> int:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class BareApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("A bare Textual app, for comparison.")
            yield Footer()

    BareApp().run(headless=True, size=(80, 24), auto_pilot=exit_after_first_paint)
    return 0


def run_workbook(data_dir: str) -> int:
    from textual.app import App

    from workbook.cli import main as cli

    run = App.run

    def run_headless(app, **_options):
        return run(app, headless=True, size=(80, 24), auto_pilot=exit_after_first_paint)

    App.run = run_headless  # the only change to how `workbook` runs
    return cli.main(["--data-dir", data_dir])


def peak_rss_kib() -> int:
    """This process's own peak resident memory. Read from /proc, because a child's ru_maxrss
    on Linux starts from its parent's size at fork, which would hide the difference."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        status = ""
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


if __name__ == "__main__":
    kind = sys.argv[1]
    status = run_bare() if kind == "bare" else run_workbook(sys.argv[2])
    print(f"peak_rss_kib {peak_rss_kib()}", flush=True)
    # An unprotected workbook must not pay for the encryption library at start-up.
    print(f"pyrage_loaded {int('pyrage' in sys.modules)}", flush=True)
    sys.exit(status)
