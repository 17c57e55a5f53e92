"""What a refresh reports: article counts, figures, checks, whether it published, where the log is.

Apart from `refresh` (which runs the Dagster job) so that the CLI can report a warehouse that is
already current without importing Dagster.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ARTICLE_COUNTS = ("articles_new", "articles_changed", "articles_unchanged", "articles_deleted", "articles_quarantined")
# At most this many lines of quarantined articles or checks that did not pass in the text report;
# the rest are in the log file and the marts.
LISTED = 5


def _checks() -> dict[str, int]:
    return {"passed": 0, "warned": 0, "failed": 0}


@dataclass
class RefreshSummary:
    warehouse: str
    published: bool
    up_to_date: bool = False
    articles: dict[str, int] = field(default_factory=dict)
    quarantined: list[str] = field(default_factory=list)
    figures: int = 0
    versions_extracted: int = 0
    models_built: int = 0
    checks: dict[str, int] = field(default_factory=_checks)
    # The same counts by the step that evaluated them: dbt's tests, the Great Expectations suites.
    check_steps: dict[str, dict[str, int]] = field(default_factory=dict)
    checks_not_passed: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    step_seconds: dict[str, float] = field(default_factory=dict)
    # Within the `figures` step: waiting for the extraction processes, and storing what they return.
    figure_seconds: dict[str, float] = field(default_factory=dict)
    run_id: str = ""
    # Where Dagster's and dbt's log lines went (None: on stderr, or no run was needed).
    log_file: str | None = None
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return {
            **{key: self.articles.get(key, 0) for key in ARTICLE_COUNTS},
            "quarantined": self.quarantined,
            "figures": self.figures,
            "versions_extracted": self.versions_extracted,
            "models_built": self.models_built,
            "checks": self.checks,
            "check_steps": self.check_steps,
            "checks_not_passed": self.checks_not_passed,
            "published": self.published,
            "up_to_date": self.up_to_date,
            "warehouse": self.warehouse,
            "run_id": self.run_id,
            "failures": self.failures,
            "step_seconds": self.step_seconds,
            "figure_seconds": self.figure_seconds,
            "seconds": self.seconds,
            "log_file": self.log_file,
        }

    def _stage(self, name: str, what: str, step: str | None = None) -> str:
        line = f"{name:<10} {what}"
        if step is not None:
            seconds = self.step_seconds.get(step)
            line = f"{line:<78} {seconds:7.1f} s" if seconds is not None else f"{line:<78}  skipped"
        return line

    def as_text(self) -> str:
        if self.up_to_date and not self.run_id:
            head = f"refresh: already current, nothing to build ({self.seconds:.1f} s)"
        elif self.published:
            head = f"refresh: published in {self.seconds:.1f} s" + (" (nothing new)" if self.up_to_date else "")
        else:
            head = f"refresh: NOT published ({self.seconds:.1f} s); the last published warehouse is unchanged"
        counts = ", ".join(f"{self.articles.get(k, 0)} {k.removeprefix('articles_')}" for k in ARTICLE_COUNTS)
        lines = [head, self._stage("articles", counts, "articles" if self.run_id else None)]
        lines += [f"           quarantined {line}" for line in self.quarantined[:LISTED]]
        if len(self.quarantined) > LISTED:
            lines.append(f"           … {len(self.quarantined) - LISTED} more in marts.quarantined_articles")
        figures = f"{self.figures} current"
        if self.versions_extracted:
            figures += f", extracted from {self.versions_extracted} new or changed article versions"
        lines.append(self._stage("figures", figures, "figures" if self.run_id else None))
        if self.run_id and not self.up_to_date:
            tests = self.check_steps.get("warehouse_models", _checks())
            suites = self.check_steps.get("great_expectations_suites", _checks())
            dbt = f"{self.models_built} models and seeds built; tests {tests['passed']} passed, {tests['warned']} warned, {tests['failed']} failed"
            lines.append(self._stage("dbt", dbt, "warehouse_models"))
            ge = f"suites {suites['passed']} passed, {suites['warned']} warned, {suites['failed']} failed"
            lines.append(self._stage("checks", ge, "great_expectations_suites"))
            lines += [f"           {line}" for line in self.checks_not_passed[:LISTED]]
            if len(self.checks_not_passed) > LISTED:
                lines.append(f"           … {len(self.checks_not_passed) - LISTED} more in marts.quality_findings")
        publish = self.warehouse if self.published else f"not published; {self.warehouse} is the last good one"
        step = "published_warehouse" if self.run_id and not self.up_to_date else None
        lines.append(self._stage("published" if self.published else "publish", publish, step))
        lines += [f"failed     {failure}" for failure in self.failures]
        if self.log_file:
            lines.append(f"log        {self.log_file}")
        return "\n".join(lines)
