"""Where an export goes: stdout, or a file that appears whole or not at all.

A file export is written to a temporary file beside the target and renamed over it only
when every row is written, so a failed or interrupted export never leaves a truncated file
that looks complete. The target folder is checked before any database work starts.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from redline.config import check_choice as check_choice  # re-exported: one check for every choice
from redline.errors import ConfigError

STDOUT = "-"


def check_format(fmt: str, allowed: Sequence[str], what: str) -> str:
    """``fmt`` if ``what`` can be written in it; a ConfigError (exit 2) naming the choices otherwise."""
    if fmt not in allowed:
        raise ConfigError(f"cannot export {what} as {fmt!r}", hint=f"use --format {' | '.join(allowed)}")
    return fmt


@contextmanager
def open_output(path: str | Path | None) -> Iterator[TextIO]:
    """A UTF-8 text stream for ``path`` (``-`` or None: stdout), committed when the block ends."""
    if path is None or str(path) == STDOUT:
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path).expanduser()
    folder = target.resolve().parent
    if target.is_dir():
        raise ConfigError("is a folder, not a file", where=str(target), hint="give a file name with -o")
    if not folder.is_dir():
        raise ConfigError(
            f"folder {folder} does not exist", where=str(target), hint="create it or pick another -o"
        )
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ConfigError(
            f"cannot write here: {exc.strerror}", where=str(target), hint="pick a writable -o path or -"
        ) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            yield out
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ConfigError(
            f"cannot write: {exc.strerror}", where=str(target), hint="check permissions and free space"
        ) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process umask (read by setting it, the only way), so files get the usual permissions."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
