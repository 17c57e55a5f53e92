"""The Great Expectations suites in `expectations/`: declarative JSON files an analyst reads and extends.

Each file is a Great Expectations 1.x suite (`name`, `expectations`, `meta`, `notes`) with a few
keys of ours in `meta`:

- `severity`: `error` (a failure means the pipeline is wrong: the run fails and nothing is
  published) or `warn` (the articles disagree: the run publishes, the findings are listed).
- `model`: the table the suite validates, `schema.table` (an `audit.*` dbt model or a mart).
- `guards`: the asset the check is attached to in Dagster, `schema.table` (default
  `marts.fct_indicator_value`).
- `title`: one line for the Dagster UI.
- `scope`: `table` (default: every row, every run) or `article`, for a suite whose expectations
  never compare rows of two articles (a value in range, a key set, unique within one article).
  Such a suite validates only the rows of article versions new since the last publication when
  that publication was built by the same code and suites: the other rows passed it then and have
  not changed. Only for `error` suites: a `warn` suite's earlier findings would not carry over.

Each expectation may carry `meta.check` (the finding's name), `meta.expected` (what should hold,
in words, when the table has no `expected` column) and `meta.notes`.
Nothing here imports Great Expectations: loading the suites is cheap.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from beilun_etl.paths import configured_expectations_dir

SEVERITIES = ("error", "warn")
SCOPES = ("table", "article")
DEFAULT_GUARDS = "marts.fct_indicator_value"
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class SuiteError(ValueError):
    """A suite file that cannot be used as it is."""


@dataclass(frozen=True)
class Suite:
    """One suite file: what it validates, how bad a failure is, and its expectations."""

    name: str
    severity: str
    model: str
    guards: str
    title: str
    path: Path
    expectations: list[dict[str, Any]] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)
    scope: str = "table"

    @property
    def blocking(self) -> bool:
        return self.severity == "error"

    @property
    def model_schema(self) -> str:
        return self.model.split(".", 1)[0]

    @property
    def model_table(self) -> str:
        return self.model.split(".", 1)[1]

    @property
    def model_asset_path(self) -> list[str]:
        return self.model.split(".", 1)

    @property
    def guards_asset_path(self) -> list[str]:
        return self.guards.split(".", 1)

    def columns_used(self) -> set[str] | None:
        """The columns the expectations read, or None when one of them may read any column."""
        used: set[str] = set()
        for expectation in self.raw.get("expectations", []):
            kwargs = expectation.get("kwargs", {})
            if "row_condition" in kwargs:
                return None
            for key in ("column", "column_A", "column_B"):
                if key in kwargs:
                    used.add(kwargs[key])
            used.update(kwargs.get("column_list", []))
        return used

    def gx_suite_dict(self) -> dict[str, Any]:
        """The suite as Great Expectations reads it (our keys stay in `meta`)."""
        keep = {"name", "expectations", "meta", "notes", "id"}
        return {k: v for k, v in self.raw.items() if k in keep}


def _qualified(value: Any, what: str, path: Path) -> str:
    if not isinstance(value, str) or value.count(".") != 1:
        raise SuiteError(f"{path.name}: meta.{what} must be 'schema.table', got {value!r}")
    return value


def load_suite(path: Path) -> Suite:
    """Read and check one suite file."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise SuiteError(f"{path.name}: not a readable JSON file: {exc}") from exc
    name = raw.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise SuiteError(f"{path.name}: `name` must be snake_case (letters, digits, _), got {name!r}")
    if name != path.stem:
        raise SuiteError(f"{path.name}: `name` ({name}) must equal the file name without .json")
    meta = raw.get("meta") or {}
    severity = meta.get("severity")
    if severity not in SEVERITIES:
        raise SuiteError(f"{path.name}: meta.severity must be one of {SEVERITIES}, got {severity!r}")
    scope = meta.get("scope", "table")
    if scope not in SCOPES:
        raise SuiteError(f"{path.name}: meta.scope must be one of {SCOPES}, got {scope!r}")
    if scope == "article" and severity != "error":
        raise SuiteError(
            f"{path.name}: meta.scope 'article' is for error suites (a warn suite's findings must persist)"
        )
    expectations = raw.get("expectations")
    if not isinstance(expectations, list) or not expectations:
        raise SuiteError(f"{path.name}: `expectations` must be a non-empty list")
    for i, exp in enumerate(expectations):
        if not isinstance(exp, dict) or not isinstance(exp.get("type"), str) or not isinstance(exp.get("kwargs"), dict):
            raise SuiteError(f"{path.name}: expectation {i} needs a `type` and a `kwargs` object")
    return Suite(
        name=name,
        severity=severity,
        model=_qualified(meta.get("model"), "model", path),
        guards=_qualified(meta.get("guards", DEFAULT_GUARDS), "guards", path),
        title=str(meta.get("title") or raw.get("notes") or name),
        path=path,
        expectations=expectations,
        raw=raw,
        scope=scope,
    )


def load_suites(directory: Path | str | None = None) -> list[Suite]:
    """Every `*.json` suite of the folder (default: BEILUN_EXPECTATIONS_DIR, else `expectations/`), sorted by name."""
    directory = configured_expectations_dir() if directory is None else directory
    suites = [load_suite(p) for p in sorted(Path(directory).glob("*.json"))]
    if not suites:
        raise SuiteError(f"no expectation suites (*.json) in {directory}")
    return suites
