"""Dagster asset checks that run the Great Expectations suites of `expectations/` on the build warehouse.

One `@multi_asset_check` (one Great Expectations context, one Data Docs build per run) with an
`AssetCheckSpec` per suite, attached to the asset the suite guards (`meta.guards`, by default
`marts/fct_indicator_value`) and depending on the audit model it reads (`meta.model`). Suites of
severity `error` are blocking: when one fails, the step fails, the run fails, and assets
downstream of the guarded asset (the published warehouse) do not run. Suites of severity `warn`
report a failure as a WARN-severity check result and let the run publish.

In a run that builds, the check reads `warehouse.build_path` (the build copy, before publishing),
writes `marts.quality_findings` into it and builds Data Docs into `<warehouse folder>/quality_docs/`.
Run alone ("Execute" on the checks in the UI, no asset of theirs materialized in the run), it
validates the published warehouse read-only and whole (every row), or fails clearly when there is
none: the way to run the Great Expectations suites on the whole warehouse. A forced refresh
(`resources: {refresh: {config: {force: true}}}`) validates every row too.

Each result carries a Markdown summary of its expectations, the failing rows (from the findings)
and the Data Docs path as text (browsers do not open `file://` links from a web page).
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dagster import (
    AssetCheckExecutionContext,
    AssetCheckResult,
    AssetChecksDefinition,
    AssetCheckSeverity,
    AssetCheckSpec,
    AssetKey,
    Failure,
    MetadataValue,
    multi_asset_check,
)

from beilun_etl.defs.refresh_options import RefreshOptions
from beilun_etl.defs.resources import WarehouseResource, run_includes
from beilun_etl.quality.outcomes import SuiteOutcome
from beilun_etl.quality.suites import Suite, load_suites

DOCS_FOLDER = "quality_docs"
PREVIEW_ROWS = 20
PREVIEW_COLUMNS = ("figure_ids", "figure_id", "article_ids", "article_id", "expected", "observed", "detail")


def docs_dir_for(warehouse: WarehouseResource) -> Path:
    """Data Docs live next to the published warehouse: `data/quality_docs/index.html` by default."""
    return warehouse.published_path.parent / DOCS_FOLDER


def _cell(value: Any) -> str:
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    text = "" if value is None else str(value)
    text = text.replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= 160 else text[:157] + "..."


def failing_rows_markdown(rows: list[dict[str, Any]], extra_columns: list[str], limit: int = PREVIEW_ROWS) -> str:
    """A Markdown table of the first failing rows: the figures, expected, observed, detail, checks failed."""
    if not rows:
        return "_no failing rows_"
    present = [c for c in PREVIEW_COLUMNS if any(c in r for r in rows)]
    if "figure_ids" in present and "figure_id" in present:
        present.remove("figure_id")
    if "article_ids" in present and "article_id" in present:
        present.remove("article_id")
    columns = present + [c for c in extra_columns if c not in present and any(c in r for r in rows)] + ["_failed"]
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_cell(r.get(c)) for c in columns) + " |" for r in rows[:limit]]
    if len(rows) > limit:
        lines.append(f"\n_{len(rows) - limit} more rows: see marts.quality_findings or the Data Docs_")
    return "\n".join(lines)


def summary_markdown(outcome: SuiteOutcome, validated: str) -> str:
    """The suite's result as the check's page shows it: one line per expectation."""
    suite = outcome.suite
    verdict = "error" if outcome.error else ("passed" if outcome.success else "FAILED")
    lines = [
        f"**{suite.title}** — {verdict} ({suite.severity}), {outcome.row_count} rows of `{suite.model}` in {validated}",
        "",
        "| expectation | type | result | unexpected rows |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {e.check} | `{e.type}` | {'pass' if e.success else '**fail**'} | {e.unexpected_count} |"
        for e in outcome.expectations
    ]
    if outcome.error:
        lines += ["", f"Error: {_cell(outcome.error)}"]
    return "\n".join(lines)


def _built_in_this_run(context: AssetCheckExecutionContext, suites: list[Suite]) -> bool:
    """Does the run materialize what the suites read? If not (checks run alone), the build copy is not theirs."""
    keys = {AssetKey(s.model_asset_path) for s in suites} | {AssetKey(s.guards_asset_path) for s in suites}
    return run_includes(context, *keys)


def _spec(suite: Suite) -> AssetCheckSpec:
    model_key = AssetKey(suite.model_asset_path)
    guards_key = AssetKey(suite.guards_asset_path)
    return AssetCheckSpec(
        name=suite.name,
        asset=guards_key,
        description=f"[{suite.severity}] {suite.title}. Suite expectations/{suite.path.name} on {suite.model}.",
        additional_deps=[model_key] if model_key != guards_key else None,
        blocking=suite.blocking,
        metadata={"severity": suite.severity, "suite_file": f"expectations/{suite.path.name}", "model": suite.model},
    )


def build_quality_checks(suites: list[Suite] | None = None) -> AssetChecksDefinition:
    """The multi-asset check running `suites` (default: every file of expectations/)."""
    suites = load_suites() if suites is None else suites

    @multi_asset_check(
        name="great_expectations_suites",
        specs=[_spec(s) for s in suites],
        description="Great Expectations suites of expectations/ on the build warehouse, before publishing.",
        can_subset=False,
    )
    def great_expectations_suites(
        context: AssetCheckExecutionContext, warehouse: WarehouseResource, refresh: RefreshOptions
    ) -> Iterator[AssetCheckResult]:
        from beilun_etl.quality.settle import failure_summary, settle
        from beilun_etl.quality.validation import run_quality_checks

        docs_dir = docs_dir_for(warehouse)
        if _built_in_this_run(context, suites):
            validated = "this run's build copy"
            # a forced refresh validates every row; otherwise scoped suites read the changed articles
            report = run_quality_checks(
                warehouse.build_path,
                docs_dir=docs_dir,
                suites=suites,
                published=None if refresh.force else warehouse.published_path,
            )
            # Quarantines the articles a blocking failure belongs to (and checks again), records the verdict.
            report = settle(
                report,
                warehouse.build_path,
                warehouse.published_path,
                context.run.run_id,
                docs_dir,
                suites,
                context.log,
            )
        else:
            if not warehouse.published_path.exists():
                raise Failure(
                    description=f"no published warehouse at {warehouse.published_path} to validate: "
                    "materialize the assets (a refresh) first"
                )
            validated = f"the published warehouse {warehouse.published_path} (read-only, every row)"
            context.log.info(f"checks run alone: validating {validated}")
            report = run_quality_checks(
                warehouse.published_path, docs_dir=docs_dir, suites=suites, write=False, published=None
            )
        docs_index = report.docs_index
        context.log.info(
            f"Great Expectations: {report.summary()} in {report.seconds:.1f} s "
            f"(import {report.gx_import_seconds:.1f} s); {len(report.findings)} findings written to "
            f"marts.quality_findings; Data Docs: {docs_index}"
        )
        for outcome in report.outcomes:
            suite = outcome.suite
            failed = outcome.failed_expectations
            rows_of = (
                f"{outcome.row_count} rows of {validated}"
                if outcome.changed_articles is None
                else f"the {outcome.row_count} rows of the {outcome.changed_articles} articles changed since the "
                "last publication (it passed the others then)"
            )
            if outcome.error:
                description = f"could not validate {suite.model}: {outcome.error}"
            elif outcome.success:
                description = f"{suite.title}: all {len(outcome.expectations)} expectations pass on {rows_of}"
            else:
                parts = [f"{e.check} ({e.unexpected_count} rows)" for e in failed]
                description = f"{suite.title}: failed {', '.join(parts)} of {rows_of} in {suite.model}"
            if not outcome.success:
                log = context.log.error if suite.blocking else context.log.warning
                log(f"[{suite.severity}] {suite.name}: {description}")
            rows = outcome.failing_rows()
            metadata: dict[str, Any] = {
                "severity": suite.severity,
                "model": suite.model,
                "suite_file": f"expectations/{suite.path.name}",
                "summary": MetadataValue.md(summary_markdown(outcome, validated)),
                "validated": MetadataValue.text(validated),
                "rows_validated": MetadataValue.int(outcome.row_count),
                "scope": "changed articles" if outcome.changed_articles is not None else "every row",
                "unexpected_count": MetadataValue.int(outcome.unexpected_count),
                "failing_rows": MetadataValue.int(len(rows)),
                "expectations": MetadataValue.json(
                    [
                        {"check": e.check, "type": e.type, "success": e.success, "unexpected": e.unexpected_count}
                        for e in outcome.expectations
                    ]
                ),
                "failing_rows_preview": MetadataValue.md(
                    failing_rows_markdown(rows, [e.column for e in failed if e.column])
                ),
            }
            if outcome.error:
                metadata["error"] = MetadataValue.text(outcome.error)
            if docs_index is not None:
                # as text: a web page may not open a file:// link ("Not allowed to load local resource")
                metadata["data_docs"] = MetadataValue.text(str(docs_index))
            yield AssetCheckResult(
                asset_key=AssetKey(suite.guards_asset_path),
                check_name=suite.name,
                passed=outcome.success,
                severity=AssetCheckSeverity.ERROR if suite.blocking or outcome.error else AssetCheckSeverity.WARN,
                description=description,
                metadata=metadata,
            )
        blocking = report.blocking_failures
        if blocking:
            # Dagster would fail the step anyway (blocking checks); this says why in one line, naming the articles.
            names = failure_summary(report)
            raise Failure(
                description=f"blocking data-quality checks failed, the warehouse is not published: {names}",
                metadata={"failed_suites": MetadataValue.json([o.name for o in blocking])},
            )

    return great_expectations_suites


# The suites of `expectations/` as one multi-asset check (beilun_etl.definitions loads it from here).
great_expectations_suites = build_quality_checks()
