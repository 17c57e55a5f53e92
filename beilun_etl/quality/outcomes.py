"""What a validation run found: per expectation, per suite and for the whole run."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from beilun_etl.quality.frames import ROW_ID
from beilun_etl.quality.suites import Suite


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
    # For a suite of scope `article` validated on the changed articles only: how many there were.
    changed_articles: int | None = None

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
