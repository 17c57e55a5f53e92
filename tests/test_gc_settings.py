"""The CLI's and dbt's processes end without tearing down their modules, but lose nothing on the way out."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.pipeline_helpers import PROJECT_ROOT

ENDING = """
    import atexit, logging, sys, threading, time
    from beilun_etl.runtime.gc_settings import end_process

    logging.basicConfig(filename=sys.argv[1] + "/log.txt", level=logging.INFO)
    atexit.register(lambda: open(sys.argv[1] + "/atexit.txt", "w").write("ran"))
    worker = threading.Thread(target=lambda: (time.sleep(0.3), open(sys.argv[1] + "/thread.txt", "w").write("done")))
    worker.start()
    logging.info("logged before the end")
    sys.stdout.write("unflushed output")
    end_process(3)
    print("never printed")
"""


def test_end_process_keeps_exit_status_output_threads_exit_handlers_and_logs(tmp_path: Path):
    ended = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(ENDING), str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        env={k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"},  # stdout buffered, as usual
    )
    assert ended.returncode == 3, ended.stderr
    assert ended.stdout == "unflushed output"
    assert (tmp_path / "thread.txt").read_text() == "done"
    assert (tmp_path / "atexit.txt").read_text() == "ran"
    assert "logged before the end" in (tmp_path / "log.txt").read_text()


@pytest.mark.slow  # runs dbt: left out of `make test-fast`
def test_the_dbt_script_passes_on_dbt_exit_status(tmp_path: Path):
    from beilun_etl.defs.transform.project import DBT_EXECUTABLE

    assert Path(DBT_EXECUTABLE).name == "beilun-dbt"
    unknown = subprocess.run([DBT_EXECUTABLE, "no-such-command"], capture_output=True, text=True, cwd=tmp_path)
    assert unknown.returncode == 2
    assert "No such command" in unknown.stderr
