"""How the two processes that start and end with a refresh use Python's memory management.

The CLI (`beilun-etl`) and the dbt it runs (`beilun-dbt`) each build hundreds of thousands of
long-lived objects: the modules of Dagster, dbt and Great Expectations, dbt's manifest and macros.
- With CPython's default thresholds a collection starts every 700 net new objects, so the older
  generations are walked again and again while they load. Cyclic garbage is still collected here,
  only less often.
- At exit, CPython tears those modules down object by object and collects them several times
  before the operating system takes the memory back anyway (1.3 s for Great Expectations'
  modules alone, 0.7 s for Dagster's). `end_process` skips that teardown.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys
import threading
from typing import NoReturn

from beilun_etl.runtime import tuning_enabled

# A young collection every 100,000 net new objects instead of 700; the older ones rarer still.
THRESHOLDS = (100_000, 50, 50)


def collect_less_often() -> None:
    if tuning_enabled():
        gc.set_threshold(*THRESHOLDS)


def end_process(status: int) -> NoReturn:
    """Exit as `sys.exit(status)` would, without tearing down the interpreter's objects.

    As at a normal exit, the other threads finish first, then the exit handlers run (logging flushes
    and closes its files, `weakref.finalize` and process-pool handlers run) and the standard streams
    are flushed. Only for a process's last act, once the files and databases it opened are closed:
    an object left open would not be finalized. With BEILUN_RUNTIME_TUNING=0, a plain `sys.exit`.
    """
    if not tuning_enabled():
        sys.exit(status)
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and not thread.daemon:
            thread.join()
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def dbt_main() -> None:
    """`beilun-dbt`: dbt's own command line in a process run like the CLI's; the pipeline's dbt resource runs it."""
    collect_less_often()
    from dbt.cli.main import cli

    try:
        cli()
    except SystemExit as exit_:
        if not isinstance(exit_.code, int):  # a message or None: let Python print and map it as usual
            raise
        end_process(exit_.code)
