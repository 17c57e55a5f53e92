"""Process-level tuning of the frameworks, kept apart from the flow and behind one switch.

Each module here reaches past a framework's public API for a measured saving (docs/performance.md):
- `gc_settings`: the CLI and its dbt collect garbage less often and skip the interpreter's teardown;
- `event_log_storage`: Dagster's SQLite event log keeps its database engines (dagster.yaml);
- `lean_dbt`: dagster-dbt's resource skips a `dbt --version` subprocess and an unused adapter.

`BEILUN_RUNTIME_TUNING=0` turns all three off: the stock behaviour of Dagster, dagster-dbt and
CPython, for a framework upgrade that breaks one of them or to measure what they save. Each has
a test that fails when the upstream code it relies on changes.
"""

from __future__ import annotations

import os


def tuning_enabled() -> bool:
    """Read at each use, so that a test or a benchmark can switch it per process."""
    return os.environ.get("BEILUN_RUNTIME_TUNING", "1") != "0"
