"""The layers themselves are import-linter contracts in pyproject.toml (run by .ci/run as
`lint-imports`). These tests keep the contracts honest: every package is in a layer, and what
import-linter cannot see (reading the environment) is checked here."""

from __future__ import annotations

import ast
from pathlib import Path

import tomllib

import workbook

PACKAGE = Path(workbook.__file__).parent
PYPROJECT = PACKAGE.parent / "pyproject.toml"


def _layer_names() -> set[str]:
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    layers = next(c for c in contracts if c["type"] == "layers")["layers"]
    return {name.strip() for layer in layers for name in layer.split("|")}


def test_every_part_of_the_package_is_in_a_layer():
    parts = {
        f"workbook.{p.stem if p.is_file() else p.name}"
        for p in PACKAGE.iterdir()
        if (p.suffix == ".py" or (p / "__init__.py").exists()) and not p.name.startswith("_")
    }
    assert parts == _layer_names()


def _reads_environment(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            name = f"{node.value.id}.{node.attr}"
            if name in {"os.environ", "os.getenv", "os.environb", "sys.argv"}:
                found.append(f"line {node.lineno}: {name}")
    return found


def test_only_the_command_line_reads_the_environment_and_argv():
    offenders = {}
    for path in PACKAGE.rglob("*.py"):
        if path.relative_to(PACKAGE).parts[0] == "cli":
            continue
        found = _reads_environment(ast.parse(path.read_text(encoding="utf-8")))
        if found:
            offenders[str(path.relative_to(PACKAGE))] = found
    assert offenders == {}


def test_the_environment_check_sees_a_read():
    assert _reads_environment(ast.parse("import os\nx = os.environ['HOME']\n"))
