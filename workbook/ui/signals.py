"""Leaving when told to from outside: the window closed (SIGHUP), a logout or shutdown (SIGTERM),
an interrupt sent to the process (SIGINT).

Each of these ends the process at once by default, losing the words typed in the last second
that the autosave had not written yet. Here they are caught on the app's event loop: the input
already read is let through, every screen's words are saved (or kept as drafts), and the app
exits. A watchdog thread ends the process anyway after `GRACE_SECONDS`, so closing a window
never hangs, even on a stuck disk.

May touch: the running asyncio loop's signal handlers, the app it is given.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
from collections.abc import Callable
from typing import Protocol

# The signals that mean "this program is being closed", with the exit status each leaves.
CLOSING_SIGNALS = (signal.SIGHUP, signal.SIGTERM, signal.SIGINT)
# Long enough for a durable save of a large workbook on a slow disk; short enough that a
# shutdown never waits on us.
GRACE_SECONDS = 4.0
# Keys that reached the terminal just before the signal are still on their way through the
# app's message queues: let them arrive, but no longer than this.
SETTLE_SECONDS = 0.3


class ClosableApp(Protocol):
    def save_drafts(self) -> None: ...

    def exit(self, result: None = None, return_code: int = 0) -> None: ...


def exit_status(signum: int) -> int:
    return 128 + signum


def _watchdog(status: int, grace: float) -> None:
    """End the process after `grace` seconds whatever it is doing: closing must never hang."""
    timer = threading.Timer(grace, os._exit, args=(status,))
    timer.daemon = True
    timer.start()


async def _settle() -> None:
    from textual._wait import wait_for_idle

    await wait_for_idle(0.05, SETTLE_SECONDS)


def install(app: ClosableApp, grace: float = GRACE_SECONDS) -> Callable[[], None]:
    """Catch the closing signals on the running loop; returns a function that removes them."""
    loop = asyncio.get_running_loop()
    closing: list[asyncio.Task[None]] = []  # the one closing task, kept so it is not collected

    async def close(signum: int) -> None:
        status = exit_status(signum)
        _watchdog(status, grace)
        await _settle()
        try:
            app.save_drafts()
        finally:
            app.exit(return_code=status)

    def on_signal(signum: int) -> None:
        if closing:
            return  # a second signal while saving: the first one is already on it
        closing.append(loop.create_task(close(signum)))

    for signum in CLOSING_SIGNALS:
        loop.add_signal_handler(signum, on_signal, signum)

    def remove() -> None:
        for signum in CLOSING_SIGNALS:
            with contextlib.suppress(Exception):
                loop.remove_signal_handler(signum)

    return remove
