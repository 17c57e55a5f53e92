"""Run the suites of `expectations/` on DataFrames read from a DuckDB warehouse, with Great Expectations 1.x.

One ephemeral Great Expectations context per call of `validate`: a pandas data source, one
DataFrame asset and validation definition per suite, each run on the table the suite names
(`meta.model`), then one build of the Data Docs into `docs_dir`. GE's own SQL data source is not
used (broken on DuckDB here, and it holds a lock that blocks the writer).

Plain functions, no Dagster: `beilun_etl.checks` wraps them in asset checks, the tests call them.
Great Expectations is imported inside `validate` (the import takes 4-8 s).
"""

from __future__ import annotations

import datetime as dt
import importlib
import math
import os
import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from beilun_etl.quality.suites import Suite, load_suites

ROW_ID = "_row"  # the position of a row in the validated DataFrame: how failing rows are found again
DOCS_SITE = "beilun_quality"
MAX_FAILING_ROWS = 500  # per expectation, in outcomes and findings


@dataclass
class ExpectationOutcome:
    """The result of one expectation of a suite."""

    type: str
    kwargs: dict[str, Any]
    check: str  # meta.check, else type:column
    success: bool
    element_count: int | None
    unexpected_count: int
    failing_rows: list[dict[str, Any]] = field(default_factory=list)
    observed_value: Any = None  # for aggregate expectations (row counts, ...)
    expected_text: str | None = None  # meta.expected
    notes: str | None = None
    error: str | None = None

    @property
    def column(self) -> str | None:
        col = self.kwargs.get("column")
        if col is None and self.kwargs.get("column_list"):
            col = ",".join(self.kwargs["column_list"])
        return col


@dataclass
class SuiteOutcome:
    """The result of one suite on its table: what a Dagster asset check reports."""

    suite: Suite
    success: bool
    row_count: int
    expectations: list[ExpectationOutcome] = field(default_factory=list)
    error: str | None = None  # the table could not be read or validated at all
    seconds: float = 0.0

    @property
    def name(self) -> str:
        return self.suite.name

    @property
    def severity(self) -> str:
        return self.suite.severity

    @property
    def blocking_failure(self) -> bool:
        return not self.success and self.suite.blocking

    @property
    def unexpected_count(self) -> int:
        return sum(e.unexpected_count for e in self.expectations)

    @property
    def failed_expectations(self) -> list[ExpectationOutcome]:
        return [e for e in self.expectations if not e.success]

    def failing_rows(self) -> list[dict[str, Any]]:
        """The distinct failing rows of the table, each with the checks it failed (`_failed`)."""
        rows: dict[int, dict[str, Any]] = {}
        for exp in self.failed_expectations:
            for row in exp.failing_rows:
                key = row.get(ROW_ID, id(row))
                entry = rows.setdefault(key, dict(row) | {"_failed": []})
                entry["_failed"].append(exp.check)
        return list(rows.values())


@dataclass
class QualityReport:
    """Every suite's outcome of one validation run, the findings and where the Data Docs are."""

    outcomes: list[SuiteOutcome]
    docs_path: Path | None
    checked_at: dt.datetime
    findings: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    gx_import_seconds: float = 0.0

    def outcome(self, name: str) -> SuiteOutcome:
        return next(o for o in self.outcomes if o.name == name)

    @property
    def blocking_failures(self) -> list[SuiteOutcome]:
        return [o for o in self.outcomes if o.blocking_failure]

    @property
    def warnings(self) -> list[SuiteOutcome]:
        return [o for o in self.outcomes if not o.success and not o.suite.blocking]

    @property
    def docs_index(self) -> Path | None:
        return self.docs_path / "index.html" if self.docs_path else None

    def summary(self) -> dict[str, int]:
        return {
            "passed": sum(o.success for o in self.outcomes),
            "warned": len(self.warnings),
            "failed": len(self.blocking_failures),
        }


# ---------------------------------------------------------------------------------------------
# reading the tables


