"""What a refresh reports: article counts, figures, checks, whether it published.

Apart from `refresh` (which runs the Dagster job) so that the CLI can report a warehouse that is
already current without importing Dagster.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ARTICLE_COUNTS = ("articles_new", "articles_changed", "articles_unchanged", "articles_deleted", "articles_quarantined")


@dataclass
class RefreshSummary:
    warehouse: str
    published: bool
    up_to_date: bool = False
    articles: dict[str, int] = field(default_factory=dict)
    figures: int = 0
    checks: dict[str, int] = field(default_factory=lambda: {"passed": 0, "warned": 0, "failed": 0})
    failures: list[str] = field(default_factory=list)
    step_seconds: dict[str, float] = field(default_factory=dict)
    # Within the `figures` step: waiting for the extraction processes, and storing what they return.
    figure_seconds: dict[str, float] = field(default_factory=dict)
    run_id: str = ""

    def as_dict(self) -> dict:
        return {
            **{key: self.articles.get(key, 0) for key in ARTICLE_COUNTS},
            "figures": self.figures,
            "checks": self.checks,
            "published": self.published,
            "up_to_date": self.up_to_date,
            "warehouse": self.warehouse,
            "run_id": self.run_id,
            "failures": self.failures,
            "step_seconds": self.step_seconds,
            "figure_seconds": self.figure_seconds,
        }

    def as_text(self) -> str:
        counts = ", ".join(f"{self.articles.get(k, 0)} {k.removeprefix('articles_')}" for k in ARTICLE_COUNTS)
        lines = [
            f"articles: {counts}",
            f"figures:  {self.figures}",
            "checks:   {passed} passed, {warned} warned, {failed} failed".format(**self.checks),
            f"{'published' if self.published else 'NOT published'}: {self.warehouse}"
            + (" (already current: nothing new to build)" if self.up_to_date else ""),
        ]
        lines += [f"failure:  {failure}" for failure in self.failures]
        return "\n".join(lines)
