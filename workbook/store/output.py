"""Writing a finished file the user asked for (a plan, an export): to stdout, or atomically to
the path named, never half a file."""

from __future__ import annotations

import sys
from pathlib import Path

from workbook.errors import UserError
from workbook.store.regular_files import NotARegularFileError, check_regular
from workbook.store.storage import atomic_write


def write_output(data: bytes, output: str | None) -> Path | None:
    """Write to the file named (atomically, never half a file) or to stdout."""
    if output is None or output == "-":
        try:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        except BrokenPipeError:
            # The reader left early (`workbook export | head`): not an error of ours.
            devnull = open("/dev/null", "wb")  # noqa: SIM115 - keeps Python's exit flush quiet
            sys.stdout = devnull  # type: ignore[assignment]
        return None
    if not output.strip():
        raise UserError("-o: the file name is empty; name a file to write, or - for the screen")
    target = Path(output).expanduser().absolute()
    if target.is_dir():
        raise UserError(f"{target}: this is a folder; name a file to write")
    if not target.parent.is_dir():
        raise UserError(f"{target}: the folder {target.parent} does not exist")
    try:
        check_regular(target)  # replaced whole: a device or a FIFO must never be
    except FileNotFoundError:
        pass  # a new file
    except NotARegularFileError as error:
        raise UserError(f"{target}: {error.strerror}; name a file to write") from None
    try:
        atomic_write(target, data)
    except PermissionError:
        raise UserError(f"{target}: permission denied; choose another place") from None
    except OSError as error:
        raise UserError(f"{target}: cannot write there ({error.strerror})") from None
    return target
