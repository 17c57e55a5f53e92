"""A full disk said as a full disk.

DuckDB reports a write that found no space as an I/O error, and a transaction that then tries to
roll back raises `cannot rollback - no transaction is active`, which hid the cause. Here the
cause is kept, and an error on a full file system names it ("No space left on device") with the
space left, whatever layer raised it.
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import duckdb

NO_SPACE = "No space left on device"


class DiskFull(OSError):
    """The warehouse's file system is full: nothing was published, the last warehouse is intact."""


def rollback_keeping_cause(con: duckdb.DuckDBPyConnection, error: BaseException) -> None:
    """Roll back after `error`; a rollback that fails (the transaction already gone) never replaces it."""
    try:
        con.execute("ROLLBACK")
    except duckdb.Error as rollback_error:
        error.add_note(f"(the rollback after it failed too: {rollback_error})")


def is_disk_full(error: BaseException, folder: Path | None = None) -> bool:
    """ENOSPC, DuckDB's message for it, or an I/O error while `folder`'s file system has (almost) no space."""
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return True
    text = str(error)
    if NO_SPACE in text or "disk is full" in text.lower():
        return True
    if folder is not None and isinstance(error, duckdb.IOException | duckdb.TransactionException | OSError):
        try:
            return shutil.disk_usage(folder).free < 1024 * 1024
        except OSError:
            return False
    return False


def disk_full_error(error: BaseException, folder: Path) -> DiskFull:
    """The DiskFull error to raise from `error`, naming the file system and its free space."""
    try:
        usage = shutil.disk_usage(folder)
        space = f"{usage.free:,} of {usage.total:,} bytes free"
    except OSError:
        space = "free space unknown"
    return DiskFull(
        errno.ENOSPC,
        f"{NO_SPACE}: the file system of {folder} is full ({space}); nothing was published and the last "
        f"published warehouse is intact. Free some space and run again. ({type(error).__name__}: {error})",
    )
