"""Run the suites of `expectations/` on DataFrames read from a DuckDB warehouse, with Great Expectations 1.x.

One ephemeral Great Expectations context per call of `validate`: a pandas data source, one
DataFrame asset and validation definition per suite, each run on the table the suite names
(`meta.model`), then one build of the Data Docs into `docs_dir`. GE's own SQL data source is not
used (broken on DuckDB here, and it holds a lock that blocks the writer).

What a run found is in `outcomes`, how it is written to the warehouse in `findings`.

Plain functions, no Dagster: `beilun_etl.defs.quality.checks` wraps them in asset checks, the tests call them.
Great Expectations is imported inside `validate` (the import takes 4-8 s).
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import shutil
import threading
import time
from pathlib import Path

import duckdb
import pyarrow as pa

from beilun_etl.pipeline.changes import fill_changed_articles
from beilun_etl.quality.findings import findings_of, write_findings
from beilun_etl.quality.frames import ModelTable, plain_value
from beilun_etl.quality.outcomes import ExpectationOutcome, QualityReport, SuiteOutcome
from beilun_etl.quality.suites import Suite, load_suites

DOCS_SITE = "beilun_quality"
MAX_FAILING_ROWS = 500  # per expectation, in outcomes and findings
DUCKDB_MEMORY_LIMIT = "512MB"  # reading tables for validation needs little; the rest is Arrow and pandas

# Suites of scope `article` read only the rows of the articles in this temporary table of the
# validating connection: those changed since the last publication (beilun_etl.pipeline.changes).
CHANGED_ARTICLES = "quality_changed_articles"


def import_great_expectations_in_background() -> threading.Thread:
    """Start importing Great Expectations (4–8 s) in a thread, to overlap it with other waiting.

    The pipeline calls it while `dbt build` runs in its subprocess, so that the checks step that
    follows finds the module loaded. A later `import great_expectations` waits for this one.
    """
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    thread = threading.Thread(target=importlib.import_module, args=("great_expectations",), daemon=True)
    thread.start()
    return thread


def _gx_context(docs_dir: Path | None):
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    if docs_dir is not None:
        context.add_data_docs_site(
            site_name=DOCS_SITE,
            site_config={
                "class_name": "SiteBuilder",
                "show_how_to_buttons": False,
                "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            },
        )
    return gx, context


def _clear_docs(docs_dir: Path) -> None:
    """Remove the previous run's Data Docs (only what Great Expectations writes there)."""
    for name in ("validations", "expectations", "static"):
        shutil.rmtree(docs_dir / name, ignore_errors=True)
    (docs_dir / "index.html").unlink(missing_ok=True)


def _expectation_outcome(result, table: ModelTable) -> ExpectationOutcome:
    cfg = result.expectation_config  # GE keeps each expectation's `meta` of the suite file
    meta = dict(cfg.meta or {})
    kwargs = {k: plain_value(v) for k, v in (cfg.kwargs or {}).items() if k not in ("batch_id", "result_format")}
    check = meta.get("check") or f"{cfg.type}:{kwargs.get('column') or ','.join(kwargs.get('column_list') or [])}"
    res = result.result or {}
    exception = (result.exception_info or {}).get("exception_message") if result.exception_info else None
    # Row positions: the validated frame keeps the default index (see `_validate_suite`).
    positions = [int(i) for i in res.get("partial_unexpected_index_list") or [] if isinstance(i, int | float)]
    positions = sorted(set(positions))
    unexpected = res.get("unexpected_count")
    if unexpected is None:
        unexpected = len(positions) if positions or result.success else 1
    return ExpectationOutcome(
        type=cfg.type,
        kwargs=kwargs,
        check=check,
        success=bool(result.success),
        element_count=res.get("element_count"),
        unexpected_count=int(unexpected) if not result.success else 0,
        failing_rows=table.rows_at(positions[:MAX_FAILING_ROWS]) if not result.success else [],
        observed_value=plain_value(res.get("observed_value")),
        expected_text=meta.get("expected"),
        notes=meta.get("notes") or getattr(cfg, "notes", None),
        error=str(exception) if exception else None,
    )