def read_model(con: duckdb.DuckDBPyConnection, suite: Suite) -> pd.DataFrame:
    """The table a suite validates, as a DataFrame with a `_row` column (its position)."""
    df = con.execute(f'SELECT * FROM "{suite.model_schema}"."{suite.model_table}"').df()
    df = df.reset_index(drop=True)
    df[ROW_ID] = range(len(df))
    return df


def _columns_for(suite: Suite, df: pd.DataFrame) -> pd.DataFrame:
    """Only the columns the suite's expectations read (and the row id).

    Great Expectations copies and pickles the DataFrame it validates; sentences and texts it never
    reads made that the slowest part of a run on a large warehouse. Failing rows are still read
    whole from `df`.
    """
    used = suite.columns_used()
    if used is None:
        return df
    return df[[c for c in df.columns if c in used or c == ROW_ID]]


def _plain(value: Any) -> Any:
    """A value fit for JSON, Markdown and DuckDB: numpy scalars and arrays become Python ones."""
    if value is None:
        return None
    if hasattr(value, "tolist") and not isinstance(value, str | bytes):
        return _plain(value.tolist())
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def _records(df: pd.DataFrame, positions: list[int]) -> list[dict[str, Any]]:
    sub = df.iloc[positions]
    return [{k: _plain(v) for k, v in rec.items()} for rec in sub.to_dict(orient="records")]


# ---------------------------------------------------------------------------------------------
# Great Expectations


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
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
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
    kwargs = {k: _plain(v) for k, v in (cfg.kwargs or {}).items() if k not in ("batch_id", "result_format")}
    check = meta.get("check") or f"{cfg.type}:{kwargs.get('column') or ','.join(kwargs.get('column_list') or [])}"
    res = result.result or {}
    exception = (result.exception_info or {}).get("exception_message") if result.exception_info else None
    positions: list[int] = []
    for item in res.get("unexpected_index_list") or []:
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
        failing_rows=_records(df, positions[:MAX_FAILING_ROWS]) if not result.success else [],
        observed_value=_plain(res.get("observed_value")),
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
                batch_parameters={"dataframe": _columns_for(suite, df)},
                result_format={"result_format": "COMPLETE", "unexpected_index_column_names": [ROW_ID]},
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


# ---------------------------------------------------------------------------------------------
# findings: one row per failing row (or per failing aggregate expectation)


def _as_list(value: Any) -> list[str]:
    value = _plain(value)
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value if v is not None]
    return [str(value)]


def _text(value: Any) -> str | None:
    value = _plain(value)
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


_UNIQUENESS = ("expect_column_values_to_be_unique", "expect_compound_columns_to_be_unique")


def _duplicate_findings(base: dict[str, Any], exp: ExpectationOutcome) -> list[dict[str, Any]]:
    """Rows that share a key make one finding (the duplicates together), not one per row."""
    key_columns = exp.kwargs.get("column_list") or [exp.kwargs.get("column")]
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in exp.failing_rows:
        groups.setdefault(repr([row.get(c) for c in key_columns]), []).append(row)
    findings = []
    for rows in groups.values():
        merged: dict[str, list[str]] = {"figure_ids": [], "article_ids": [], "sentences": []}
        for row in rows:
            for plural, singular in (
                ("figure_ids", "figure_id"),
                ("article_ids", "article_id"),
                ("sentences", "sentence"),
            ):
                for value in _as_list(row.get(plural, row.get(singular))):
                    if value not in merged[plural]:
                        merged[plural].append(value)
        key = ", ".join(f"{c}={rows[0].get(c)}" for c in key_columns)
        findings.append(
            base
            | merged
            | {
                "expected": exp.expected_text or f"one row per {', '.join(key_columns)}",
                "observed": f"{len(rows)} rows with {key}",
                "detail": exp.notes,
            }
        )
    return findings


