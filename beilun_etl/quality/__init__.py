"""Data quality: Great Expectations suites (expectations/*.json) on the audit and mart tables.

    from beilun_etl.quality import run_quality_checks
    report = run_quality_checks("data/.build/warehouse.duckdb", docs_dir="data/quality_docs")
    report.blocking_failures, report.warnings, report.findings, report.docs_index

Modules: `suites` (the suite files), `frames` (tables as DataFrames), `validation` (running the suites
with Great Expectations), `outcomes` (what a run found), `findings` (`marts.quality_findings`).
Nothing here imports Great Expectations at import time.
"""

from beilun_etl.quality.findings import FINDINGS_TABLE, findings_of, write_findings
from beilun_etl.quality.outcomes import ExpectationOutcome, QualityReport, SuiteOutcome
from beilun_etl.quality.suites import Suite, SuiteError, load_suite, load_suites
from beilun_etl.quality.validation import run_quality_checks, validate

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
    "run_quality_checks",
    "validate",
    "write_findings",
]
