"""The `workbook` command run in the test's own process, for the command line tests: the exit
code and what it printed, and its one-line messages."""

from __future__ import annotations

from workbook.cli.main import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """Run `workbook ARGV...`; pytest's `capsys` fixture catches what it prints."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    """An error said in a single line, never a traceback."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]
