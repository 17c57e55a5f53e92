"""Starting `dagster dev` (webserver and daemon) for a test, talking GraphQL to it, and stopping it."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
LOCATION = "beilun_etl"
REPOSITORY = "__repository__"
MAKE_VARS = ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _default_signals() -> None:
    # Started from a test runner, dagster dev inherits ignored SIGINT/SIGTERM; restore them so it stops.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


class DagsterDev:
    def __init__(self, url: str, log: Path):
        self.url = url
        self.log = log

    def graphql(self, query: str, variables: dict | None = None) -> dict:
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        request = urllib.request.Request(f"{self.url}/graphql", body, {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            payload = json.loads(response.read())
        assert "errors" not in payload, payload
        return payload["data"]

    def launch(self, job: str, run_config: dict | None = None) -> str:
        data = self.graphql(
            """
            mutation Launch($params: ExecutionParams!) {
              launchRun(executionParams: $params) {
                __typename
                ... on LaunchRunSuccess { run { runId } }
                ... on PythonError { message }
                ... on RunConfigValidationInvalid { errors { message } }
              }
            }
            """,
            {
                "params": {
                    "selector": {"repositoryLocationName": LOCATION, "repositoryName": REPOSITORY, "jobName": job},
                    "runConfigData": run_config or {},
                }
            },
        )["launchRun"]
        assert data["__typename"] == "LaunchRunSuccess", data
        return data["run"]["runId"]

    def run_status(self, run_id: str) -> str:
        query = "query($id: ID!) { runOrError(runId: $id) { ... on Run { status } } }"
        return self.graphql(query, {"id": run_id})["runOrError"]["status"]

    def wait_for_run(self, run_id: str, timeout: float = 400) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status = self.run_status(run_id)
            if status in ("SUCCESS", "FAILURE", "CANCELED"):
                return status
            time.sleep(2)
        raise TimeoutError(f"run {run_id} still not done after {timeout} s; log: {self.log}")

    def runs(self, tag_key: str | None = None, tag_value: str | None = None) -> list[dict]:
        filter_ = {"tags": [{"key": tag_key, "value": tag_value}]} if tag_key else {}
        query = """
            query($filter: RunsFilter) {
              runsOrError(filter: $filter) { ... on Runs { results { runId status tags { key value } } } }
            }
        """
        return self.graphql(query, {"filter": filter_})["runsOrError"]["results"]


@contextmanager
def dagster_dev(home: Path, env: dict[str, str], startup_timeout: float = 180) -> Iterator[DagsterDev]:
    """`make ui` (dagster dev: webserver and daemon) on 127.0.0.1 with its own DAGSTER_HOME; stopped on exit."""
    port = free_port()
    log = home / "dagster_dev.log"
    process = subprocess.Popen(
        ["make", "--no-print-directory", "ui", f"UI_PORT={port}"],
        cwd=PROJECT_ROOT,
        # not a sub-make of `make test` (MAKEFLAGS: a parallel make's jobserver warning in the log)
        env={k: v for k, v in os.environ.items() if k not in MAKE_VARS} | env | {"DAGSTER_HOME": str(home)},
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        preexec_fn=_default_signals,
        start_new_session=True,
    )
    server = DagsterDev(f"http://127.0.0.1:{port}", log)
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            assert process.poll() is None, f"dagster dev exited: {log.read_text()[-3000:]}"
            try:
                if server.graphql("{ version }")["version"]:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, f"dagster dev did not answer: {log.read_text()[-3000:]}"
            time.sleep(1)
        yield server
    finally:
        _stop_group(process)


def _stop_group(process: subprocess.Popen, timeout: float = 30) -> None:
    """SIGTERM to make, dagster dev and its webserver, daemon and code server; SIGKILL after `timeout` s."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                os.killpg(process.pid, 0)  # anyone of the group still there?
            except ProcessLookupError:
                break
            process.poll()  # reaps make once it exits
            time.sleep(0.5)
        else:
            continue
        break
    process.wait(timeout=timeout)


RUN_EVENT = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def warning_lines(log: str) -> list[str]:
    """Lines of a `make ui` log that warn, other than a run's own events (which name the run's id)."""
    return [line for line in log.splitlines() if "warning" in line.lower() and not RUN_EVENT.search(line)]
