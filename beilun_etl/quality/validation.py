"""Run the suites of `expectations/` on DataFrames read from a DuckDB warehouse, with Great Expectations 1.x.

One ephemeral Great Expectations context per call of `validate`: a pandas data source, one
DataFrame asset and validation definition per suite, each run on the table the suite names
(`meta.model`), then one build of the Data Docs into `docs_dir`. GE's own SQL data source is not
used (broken on DuckDB here, and it holds a lock that blocks the writer).

What a run found is in `outcomes`, how it is written to the warehouse in `findings`.

Plain functions, no Dagster: `beilun_etl.checks` wraps them in asset checks, the tests call them.
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
import pandas as pd

from beilun_etl.quality.findings import findings_of, write_findings
from beilun_etl.quality.frames import ROW_ID, columns_for, plain_value, read_model, rows_at
from beilun_etl.quality.outcomes import ExpectationOutcome, QualityReport, SuiteOutcome
from beilun_etl.quality.suites import Suite, load_suites

DOCS_SITE = "beilun_quality"
MAX_FAILING_ROWS = 500  # per expectation, in outcomes and findings


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


def _expectation_outcome(result, df: pd.DataFrame) -> ExpectationOutcome:
    cfg = result.expectation_config  # GE keeps each expectation's `meta` of the suite file
    meta = dict(cfg.meta or {})
    kwargs = {k: plain_value(v) for k, v in (cfg.kwargs or {}).items() if k not in ("batch_id", "result_format")}
    check = meta.get("check") or f"{cfg.type}:{kwargs.get('column') or ','.join(kwargs.get('column_list') or [])}"
    res = result.result or {}
    exception = (result.exception_info or {}).get("exception_message") if result.exception_info else None
    positions: list[int] = []
    for item in res.get("unexpected_index_list") or res.get("partial_unexpected_index_list") or []:
        if isinstance(item, dict) and ROW_ID in item:
            positions.append(int(item[ROW_ID]))
        elif isinstance(item, int | float):
            positions.append(int(item))
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
        failing_rows=rows_at(df, positions[:MAX_FAILING_ROWS]) if not result.success else [],
        observed_value=plain_value(res.get("observed_value")),
        expected_text=meta.get("expected"),
        notes=meta.get("notes") or getattr(cfg, "notes", None),
        error=str(exception) if exception else None,
    )


def validate(
    con: duckdb.DuckDBPyConnection,
    suites: list[Suite] | None = None,
    docs_dir: Path | str | None = None,
) -> QualityReport:
    """Validate every suite on its table read through `con`; build Data Docs into `docs_dir`.

    A suite whose table cannot be read fails (with `error` set); an error never escapes.
    """
    started = time.perf_counter()
    suites = load_suites() if suites is None else suites
    docs_path = Path(docs_dir).resolve() if docs_dir is not None else None
    checked_at = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)

    t_import = time.perf_counter()
    gx, context = _gx_context(docs_path)
    gx_import_seconds = time.perf_counter() - t_import
    source = context.data_sources.add_pandas("warehouse")

    outcomes: list[SuiteOutcome] = []
    for suite in suites:
        t0 = time.perf_counter()
        try:
            df = read_model(con, suite)
        except duckdb.Error as exc:
            outcomes.append(SuiteOutcome(suite, False, 0, error=f"cannot read {suite.model}: {exc}"))
            continue
        try:
            gx_suite = context.suites.add(gx.ExpectationSuite(**suite.gx_suite_dict()))
            asset = source.add_dataframe_asset(suite.name)
            batch = asset.add_batch_definition_whole_dataframe(suite.model)
            definition = context.validation_definitions.add(
                gx.ValidationDefinition(name=suite.name, data=batch, suite=gx_suite)
            )
            result = definition.run(
                batch_parameters={"dataframe": columns_for(suite, df)},
                # SUMMARY lists the first MAX_FAILING_ROWS failing rows: COMPLETE lists them all, and on a
                # large warehouse its index lists cost more time and memory than the validation.
                result_format={
                    "result_format": "SUMMARY",
                    "unexpected_index_column_names": [ROW_ID],
                    "partial_unexpected_count": MAX_FAILING_ROWS,
                },
            )
        except Exception as exc:  # a suite that GE cannot run is a failed check, not a crash
            outcomes.append(SuiteOutcome(suite, False, len(df), error=f"{type(exc).__name__}: {exc}"))
            continue
        expectations = [_expectation_outcome(r, df) for r in result.results]
        outcomes.append(
            SuiteOutcome(
                suite,
                success=bool(result.success),
                row_count=len(df),
                expectations=expectations,
                seconds=time.perf_counter() - t0,
            )
        )

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
) -> QualityReport:
    """Validate the warehouse file at `db_path` and (by default) write `marts.quality_findings` into it."""
    from beilun_etl.resources import connect

    with connect(db_path, read_only=not write) as con:
        report = validate(con, suites=suites, docs_dir=docs_dir)
        if write:
            write_findings(con, report)
    return report
