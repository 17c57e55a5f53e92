"""A one-line progress display of a refresh on a terminal's stderr (nothing when it is no terminal).

It listens to the run's Dagster events (which step runs, how many dbt nodes are done) and to the
`beilun_etl.progress` logger, on which long loops report `done` of `total` (the extraction of a
big folder). The line is redrawn in place and erased at the end, so the report stays short.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import TextIO

from dagster import DagsterEventType, EventLogEntry

PROGRESS_LOGGER = "beilun_etl.progress"
STAGES = {
    "articles": "reading articles",
    "figures": "extracting figures",
    "warehouse_models": "dbt build",
    "great_expectations_suites": "quality checks",
    "published_warehouse": "publishing",
}
BAR_WIDTH = 30
REDRAW_SECONDS = 0.1
# The seconds of a stage tick on even when it reports nothing (dbt starting, a big folder's ingest).
TICK_SECONDS = 1.0


class RunProgress(logging.Handler):
    """Draws `stage [bar] done/total  seconds` on `stream`, if it is a terminal."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__(level=logging.INFO)
        self.stream = stream
        self.enabled = stream.isatty()
        self.stage = "loading the definitions"
        self.stage_started = time.monotonic()
        self.done: int | None = None
        self.total: int | None = None
        self.nodes = 0
        self.last_drawn = 0.0
        self.drawing = threading.Lock()
        self.stopped = threading.Event()
        self.ticker = threading.Thread(target=self._tick, name="progress", daemon=True)

    def _tick(self) -> None:
        while not self.stopped.wait(TICK_SECONDS):
            self.draw(force=True)

    # Dagster calls this with every event of the run (DagsterInstance.add_event_listener).
    def __call__(self, entry: EventLogEntry) -> None:
        event = entry.dagster_event
        if event is None:
            return
        if event.event_type == DagsterEventType.STEP_START:
            self.stage = STAGES.get(event.step_key or "", event.step_key or "")
            self.stage_started = time.monotonic()
            self.done = self.total = None
            self.nodes = 0
            self.draw(force=True)
        elif event.step_key == "warehouse_models" and event.event_type in (
            DagsterEventType.ASSET_MATERIALIZATION,
            DagsterEventType.ASSET_CHECK_EVALUATION,
        ):
            self.nodes += 1
            self.draw()

    # The `beilun_etl.progress` logger: records with `done` and `total`.
    def emit(self, record: logging.LogRecord) -> None:
        done, total = getattr(record, "done", None), getattr(record, "total", None)
        if isinstance(done, int) and isinstance(total, int):
            self.done, self.total = done, total
            self.draw(force=done in (0, total))

    def draw(self, force: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or self.stopped.is_set() or (not force and now - self.last_drawn < REDRAW_SECONDS):
            return
        with self.drawing:
            self._draw(now)

    def _draw(self, now: float) -> None:
        self.last_drawn = now
        line = self.stage
        if self.total:
            filled = round(BAR_WIDTH * (self.done or 0) / self.total)
            line += f" [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {self.done}/{self.total} articles"
        elif self.nodes:
            line += f": {self.nodes} models and tests done"
        line += f"  {now - self.stage_started:.0f} s"
        self.stream.write(f"\r\x1b[K{line}")
        self.stream.flush()

    def clear(self) -> None:
        self.stopped.set()
        if self.enabled:
            with self.drawing:
                self.stream.write("\r\x1b[K")
                self.stream.flush()

    def __enter__(self) -> RunProgress:
        logger = logging.getLogger(PROGRESS_LOGGER)
        logger.addHandler(self)
        logger.setLevel(logging.INFO)
        logger.propagate = False  # the bar is its only reader here; not the root logger's handlers
        if self.enabled:
            self.ticker.start()
        return self

    def __exit__(self, *exc: object) -> None:
        logging.getLogger(PROGRESS_LOGGER).removeHandler(self)
        self.clear()
        if self.ticker.is_alive():
            self.ticker.join()
