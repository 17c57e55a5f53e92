"""Data quality: Great Expectations suites (expectations/*.json) on the audit and mart tables.

    from beilun_etl.quality import run_quality_checks
    report = run_quality_checks("data/.build/warehouse.duckdb", docs_dir="data/quality_docs")
    report.blocking_failures, report.warnings, report.findings, report.docs_index

Nothing here imports Great Expectations at import time.
"""

from beilun_etl.quality.suites import Suite, SuiteError, load_suite, load_suites
from beilun_etl.quality.validation import (
    FINDINGS_TABLE,
    ExpectationOutcome,
    QualityReport,
    SuiteOutcome,
    findings_of,
    read_model,
    run_quality_checks,
    validate,
    write_findings,
)

__all__ = [
    "FINDINGS_TABLE",
    "ExpectationOutcome",
    "QualityReport",
    "Suite",
    "SuiteError",
    "SuiteOutcome",
    "findings_of",
    "load_suite",
    "load_suites",
    "read_model",
    "run_quality_checks",
    "validate",
    "write_findings",
]
