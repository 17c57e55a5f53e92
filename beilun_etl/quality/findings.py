"""Findings: one row per failing row (or per failing aggregate expectation), the rows of
`marts.quality_findings` that tell which figures, articles and sentences a suite flagged."""

from __future__ import annotations

from typing import Any

import duckdb
import pyarrow as pa

from beilun_etl.quality.frames import plain_value
from beilun_etl.quality.outcomes import ExpectationOutcome, QualityReport


def _as_list(value: Any) -> list[str]:
    value = plain_value(value)
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value if v is not None]
    return [str(value)]


def _text(value: Any) -> str | None:
    value = plain_value(value)
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _finding(
    base: dict[str, Any],
    check_name: str,
    expectation: str | None,
    expected: str | None,
    observed: str | None,
    detail: str | None,
    figure_ids: list[str] | None = None,
    article_ids: list[str] | None = None,
    sentences: list[str] | None = None,
) -> dict[str, Any]:
    """One finding in the column order of `marts.quality_findings` (a run-level finding names no figure)."""
    return base | {
        "check_name": check_name,
        "expectation": expectation,
        "figure_ids": figure_ids or [],
        "article_ids": article_ids or [],
        "sentences": sentences or [],
        "expected": expected,
        "observed": observed,
        "detail": detail,
    }


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
            findings.append(_finding(base, outcome.name, None, "the suite can run", None, outcome.error))
            continue
        for exp in outcome.failed_expectations:
            check_name = f"{outcome.name}.{exp.check}"
            if not exp.failing_rows:
                expected = exp.expected_text or _text(exp.kwargs)
                observed = _text(exp.observed_value) or exp.error
                findings.append(_finding(base, check_name, exp.type, expected, observed, exp.error or exp.notes))
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
                    _finding(
                        base,
                        check_name,
                        exp.type,
                        _text(row.get("expected")) or exp.expected_text,
                        _text(observed),
                        _text(row.get("detail")) or exp.notes,
                        figure_ids=_as_list(row.get("figure_ids", row.get("figure_id"))),
                        article_ids=_as_list(row.get("article_ids", row.get("article_id"))),
                        sentences=_as_list(row.get("sentences", row.get("sentence"))),
                    )
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
    article_titles VARCHAR[] NOT NULL, -- the titles of those articles, in the same order (marts.dim_article)
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


# What BI tools show beside each column (COMMENT ON COLUMN), as dbt does for the marts it builds.
FINDING_COLUMN_COMMENTS = {
    "finding_id": "Number of the finding within the run, 1 to n.",
    "check_name": "The check that flagged it: suite.check, e.g. growth_multiple_endpoints.multiple_matches_endpoints.",
    "severity": "error (the run did not publish) or warn (published; the articles disagree).",
    "suite": "The Great Expectations suite, the file expectations/<suite>.json.",
    "expectation": "The Great Expectations expectation type that failed.",
    "model": "The table validated, e.g. audit.audit_span_endpoints.",
    "figure_ids": "The figures involved: marts.fct_indicator_value.figure_id.",
    "article_ids": "Their articles: marts.dim_article.article_id.",
    "article_titles": "The titles of those articles, in the order of article_ids (null where an article has none).",
    "sentences": "The sentences the figures were read from.",
    "expected": "What should hold, computed from the other figures.",
    "observed": "What the article states.",
    "detail": "One sentence on the gap.",
    "checked_at": "When the checks ran (UTC).",
}


def _article_titles(con: duckdb.DuckDBPyConnection) -> dict[str, str | None]:
    """Titles by article id from marts.dim_article (empty when the marts are not built)."""
    exists = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'marts' AND table_name = 'dim_article'"
    ).fetchone()[0]
    return dict(con.execute("SELECT article_id, title FROM marts.dim_article").fetchall()) if exists else {}


def write_findings(con: duckdb.DuckDBPyConnection, report: QualityReport) -> int:
    """Replace `marts.quality_findings` with the findings of `report`; returns their number."""
    con.execute("CREATE SCHEMA IF NOT EXISTS marts")
    con.execute(FINDINGS_DDL)
    findings = report.findings
    if findings:
        # One bulk insert through Arrow: `executemany` took 2 ms a row (4 s for 2,000 findings).
        titles = _article_titles(con)
        columns = {"finding_id": list(range(1, len(findings) + 1))}
        columns |= {c: [f[c] for f in findings] for c in FINDING_COLUMNS[1:]}
        columns["article_titles"] = [[titles.get(a) for a in f["article_ids"]] for f in findings]
        batch = pa.table(columns)  # noqa: F841 (read by DuckDB below, by name)
        con.execute(f"INSERT INTO {FINDINGS_TABLE} BY NAME SELECT * FROM batch")
    con.execute(
        f"COMMENT ON TABLE {FINDINGS_TABLE} IS 'Data-quality findings of the last run (质量检查结果): "
        "one row per figure combination a Great Expectations suite in expectations/ flagged. "
        "Join figure_ids to marts.fct_indicator_value.figure_id.'"
    )
    for column, comment in FINDING_COLUMN_COMMENTS.items():
        quoted = comment.replace("'", "''")
        con.execute(f"COMMENT ON COLUMN {FINDINGS_TABLE}.{column} IS '{quoted}'")
    return len(findings)
