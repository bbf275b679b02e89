"""Open the interactive workbook: load content, open the store, run the app, close cleanly."""

from __future__ import annotations

from workbook.content import load_content
from workbook.paths import Paths
from workbook.store import WorkbookStore


def launch_app(paths: Paths) -> int:
    from workbook.app import WorkbookApp

    content = load_content(paths)
    store = WorkbookStore.open(paths)
    try:
        app = WorkbookApp(content=content, store=store)
        app.run()
    finally:
        store.close()
    return app.return_code or 0
