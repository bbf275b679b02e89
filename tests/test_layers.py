"""The core never imports Textual: everything the UI can do, the core can do headless."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import workbook

PACKAGE = Path(workbook.__file__).parent
UI_MODULES = {"app", "launch"}  # plus the screens/ and widgets/ packages
CORE_MODULES = sorted(
    f"workbook.{p.stem}"
    for p in PACKAGE.glob("*.py")
    if p.stem not in UI_MODULES and not p.stem.startswith("_")
) + sorted(f"workbook.commands.{p.stem}" for p in (PACKAGE / "commands").glob("[!_]*.py"))


def test_the_core_modules_are_found():
    assert {"workbook.store", "workbook.exercises", "workbook.cli"} <= set(CORE_MODULES)


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_textual(module):
    check = (
        f"import sys, {module}; print(sorted(m for m in sys.modules if m.startswith('textual')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