def _validate_suite(gx, context, source, suite: Suite, table: ModelTable) -> SuiteOutcome:
    try:
        gx_suite = context.suites.add(gx.ExpectationSuite(**suite.gx_suite_dict()))
        asset = source.add_dataframe_asset(suite.name)
        batch = asset.add_batch_definition_whole_dataframe(suite.model)
        definition = context.validation_definitions.add(
            gx.ValidationDefinition(name=suite.name, data=batch, suite=gx_suite)
        )
        result = definition.run(
            batch_parameters={"dataframe": table.frame_for(suite)},
            # SUMMARY lists the first MAX_FAILING_ROWS failing rows: COMPLETE lists them all, and on a
            # large warehouse its index lists cost more time and memory than the validation.
            # The frame keeps its default index, the row positions: GE lists those as they are, while
            # `unexpected_index_column_names` makes it look each failing row up one by one (12 s
            # for 450,000 disagreeing figures).
            result_format={"result_format": "SUMMARY", "partial_unexpected_count": MAX_FAILING_ROWS},
        )
    except Exception as exc:  # a suite that GE cannot run is a failed check, not a crash
        return SuiteOutcome(suite, False, len(table), error=f"{type(exc).__name__}: {exc}")
    finally:
        # The data source's engine keeps every batch it loaded: let go of this suite's frame.
        batches = source.get_execution_engine().batch_manager
        batches.reset_batch_cache()
        batches.batch_data_cache.clear()
    return SuiteOutcome(
        suite,
        success=bool(result.success),
        row_count=len(table),
        expectations=[_expectation_outcome(r, table) for r in result.results],
    )


def validate(
    con: duckdb.DuckDBPyConnection,
    suites: list[Suite] | None = None,
    docs_dir: Path | str | None = None,
    published: Path | None = None,
) -> QualityReport:
    """Validate every suite on its table read through `con`; build Data Docs into `docs_dir`.

    Given the `published` warehouse this build will replace, suites of scope `article` read only
    the rows of the articles changed since then (`beilun_etl.pipeline.changes`). A suite whose table cannot be
    read fails (with `error` set); an error never escapes.
    """
    started = time.perf_counter()
    suites = load_suites() if suites is None else suites
    docs_path = Path(docs_dir).resolve() if docs_dir is not None else None
    checked_at = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)

    t_import = time.perf_counter()
    gx, context = _gx_context(docs_path)
    gx_import_seconds = time.perf_counter() - t_import
    source = context.data_sources.add_pandas("warehouse")

    scoped_suites = any(s.scope == "article" for s in suites)
    changed = fill_changed_articles(con, published, CHANGED_ARTICLES, temporary=True) if scoped_suites else None
    # Suites are run a table at a time: each table is read once for all the suites on it and let go
    # before the next one is read, so a run holds one table at a time whatever the warehouse size.
    by_table: dict[tuple[str, bool], list[Suite]] = {}
    for suite in suites:
        by_table.setdefault((suite.model, suite.scope == "article" and changed is not None), []).append(suite)
    done: dict[str, SuiteOutcome] = {}
    for (_, scoped), model_suites in by_table.items():
        t0 = time.perf_counter()
        try:
            table = ModelTable(con, model_suites, only_articles_in=CHANGED_ARTICLES if scoped else None)
        except duckdb.Error as exc:
            for suite in model_suites:
                done[suite.name] = SuiteOutcome(suite, False, 0, error=f"cannot read {suite.model}: {exc}")
            continue
        read_seconds = time.perf_counter() - t0
        for suite in model_suites:
            t0 = time.perf_counter()
            done[suite.name] = _validate_suite(gx, context, source, suite, table)
            done[suite.name].seconds = time.perf_counter() - t0 + read_seconds / len(model_suites)
            done[suite.name].changed_articles = changed if scoped else None
        del table
        pa.default_memory_pool().release_unused()  # give the table's memory back before the next read
    outcomes = [done[suite.name] for suite in suites]

    if docs_path is not None:
        docs_path.mkdir(parents=True, exist_ok=True)
        _clear_docs(docs_path)
        context.build_data_docs(site_names=[DOCS_SITE])

    report = QualityReport(
        outcomes=outcomes,
        docs_path=docs_path,
        checked_at=checked_at,
        gx_import_seconds=gx_import_seconds,
    )
    report.findings = findings_of(report)
    report.seconds = time.perf_counter() - started
    return report


def run_quality_checks(
    db_path: Path | str,
    docs_dir: Path | str | None = None,
    suites: list[Suite] | None = None,
    write: bool = True,
    published: Path | None = None,
) -> QualityReport:
    """Validate the warehouse file at `db_path` and (by default) write `marts.quality_findings` into it.

    `published`: the warehouse this build replaces, for suites of scope `article` (see `validate`).
    """
    from beilun_etl.pipeline.warehouse_files import connect

    with connect(db_path, read_only=not write) as con:
        # DuckDB caches the blocks it reads up to its memory limit (80% of RAM by default).
        con.execute(f"SET memory_limit = '{DUCKDB_MEMORY_LIMIT}'")
        report = validate(con, suites=suites, docs_dir=docs_dir, published=published)
        if write:
            write_findings(con, report)
    return report
