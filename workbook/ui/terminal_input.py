"""Keys from the terminal: an invalid byte is a replacement character, never a stopped app.

Textual's input thread decodes what the terminal sends as strict UTF-8; one byte that is not
UTF-8 (a Latin-1 "é" from a terminal set up another way, a stray paste) raises inside that
thread and the keyboard is dead, Ctrl+Q included. `install()` gives Textual's drivers a
decoder that replaces such a byte with "�" instead, so the key shows as a visible symbol
and everything else typed keeps working.
"""

from __future__ import annotations

import codecs
import functools


def _replacing_decoder(encoding: str):
    return functools.partial(codecs.getincrementaldecoder(encoding), errors="replace")


def install() -> None:
    """Textual's drivers look the decoder up by this module-level name each time they start."""
    try:
        from textual.drivers import linux_driver, linux_inline_driver
    except ImportError:  # Windows: its driver reads keys as text, not bytes
        return
    for driver in (linux_driver, linux_inline_driver):
        if hasattr(driver, "getincrementaldecoder"):
            driver.getincrementaldecoder = _replacing_decoder
