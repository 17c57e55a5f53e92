"""dagster-dbt's `DbtCliResource` without two things it does before every dbt command, unused here.

- It runs `dbt --version` in a subprocess to learn which dbt it drives: 4.6 s a run on this
  2-core machine. The executable is this environment's, so its version is the installed dbt-core's.
- It opens a dbt adapter in the Dagster process: 7 s a run. dagster-dbt only uses it for
  `fetch_row_counts()` and `fetch_column_metadata()`, which these assets do not call.
Both are private methods of dagster-dbt (pinned in pyproject.toml); `tests/test_runtime.py` checks
that they still exist, so an upgrade that renames them fails loudly instead of slowing down.
"""

from __future__ import annotations

from functools import cached_property
from importlib.metadata import version as installed_version

from dagster_dbt import DbtCliResource
from packaging.version import Version


class LeanDbtCliResource(DbtCliResource):
    @cached_property
    def _cli_version(self) -> Version:
        return Version(installed_version("dbt-core"))

    def _initialize_dbt_core_adapter(self, args):
        return None
