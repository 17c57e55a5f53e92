"""What a run records for the models incremental by scope: the changed articles and their cells."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from pipeline_helpers import refresh

from beilun_etl.pipeline.changes import CHANGED_SCOPE, forget_changes, record_changes_for_dbt

CHANGED_CELLS = f"{CHANGED_SCOPE} WHERE scope = 'cell'"
CHANGED_ARTICLES = f"{CHANGED_SCOPE} WHERE scope = 'article'"

pytestmark = pytest.mark.slow  # runs Dagster or dbt end to end: left out of `make test-fast`

SEED_2024 = "000_0ffcbe62cd3a376b"
SEED_2023 = "003_e40ad7c70a5ae01c"


def _cells(con: duckdb.DuckDBPyConnection, where: str, params: list) -> set[tuple]:
    return set(
        con.execute(
            f"SELECT DISTINCT zone_key, indicator_key, period_start, period_end FROM {where}", params
        ).fetchall()
    )


def test_edited_and_deleted_articles_are_recorded_with_the_cells_of_their_old_versions(
    articles_dir: Path, warehouse_path: Path, tmp_path: Path
):
    assert refresh(articles_dir, warehouse_path).published
    build = tmp_path / "build.duckdb"
    shutil.copyfile(warehouse_path, build)
    with duckdb.connect(str(build)) as con:
        old_2023 = _cells(con, "intermediate.int_indicator_values WHERE article_id = ?", [SEED_2023])
        assert old_2023
        # Nothing changed yet: nothing to recompute, and an empty record (not a missing one).
        assert record_changes_for_dbt(con, warehouse_path) == 0
        assert _cells(con, CHANGED_CELLS, []) == set()

        con.execute(
            "UPDATE raw.article_versions SET content_hash = 'edited' WHERE article_id = ? AND status = 'current'",
            [SEED_2023],
        )
        assert record_changes_for_dbt(con, warehouse_path) == 1
        assert con.execute(f"SELECT article_id FROM {CHANGED_ARTICLES}").fetchall() == [(SEED_2023,)]
        assert _cells(con, CHANGED_CELLS, []) == old_2023

        con.execute("UPDATE raw.article_versions SET status = 'deleted' WHERE article_id = ?", [SEED_2024])
        assert record_changes_for_dbt(con, warehouse_path) == 2
        old_both = _cells(con, "intermediate.int_indicator_values", [])
        assert _cells(con, CHANGED_CELLS, []) == old_both > old_2023

        # No publication to compare with: no record, so dbt recomputes the scoped models whole.
        assert record_changes_for_dbt(con, tmp_path / "missing.duckdb") is None
        assert con.execute(f"SELECT count(*) FROM {CHANGED_SCOPE}").fetchall() == [(0,)]
        assert record_changes_for_dbt(con, warehouse_path) == 2
        assert con.execute(f"SELECT count(*) FROM {CHANGED_SCOPE}").fetchall()[0][0] > 2
        forget_changes(con)
        assert con.execute(f"SELECT count(*) FROM {CHANGED_SCOPE}").fetchall() == [(0,)]