def findings_of(report: QualityReport) -> list[dict[str, Any]]:
    """The findings of a report, in the schema of `marts.quality_findings`."""
    findings: list[dict[str, Any]] = []
    for outcome in report.outcomes:
        base = {
            "suite": outcome.name,
            "severity": outcome.severity,
            "model": outcome.suite.model,
            "checked_at": report.checked_at,
        }
        if outcome.error:
            findings.append(
                base
                | {
                    "check_name": outcome.name,
                    "expectation": None,
                    "figure_ids": [],
                    "article_ids": [],
                    "sentences": [],
                    "expected": "the suite can run",
                    "observed": None,
                    "detail": outcome.error,
                }
            )
            continue
        for exp in outcome.failed_expectations:
            check_name = f"{outcome.name}.{exp.check}"
            if not exp.failing_rows:
                findings.append(
                    base
                    | {
                        "check_name": check_name,
                        "expectation": exp.type,
                        "figure_ids": [],
                        "article_ids": [],
                        "sentences": [],
                        "expected": exp.expected_text or _text(exp.kwargs),
                        "observed": _text(exp.observed_value) or exp.error,
                        "detail": exp.error or exp.notes,
                    }
                )
                continue
            if exp.type in _UNIQUENESS:
                findings += _duplicate_findings(base | {"check_name": check_name, "expectation": exp.type}, exp)
                continue
            for row in exp.failing_rows:
                column = exp.kwargs.get("column")
                observed = row.get("observed")
                if observed is None and column is not None:
                    observed = f"{column} = {row.get(column)}"
                findings.append(
                    base
                    | {
                        "check_name": check_name,
                        "expectation": exp.type,
                        "figure_ids": _as_list(row.get("figure_ids", row.get("figure_id"))),
                        "article_ids": _as_list(row.get("article_ids", row.get("article_id"))),
                        "sentences": _as_list(row.get("sentences", row.get("sentence"))),
                        "expected": _text(row.get("expected")) or exp.expected_text,
                        "observed": _text(observed),
                        "detail": _text(row.get("detail")) or exp.notes,
                    }
                )
    return findings


FINDINGS_TABLE = "marts.quality_findings"
FINDINGS_DDL = f"""
CREATE OR REPLACE TABLE {FINDINGS_TABLE} (
    finding_id    INTEGER NOT NULL,   -- 1..n within a run
    check_name    VARCHAR NOT NULL,   -- suite.check, e.g. growth_multiple_endpoints.multiple_matches_endpoints
    severity      VARCHAR NOT NULL,   -- 'error' (blocked publishing) | 'warn'
    suite         VARCHAR NOT NULL,   -- the file expectations/<suite>.json
    expectation   VARCHAR,            -- the Great Expectations expectation type
    model         VARCHAR NOT NULL,   -- the table validated, e.g. audit.audit_span_endpoints
    figure_ids    VARCHAR[] NOT NULL, -- marts.fct_indicator_value.figure_id of the figures involved
    article_ids   VARCHAR[] NOT NULL, -- their articles
    sentences     VARCHAR[] NOT NULL, -- their sentences
    expected      VARCHAR,            -- what should hold, computed from the other figures
    observed      VARCHAR,            -- what the article states
    detail        VARCHAR,            -- one sentence on the gap
    checked_at    TIMESTAMP NOT NULL  -- when the checks ran (UTC)
)
"""
FINDING_COLUMNS = [
    "finding_id",
    "check_name",
    "severity",
    "suite",
    "expectation",
    "model",
    "figure_ids",
    "article_ids",
    "sentences",
    "expected",
    "observed",
    "detail",
    "checked_at",
]


def write_findings(con: duckdb.DuckDBPyConnection, report: QualityReport) -> int:
    """Replace `marts.quality_findings` with the findings of `report`; returns their number."""
    con.execute("CREATE SCHEMA IF NOT EXISTS marts")
    con.execute(FINDINGS_DDL)
    rows = [[i, *(f[c] for c in FINDING_COLUMNS[1:])] for i, f in enumerate(report.findings, start=1)]
    if rows:
        con.executemany(f"INSERT INTO {FINDINGS_TABLE} VALUES ({', '.join('?' * len(FINDING_COLUMNS))})", rows)
    con.execute(
        f"COMMENT ON TABLE {FINDINGS_TABLE} IS 'Data-quality findings of the last run (质量检查结果): "
        "one row per figure combination a Great Expectations suite in expectations/ flagged. "
        "Join figure_ids to marts.fct_indicator_value.figure_id.'"
    )
    return len(rows)


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
