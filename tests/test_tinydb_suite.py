"""TinyDB's own test suite, run against DurableStorage in place of its JSONStorage.

The suite comes from the tinydb source distribution matching the installed version,
downloaded during the test run (it is not copied into this repository).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from importlib.metadata import version
from pathlib import Path

import pytest

SUITE_FILES = ["test_storages.py", "test_tinydb.py", "test_tables.py", "test_middlewares.py"]

# Tests of JSONStorage's own internals, which DurableStorage does not share on purpose.
NOT_OURS = {
    "test_storages.py::test_json_kwargs": "JSONStorage passes indent/sort_keys to json.dumps; "
    "we always write compact msgspec JSON",
    "test_storages.py::test_encoding": "JSONStorage takes a text encoding (cp936); "
    "we always write UTF-8",
    "test_middlewares.py::test_caching_json_write": "checks JSONStorage's private open file "
    "handle (_handle); we keep no handle open between writes",
    "test_tables.py::test_table_repr[json]": "expects the class to be named "
    "tinydb.storages.JSONStorage in repr()",
}

PLUGIN = """
import tinydb
import tinydb.storages

from workbook.store.storage import DurableStorage

tinydb.JSONStorage = DurableStorage
tinydb.storages.JSONStorage = DurableStorage
tinydb.TinyDB.default_storage_class = DurableStorage
"""


@pytest.fixture(scope="module")
def tinydb_suite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("tinydb-sdist")
    wanted = f"tinydb=={version('tinydb')}"
    download = subprocess.run(
        [
            *(sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"),
            *("--no-binary", ":all:", "--dest", str(where), wanted),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert download.returncode == 0, f"could not download {wanted}: {download.stderr}"
    (archive,) = where.glob("tinydb-*.tar.gz")
    with tarfile.open(archive) as tar:
        tar.extractall(where, filter="data")
    (suite,) = where.glob("tinydb-*/tests")
    (where / "workbook_storage_plugin.py").write_text(PLUGIN)
    (where / "empty.ini").write_text("[pytest]\n")
    return suite


def test_tinydb_storage_suite_passes_against_durable_storage(tinydb_suite: Path):
    plugin_dir = tinydb_suite.parent.parent
    deselect = [arg for test in NOT_OURS for arg in ("--deselect", f"tests/{test}")]
    result = subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "-q", "-p", "workbook_storage_plugin"),
            *("-p", "no:cacheprovider", "-c", str(plugin_dir / "empty.ini")),
            *("--rootdir", str(tinydb_suite.parent)),
            *(f"tests/{name}" for name in SUITE_FILES),
            *deselect,
        ],
        cwd=tinydb_suite.parent,
        env={**os.environ, "PYTHONPATH": _pythonpath(plugin_dir)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in summary and "failed" not in summary
    assert f"{len(NOT_OURS)} deselected" in summary


def _pythonpath(plugin_dir: Path) -> str:
    import workbook

    source_root = Path(workbook.__file__).resolve().parent.parent
    return f"{plugin_dir}:{source_root}"
