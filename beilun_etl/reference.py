"""The reference data: the dbt seeds in `dbt/seeds/*.csv`, read by one loader.

The dictionaries (indicators, zones) and the contract's enumerations (units, measures,
qualifiers) each have one home, a seed an analyst edits without Python; dbt loads them into the
warehouse, and the extractor, the generated corpus and the checks read the same files through here.
Standard library only (the extractor imports it without Dagster or dbt).
"""

from __future__ import annotations

import csv
from pathlib import Path

from beilun_etl.paths import DICTIONARY_DIR


def seed_path(name: str, directory: Path | None = None) -> Path:
    """`dbt/seeds/<name>.csv`, or the same name in another folder (tests, an analyst's copy)."""
    return Path(directory or DICTIONARY_DIR) / f"{name}.csv"


def seed_rows(name: str, directory: Path | None = None) -> list[dict[str, str]]:
    """The rows of a seed as dicts of its header's columns (UTF-8, as dbt reads it)."""
    with seed_path(name, directory).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def seed_codes(name: str, directory: Path | None = None) -> tuple[str, ...]:
    """The first column of an enumeration seed (units, measures, qualifiers), in file order."""
    rows = seed_rows(name, directory)
    if not rows:
        return ()
    key = next(iter(rows[0]))
    return tuple(row[key] for row in rows)
