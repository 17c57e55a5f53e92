"""Where a refresh's output goes: the report on stdout, every log line elsewhere.

Dagster's console logger writes to stderr, dagster-dbt re-emits dbt's node-by-node log on
`sys.stdout`, and the extraction workers and the dbt subprocess inherit the process's file
descriptors. Redirecting descriptors 1 and 2 themselves (not only `sys.stdout`) is what catches
all of them: while a run lasts, both point at a log file (or, with `--verbose`, stdout points at
stderr), and the CLI writes its report after they are restored.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

# Log files of earlier refreshes kept beside the new one.
KEEP_LOGS = 20


def new_log_file(warehouse: Path) -> Path:
    """A fresh log file in `logs/` beside the warehouse; the oldest beyond KEEP_LOGS are removed."""
    folder = warehouse.parent / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    stamp = f"{now:%Y%m%dT%H%M%S}.{now.microsecond // 1000:03d}Z"
    for old in sorted(folder.glob("refresh-*.log"))[: -(KEEP_LOGS - 1) or None]:
        old.unlink(missing_ok=True)
    return folder / f"refresh-{stamp}.log"


@contextmanager
def logs_away_from_stdout(log_file: Path | None) -> Iterator[TextIO]:
    """Point stdout and stderr at `log_file` (or stdout at stderr when None) while the block runs.

    Yields a stream on the terminal's stderr as it was, for a progress display.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    saved_out, saved_err = os.dup(1), os.dup(2)
    log_fd = os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644) if log_file else None
    terminal = os.fdopen(os.dup(saved_err), "w", encoding="utf-8", errors="replace")
    try:
        if log_fd is None:
            os.dup2(2, 1)
        else:
            os.dup2(log_fd, 1)
            os.dup2(log_fd, 2)
        yield terminal
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        terminal.close()
        os.dup2(saved_out, 1)
        os.dup2(saved_err, 2)
        for fd in (saved_out, saved_err, log_fd):
            if fd is not None:
                os.close(fd)
