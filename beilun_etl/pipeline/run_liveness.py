"""Is the process of a run still alive? A lock held for the life of the process tells.

Dagster records a run as STARTED when it starts and as finished when it finishes; a run whose
process is killed (kill -9, an OOM kill, a reboot) stays STARTED for ever, and with one run at a
time the daemon's queue then launches nothing again. Each process that runs the pipeline holds an
exclusive `flock` on a token file of its own for as long as it lives (the kernel drops it when
the process dies, however it dies) and tags its runs with that file. Any later process can then
tell a live run (token locked) from a dead one (token free or gone), with no clock and no PID
reuse to get wrong.
"""

from __future__ import annotations

import fcntl
import os
import socket
import time
from pathlib import Path

_held: dict[Path, tuple[Path, int]] = {}  # runs folder -> (this process's token, its open descriptor)


def process_token(runs_dir: Path) -> Path:
    """This process's token file in `runs_dir`, created and locked on first use, held until the process ends."""
    runs_dir = runs_dir.resolve()
    if runs_dir in _held:
        return _held[runs_dir][0]
    runs_dir.mkdir(parents=True, exist_ok=True)
    token = runs_dir / f"{socket.gethostname()}-{os.getpid()}-{time.time_ns()}.alive"
    fd = os.open(token, os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(fd, fcntl.LOCK_EX)
    os.write(fd, f"pid {os.getpid()}\n".encode())
    _held[runs_dir] = (token, fd)
    return token


def is_own(token: Path) -> bool:
    return any(held == token for held, _ in _held.values())


def is_alive(token: Path) -> bool:
    """True while the process that created `token` lives (its lock is held)."""
    if is_own(token):
        return True
    try:
        fd = os.open(token, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # closing drops the lock this probe may have taken
    return False


def remove_dead_tokens(runs_dir: Path) -> None:
    """Delete the tokens of processes that ended (they are only probed, never needed again)."""
    for token in runs_dir.glob("*.alive"):
        if not is_alive(token):
            token.unlink(missing_ok=True)
