"""`beilun-etl refresh` as a user runs it in a shell: a short report, one JSON object, logs elsewhere.

Real processes on a private copy of the seed articles: a plain refresh with stderr on a terminal
(a pseudo-terminal), `--json --verbose --force`, then `--json` with nothing new. Each is run once
for the module and its output read by several tests.
"""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.data_paths import SEEDS_DIR

pytestmark = pytest.mark.slow

CLI = Path(__file__).resolve().parents[1] / ".venv" / "bin" / "beilun-etl"
REPORT_LINES = 40


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def _run(args: list[str], on_terminal: bool = False) -> Run:
    """The CLI with stdout on a pipe and stderr on a pipe or a pseudo-terminal."""
    if not on_terminal:
        proc = subprocess.run([str(CLI), *args], capture_output=True, text=True, timeout=900)
        return Run(proc.returncode, proc.stdout, proc.stderr)
    master, slave = pty.openpty()
    proc = subprocess.Popen([str(CLI), *args], stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: every holder of the terminal's other end has closed it
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    stdout = proc.stdout.read().decode()
    proc.wait(timeout=900)
    return Run(proc.returncode, stdout, b"".join(chunks).decode(errors="replace"))


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("cli_refresh")
    articles = root / "articles"
    articles.mkdir()
    for path in SEEDS_DIR.glob("*.txt"):
        shutil.copy(path, articles / path.name)
    (articles / "empty.txt").write_bytes(b"")  # quarantined: the report must say so
    warehouse = root / "data" / "warehouse.duckdb"
    where = ["--articles", str(articles), "--warehouse", str(warehouse)]
    plain = _run(["refresh", *where], on_terminal=True)
    (articles / "empty.txt").unlink()
    verbose_json = _run(["refresh", *where, "--json", "--verbose", "--force"])
    current_json = _run(["refresh", *where, "--json"])
    return {"warehouse": warehouse, "plain": plain, "verbose_json": verbose_json, "current_json": current_json}


def test_plain_refresh_prints_a_short_report(runs):
    plain = runs["plain"]
    assert plain.returncode == 0, plain.stdout + plain.stderr
    lines = plain.stdout.splitlines()
    assert len(lines) + plain.stderr.count("\n") <= REPORT_LINES, plain.stdout + plain.stderr
    report = {line.split()[0]: line for line in lines if line.strip() and not line.startswith(" ")}
    assert set(report) >= {"refresh:", "articles", "figures", "dbt", "checks", "published", "log"}
    assert "2 new" in report["articles"] and "1 quarantined" in report["articles"]
    assert any("quarantined empty.txt: empty" in line for line in lines)
    figures = json.loads(runs["verbose_json"].stdout)["figures"]
    assert figures > 0 and report["figures"].split()[1] == str(figures)
    assert re.search(r"tests \d+ passed, 0 warned, 0 failed", report["dbt"])
    assert re.search(r"suites [1-9]\d* passed", report["checks"])
    assert str(runs["warehouse"]) in report["published"]
    assert all(re.search(r"\d+\.\d s$", report[stage]) for stage in ("articles", "figures", "dbt", "checks"))


def test_plain_refresh_logs_to_the_file_it_names(runs):
    plain = runs["plain"]
    log_line = next(line for line in plain.stdout.splitlines() if line.startswith("log "))
    log_file = Path(log_line.split(maxsplit=1)[1])
    assert log_file.parent == runs["warehouse"].parent / "logs"
    log = log_file.read_text(encoding="utf-8")
    assert " - dagster - INFO - " in log  # Dagster's console log
    assert "Running with dbt=" in log and " START sql " in log  # dbt's node-by-node log
    assert "dagster" not in plain.stdout.replace(str(log_file), "")


def test_plain_refresh_shows_progress_on_a_terminal_and_erases_it(runs):
    terminal = runs["plain"].stderr
    assert "extracting figures [" in terminal and "2/2 articles" in terminal  # the seeds, not empty.txt
    assert "dbt build" in terminal
    assert terminal.rsplit("\r\x1b[K", 1)[1].strip() == ""  # nothing left on the line at the end
    assert terminal.count("\n") == 0


def test_json_is_the_only_thing_on_stdout_even_verbose(runs):
    run = runs["verbose_json"]
    assert run.returncode == 0, run.stderr[-3000:]
    summary = json.loads(run.stdout)  # the whole of stdout: one object
    assert summary["published"] is True and summary["warehouse"] == str(runs["warehouse"])
    assert summary["checks"]["failed"] == 0 and summary["checks"]["passed"] > 0
    assert summary["log_file"] is None  # --verbose: the logs are on stderr
    assert " START sql " in run.stderr and " - dagster - INFO - " in run.stderr
    assert len(list((runs["warehouse"].parent / "logs").glob("*.log"))) == 1  # the plain run's only


def test_json_when_nothing_changed(runs):
    run = runs["current_json"]
    assert run.returncode == 0
    summary = json.loads(run.stdout)
    assert summary["up_to_date"] is True and summary["run_id"] == "" and summary["log_file"] is None
    assert (
        summary["articles_unchanged"] == 2 and summary["figures"] == json.loads(runs["verbose_json"].stdout)["figures"]
    )
    assert run.stderr == ""
