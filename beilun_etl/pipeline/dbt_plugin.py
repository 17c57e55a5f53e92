"""A dbt-duckdb plugin (dbt/profiles.yml): in a pipeline run, dbt leaves its writes in the WAL.

DuckDB checkpoints a file when its last connection closes. dbt's close did so after every build:
2.0 s of a one-new-article run at 10,000 articles (py-spy, 2026-12-02), for a build copy that the
checks step reopens and `publish` checkpoints anyway (`warehouse_files.connect_build_copy` does
the same for the Python steps). One new article into 10,000: 54.7 s → 51.7 s end to end, the
checks step replaying the WAL for about 2 s of the 5 s saved in dbt.

Only the pipeline asks for it (`dbt_project.pipeline_environment`): a file built by hand keeps
DuckDB's default, so copying the .duckdb file alone after a manual `dbt build` loses nothing.
"""

from typing import Any

from dbt.adapters.duckdb.plugins import BasePlugin
from duckdb import DuckDBPyConnection


class Plugin(BasePlugin):
    def initialize(self, plugin_config: dict[str, Any]) -> None:
        self.defer_checkpoint = str(plugin_config.get("defer_checkpoint", "")).lower() == "true"

    def configure_connection(self, conn: DuckDBPyConnection) -> None:
        if self.defer_checkpoint:
            conn.execute("PRAGMA disable_checkpoint_on_shutdown")
