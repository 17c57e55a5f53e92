"""The dbt project as Dagster sees it, and the parse that builds its manifest.

The manifest is built before the code loads, by `make manifest` (which `make run`, `make test` and
`make ui` depend on; it runs `python -m beilun_etl.defs.transform.project`), never at import: a
code location that parsed dbt while loading took seconds and could race another loading it.
Loading the definitions only checks that it is there and warns when a dbt file is newer.
"""

from __future__ import annotations

import json
import os
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dagster_dbt import DbtCliResource, DbtProject

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
    """The dbt vars of a pipeline build. `changes_recorded`: the run filled the sources
    raw.changed_articles and raw.changed_cells, so the scoped models redo only that scope
    (macros/incremental_by_scope.sql)."""
    return ["--vars", json.dumps({"changes_recorded": changes_recorded})]


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


class ManifestMissing(RuntimeError):
    """The dbt manifest has not been built: the definitions cannot know the dbt assets."""


def ensure_manifest() -> Path:
    """The manifest the dbt assets are defined from; it must exist (`make manifest` builds it).

    A manifest older than a dbt file still loads, with a warning: the assets would miss a model
    added since, so the warning names the command that brings it up to date.
    """
    manifest = dbt_project.manifest_path
    if not manifest.exists():
        raise ManifestMissing(
            f"no dbt manifest at {manifest}: run `make manifest` (or "
            "`.venv/bin/python -m beilun_etl.defs.transform.project`) first"
        )
    if manifest.stat().st_mtime < _newest_source_mtime(dbt_project.project_dir):
        warnings.warn(
            f"the dbt manifest {manifest} is older than a file of the dbt project: run `make manifest`",
            stacklevel=2,
        )
    return manifest


def build_manifest() -> Path:
    """Parse the dbt project into its manifest (what `make manifest` runs).

    The parse writes into a folder of its own and the manifest is renamed into place, so a code
    location loading at the same moment never reads a half-written file.
    """
    manifest = dbt_project.manifest_path
    parse_target = TARGET_DIR / "parse"
    dbt_cli_resource().cli(["--quiet", "parse"], target_path=parse_target).wait()
    os.replace(parse_target / "manifest.json", manifest)
    return manifest


if __name__ == "__main__":
    print(f"dbt manifest: {build_manifest()}")
