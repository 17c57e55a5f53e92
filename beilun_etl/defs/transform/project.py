"""The dbt project as Dagster sees it, with a manifest that is always current.

`DbtProject.prepare_if_dev()` only parses under `dagster dev`; the CLI, the tests and CI load the
definitions directly, so the manifest is re-parsed here whenever a dbt file is newer than it.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from dagster_dbt import DbtCliResource, DbtProject

from beilun_etl.extraction import extractor_fingerprint
from beilun_etl.paths import DBT_PROJECT_DIR

os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
# The dbt of this environment, also when its bin folder is not on PATH (the UI, the tests), started
# with the garbage-collector settings of a short run (beilun_etl/runtime/gc_settings.py).
DBT_EXECUTABLE = str(Path(sys.executable).with_name("beilun-dbt"))


def dbt_cli_resource() -> DbtCliResource:
    """dagster-dbt's resource; its lean variant unless BEILUN_RUNTIME_TUNING=0 (beilun_etl/runtime)."""
    from beilun_etl.runtime import tuning_enabled
    from beilun_etl.runtime.lean_dbt import LeanDbtCliResource

    resource = LeanDbtCliResource if tuning_enabled() else DbtCliResource
    return resource(project_dir=dbt_project, dbt_executable=DBT_EXECUTABLE)


def pipeline_vars(changes_recorded: bool = False) -> list[str]:
    """The dbt vars of a pipeline build: the figures this extractor staged keep its indicator codes
    (models/intermediate/int_figures_mapped.sql); a build by hand maps every phrase by alias.
    `changes_recorded`: the run filled the sources raw.changed_articles and raw.changed_cells, so
    the scoped models redo only that scope (macros/incremental_by_scope.sql)."""
    values = {"extractor_fingerprint": extractor_fingerprint(), "changes_recorded": changes_recorded}
    return ["--vars", json.dumps(values)]


@contextmanager
def pipeline_environment(build_warehouse: Path) -> Iterator[None]:
    """The environment dbt/profiles.yml reads in a pipeline run, set only while its dbt starts.

    dbt builds into the run's build copy and leaves its writes in the WAL when it closes the file
    (beilun_etl/pipeline/dbt_plugin.py): publishing checkpoints the copy once. A build by hand keeps the
    defaults, so it never leaves a WAL that a copy of the file alone would lose.
    """
    values = {"BEILUN_BUILD_WAREHOUSE": str(build_warehouse), "BEILUN_DBT_DEFER_CHECKPOINT": "true"}
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


_DBT_SOURCES = ("models", "seeds", "macros", "tests", "snapshots", "analyses")


def _newest_source_mtime(project_dir: Path) -> float:
    files = [project_dir / "dbt_project.yml", project_dir / "profiles.yml"]
    for folder in _DBT_SOURCES:
        files.extend(p for p in (project_dir / folder).rglob("*") if p.is_file())
    return max((p.stat().st_mtime for p in files if p.exists()), default=0.0)


# Runs write their dbt artifacts here, never over the manifest that code locations load.
TARGET_DIR = dbt_project.project_dir / dbt_project.target_path
RUN_TARGET_PATH = TARGET_DIR / "run"


def ensure_manifest() -> Path:
    """Parse the dbt project when its manifest is missing or older than any dbt file.

    The parse writes into a folder of its own and the manifest is renamed into place, so a code
    location loading at the same moment never reads a half-written file.
    """
    manifest = dbt_project.manifest_path
    if not manifest.exists() or manifest.stat().st_mtime < _newest_source_mtime(dbt_project.project_dir):
        parse_target = TARGET_DIR / "parse"
        dbt_cli_resource().cli(["--quiet", "parse"], target_path=parse_target).wait()
        os.replace(parse_target / "manifest.json", manifest)
    return manifest


def dictionary_only_nodes(manifest: Mapping[str, Any]) -> list[str]:
    """The seeds and models that read no source: only the dictionaries, which analysts edit.

    The code fingerprint covers the dictionaries, so a run built by the same code as the last
    publication finds these tables (and the tests on them) as they were; dbt excludes a test
    along with the models it reads.
    """
    nodes = manifest["nodes"]
    reads_a_source: dict[str, bool] = {}

    def reads(unique_id: str) -> bool:
        if unique_id.startswith("source."):
            return True
        if unique_id not in reads_a_source:
            parents = nodes.get(unique_id, {}).get("depends_on", {}).get("nodes", [])
            reads_a_source[unique_id] = any(reads(parent) for parent in parents)
        return reads_a_source[unique_id]

    return sorted(
        node["name"]
        for unique_id, node in nodes.items()
        if node["resource_type"] in ("seed", "model") and not reads(unique_id)
    )
