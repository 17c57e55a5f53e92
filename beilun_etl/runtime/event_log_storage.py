"""Dagster's SQLite event log, with its engines kept for the life of the process.

The stock `SqliteEventLogStorage` builds a SQLAlchemy engine, opens a SQLite connection and
disposes of both for every statement, and writes every asset and check event twice (the run's
shard and the cross-run index). A refresh records about 500 events; on this 2-core machine that
cost about 20 ms an event, some 10 s of a run. Keeping one engine per shard keeps SQLAlchemy's
compiled-statement cache, and the index keeps its connection open: about 11 ms an event.

Files, schema and locking stay Dagster's own, so the webserver and daemon read the same history.
A run shard still closes its connection after each write: the webserver follows a live run by
watching the shard's file, and only the close, after the commit, reliably wakes it to read the
last events (kept open, a watcher missed the end of a run in 4 tries out of 6).
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager

from dagster import Field, StringSource
from dagster._core.storage.event_log.sqlite.sqlite_event_log import INDEX_SHARD_NAME, SqliteEventLogStorage
from dagster._core.storage.sqlite import SQLITE_BUSY_TIMEOUT_SECONDS
from dagster._serdes import ConfigurableClassData
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import NullPool, QueuePool

from beilun_etl.runtime import tuning_enabled

ENGINES_KEPT = 16  # a webserver reads many runs: keep the recent ones' engines, not one per run ever read


class PooledSqliteEventLogStorage(SqliteEventLogStorage):
    """`SqliteEventLogStorage` reusing its engines; `base_dir` defaults to Dagster's own place."""

    def __init__(self, base_dir: str, inst_data: ConfigurableClassData | None = None):
        self._engines: OrderedDict[str, Engine] = OrderedDict()
        super().__init__(base_dir, inst_data)

    @classmethod
    def config_type(cls) -> dict:
        return {"base_dir": Field(StringSource, is_required=False)}

    @classmethod
    def from_config_value(
        cls, inst_data: ConfigurableClassData | None, config_value: dict
    ) -> PooledSqliteEventLogStorage:
        base_dir = config_value.get("base_dir") or os.path.join(os.environ["DAGSTER_HOME"], "history", "runs")
        return cls(base_dir, inst_data=inst_data)

    def _new_engine(self, shard: str, **pool: object) -> Engine:
        return create_engine(
            self.conn_string_for_shard(shard),
            **pool,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS, "check_same_thread": False},
        )

    def _engine(self, shard: str) -> Engine:
        engine = self._engines.get(shard)
        if engine is None:
            # the index keeps one connection (every use holds the storage's lock)
            pool = (
                {"poolclass": QueuePool, "pool_size": 1, "max_overflow": 0}
                if shard == INDEX_SHARD_NAME
                else {"poolclass": NullPool}
            )
            engine = self._engines[shard] = self._new_engine(shard, **pool)
            if len(self._engines) > ENGINES_KEPT:
                oldest = next(name for name in self._engines if name != INDEX_SHARD_NAME)
                self._engines.pop(oldest).dispose()
        self._engines.move_to_end(shard)
        return engine

    @contextmanager
    def _connect(self, shard: str) -> Iterator[Connection]:
        if not tuning_enabled():  # Dagster's own: an engine per statement
            with super()._connect(shard) as conn:
                yield conn
            return
        with self._db_lock:
            if shard not in self._initialized_dbs:
                # Dagster's set-up of a new file opens a second connection: give it an engine of its own
                self._initdb(self._new_engine(shard, poolclass=NullPool))
                self._initialized_dbs.add(shard)
            with self._engine(shard).connect() as conn, conn.begin():
                yield conn

    def dispose(self) -> None:
        super().dispose()
        with self._db_lock:
            for engine in self._engines.values():
                engine.dispose()
            self._engines.clear()
