"""Write-audit-publish on files: a run writes a build copy, and only a checked copy replaces the warehouse.

BI tools hold read-only connections to the published file. DuckDB allows one writer or many
readers, never both, so a run never writes the published file: it copies it, builds the copy, and
publishes with an atomic rename of a checkpointed file. Readers keep their snapshot; new
connections see the new warehouse.

Nothing but a run may write the published file. A process that opens it for writing anyway (a BI
tool without read-only, a `duckdb` shell) leaves a write-ahead log beside it; after a rename, that
log no longer matches the file and every new reader fails (`Failure while replaying WAL file`).
So a run looks before it copies and before it renames: a live writer fails the run with a
message that names its process, a log left by a writer that is gone is moved aside (kept, not
deleted) and reported. After the rename, the published file must open read-only and show this
run's publication before the run reports success.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from beilun_etl.pipeline.disk import disk_full_error, is_disk_full
from beilun_etl.pipeline.raw_schema import create_raw_schema

# Files readable by DuckDB 1.x clients (many BI drivers bundle one); only applies when a file is created.
STORAGE_COMPATIBILITY = "v1.4.0"


def connect(path: Path | str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open a warehouse file; a new file is created in the DuckDB 1.x-compatible storage format."""
    if read_only:
        return duckdb.connect(str(path), read_only=True)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_COMPATIBILITY})


def connect_build_copy(build: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open a build copy; a writing connection leaves its changes in the WAL when it closes.

    By default DuckDB checkpoints a file when its last connection closes, rewriting the blocks of
    every table written to: about 1 s at 10,000 articles, for a one-row write as for a large one.
    A run opens its build copy some six times; the next connection replays the WAL instead, and
    `publish` checkpoints once, before the rename. A run that fails leaves its copy and WAL to the
    next run's `start_build`, which removes both; the published file never has a WAL.
    """
    con = connect(build, read_only=read_only)
    if not read_only:
        con.execute("PRAGMA disable_checkpoint_on_shutdown")
    return con


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


class ForeignWriter(RuntimeError):
    """Another process holds the published warehouse open for writing: publishing would lose its writes."""


_PID = re.compile(r"PID (\d+)")


def check_published(published: Path) -> list[str]:
    """Refuse a live foreign writer of the published file; move a stale write-ahead log aside.

    Returns what was done, in sentences for the run log. Raises ForeignWriter when a process holds
    the file open for writing (DuckDB's lock), whether or not it wrote yet.
    """
    notes: list[str] = []
    wal = _wal(published)
    if published.exists():
        try:
            duckdb.connect(str(published), read_only=True).close()
        except duckdb.Error as error:
            if "lock" in str(error).lower():
                found = _PID.search(str(error))
                who = f"process {found.group(1)}" if found else "another process"
                raise ForeignWriter(
                    f"{published} is open for writing by {who} (a BI tool or duckdb shell opened without "
                    "read-only?): publishing over it would lose that process's writes, so this run stops and "
                    f"publishes nothing. Close it (or open the warehouse read-only) and run again. ({error})"
                ) from error
            if not wal.exists():
                raise  # a damaged file, not a log: say so as DuckDB does
    if wal.exists():
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        aside = wal.with_name(f"{wal.name}.stale-{stamp}")
        size = wal.stat().st_size
        os.replace(wal, aside)
        notes.append(
            f"moved aside a write-ahead log ({size:,} bytes) that a process which wrote to {published.name} left "
            f"when it ended: {aside}. New readers failed on it; the published warehouse is as the last run "
            "published it, and the writes in that log are kept in the moved file, not taken in."
        )
    return notes


def start_build(published: Path, build: Path) -> list[str]:
    """Start a fresh build copy from the last published warehouse (or an empty one).

    Returns the notes of `check_published` for the run log; raises ForeignWriter, or DiskFull when
    the copy finds no space.
    """
    notes = check_published(published)
    build.parent.mkdir(parents=True, exist_ok=True)
    discard_build(build)
    try:
        if published.exists():
            shutil.copyfile(published, build)
        with connect_build_copy(build) as con:
            create_raw_schema(con)
    except (OSError, duckdb.Error) as error:
        if is_disk_full(error, build.parent):
            discard_build(build)
            raise disk_full_error(error, build.parent) from error
        raise
    return notes


def discard_build(build: Path) -> bool:
    """Remove a build copy and its write-ahead log; True when there was one."""
    existed = build.exists()
    for stale in (build, _wal(build)):
        stale.unlink(missing_ok=True)
    return existed


def ensure_build(published: Path, build: Path) -> None:
    """Make sure a build copy exists, for runs that start after the ingest step (a partial selection)."""
    if not build.exists():
        start_build(published, build)


def publish(build: Path, published: Path) -> list[str]:
    """Checkpoint the build copy and rename it over the published warehouse in one atomic step.

    Looks for a foreign writer or log once more just before the rename (`check_published`: its
    notes are returned), then opens the result read-only (`verify_published`).
    """
    try:
        with connect_build_copy(build) as con:
            con.execute("CHECKPOINT")
        _fsync(build)
    except (OSError, duckdb.Error) as error:
        if is_disk_full(error, build.parent):
            raise disk_full_error(error, build.parent) from error
        raise
    published.parent.mkdir(parents=True, exist_ok=True)
    notes = check_published(published)
    os.replace(build, published)
    _wal(build).unlink(missing_ok=True)
    _fsync(published.parent)
    return notes


def verify_published(published: Path, run_id: str) -> None:
    """The published file opens read-only, without a write-ahead log, and its last publication is `run_id`'s."""
    if _wal(published).exists():
        raise RuntimeError(f"{published} has a write-ahead log right after publishing: another process writes it")
    try:
        with duckdb.connect(str(published), read_only=True) as con:
            rows = con.execute("SELECT run_id FROM raw.publications ORDER BY published_at DESC LIMIT 1").fetchall()
    except duckdb.Error as error:
        raise RuntimeError(f"the published warehouse {published} does not open read-only: {error}") from error
    if not rows or rows[0][0] != run_id:
        raise RuntimeError(
            f"{published} does not hold this run's publication (last publication: {rows[0][0] if rows else None})"
        )


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def writer_lock(published: Path) -> Iterator[None]:
    """Serialize writers across processes (CLI runs, daemon runs): a second one waits here."""
    lock_path = published.with_name(published.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
