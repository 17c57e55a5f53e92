"""After validating a build copy: quarantine the articles a blocking failure belongs to, and record the verdict.

`settle` is what the check step does with a report (beilun_etl/defs/quality/checks.py): while the
blocking failures belong to new or edited articles (beilun_etl/pipeline/check_quarantine.py), it
takes those articles out of the build copy, rebuilds the dbt models without them and validates
again, so the rest is published in the same run; then it writes the verdict the publish step
demands (beilun_etl/pipeline/build_verdict.py).
"""

from __future__ import annotations

import logging
from pathlib import Path

from beilun_etl.pipeline.build_verdict import record_verdict
from beilun_etl.pipeline.check_quarantine import (
    attribute_to_articles,
    failing_articles,
    quarantine_articles,
    rebuild_models,
)
from beilun_etl.pipeline.warehouse_files import connect_build_copy
from beilun_etl.quality.outcomes import QualityReport
from beilun_etl.quality.suites import Suite
from beilun_etl.quality.validation import run_quality_checks

MAX_ROUNDS = 3  # a second round catches articles past the failing-row limit of the first


def failure_summary(report: QualityReport) -> str:
    """The failed blocking suites with their checks, and the articles they name."""
    names = "; ".join(
        f"{o.name} ({o.error or ', '.join(f'{e.check}: {e.unexpected_count} rows' for e in o.failed_expectations)})"
        for o in report.blocking_failures
    )
    articles = failing_articles(report.findings)
    shown = ", ".join(articles[:20]) + (f" and {len(articles) - 20} more" if len(articles) > 20 else "")
    return names + (f"; articles: {shown}" if articles else "; no article named (a failure of the whole table)")


def settle(
    report: QualityReport,
    build: Path,
    published: Path,
    run_id: str,
    docs_dir: Path | None,
    suites: list[Suite] | None,
    log: logging.Logger | None = None,
) -> QualityReport:
    """The final report of the run's checks, after quarantining the articles failures belong to; verdict recorded."""
    log = log or logging.getLogger(__name__)
    for _ in range(MAX_ROUNDS):
        if not report.blocking_failures:
            break
        with connect_build_copy(build) as con:
            by_article, why_not = attribute_to_articles(
                con, report.findings, any(o.error for o in report.blocking_failures), published
            )
            if by_article is None:
                log.error(f"blocking failure not attributable to articles ({why_not}): {failure_summary(report)}")
                break
            quarantined = quarantine_articles(con, by_article, run_id, published)
        for source_file, detail in quarantined:
            log.warning(f"quarantined {source_file}: failed_check — {detail}")
        log.warning(
            f"rebuilding the dbt models without the {len(quarantined)} quarantined articles, then checking again"
        )
        rebuild_models(build)
        report = run_quality_checks(build, docs_dir=docs_dir, suites=suites, published=published)
    passed = not report.blocking_failures
    with connect_build_copy(build) as con:
        record_verdict(con, run_id, passed, "all blocking checks passed" if passed else failure_summary(report))
    return report
