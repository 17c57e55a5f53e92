"""The extractor's vocabularies, read once from `lexicon/*.yaml` and checked against the dbt seeds.

Every word list the rules use lives once, as data: units with their factors (`units.yaml`, codes
from `dbt/seeds/units.csv`), qualifier words (`qualifiers.yaml`, kinds from `qualifiers.csv`), rank
verbs and scopes (`ranks.yaml`, zone codes from `zones.csv`), generic zone words (`zones.yaml`),
time and period words (`periods.yaml`), measure cues (`measures.yaml`), the words around an
indicator's phrase (`indicator_words.yaml`). The rule modules import the alternations built here, so a
new word is one line in one file, and a word whose code the warehouse does not know is an error at
load rather than a figure dbt rejects later.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

LEXICON_DIR = Path(__file__).with_name("lexicon")
# Files of plain word lists (name: [words]), each list built into a rule module's regex in the
# order written (`word_alternations`): measure cues, the words around an indicator's phrase, of
# numbers, of time expressions, of zones, of tables.
WORD_LIST_FILES = ("measures", "indicator_words", "number_words", "time_words", "zone_words", "table_words")
_FILES = (
    "units.yaml",
    "qualifiers.yaml",
    "ranks.yaml",
    "zones.yaml",
    "periods.yaml",
    *(f"{name}.yaml" for name in WORD_LIST_FILES),
)


class LexiconError(ValueError):
    """A lexicon entry the seeds do not allow (an unknown unit, qualifier or zone code)."""


@dataclass(frozen=True)
class Lexicon:
    units: dict[str, tuple[str, float]]  # surface -> (unit code, factor to it)
    unit_family: dict[str, str]  # unit code -> family (money, ratio, count ...), from units.csv
    count_classifiers: str
    classifier_measures: dict[str, str]
    compound_unit_ends: tuple[str, ...]  # after a unit: a compound unit the contract lacks (吨公里)
    unit_indicators: dict[str, str]  # unit code -> the one indicator a figure in it with no name is
    ending_indicators: dict[str, dict[str, str]]  # a bare ending -> unit code -> the general indicator it names
    qualifiers_before: dict[str, str]  # word -> qualifier code
    qualifiers_after: dict[str, str]
    qualifiers_inside: dict[str, str]
    place_verbs: tuple[str, ...]
    group_verbs: tuple[str, ...]
    rank_scopes: tuple[str, ...]
    generic_zone_words: frozenset[str]
    own_zone_words: dict[str, str]
    periods: dict[str, tuple[str, ...]]
    word_lists: dict[str, dict[str, tuple[str, ...]]]  # file (WORD_LIST_FILES) -> list name -> words, in order

    @property
    def qualifier_kind(self) -> dict[str, str]:
        return {**self.qualifiers_before, **self.qualifiers_after, **self.qualifiers_inside}


def alternation(words) -> str:
    """A regex alternation of `words`, escaped, longest first (a word before any of its prefixes)."""
    ordered = sorted(dict.fromkeys(words), key=len, reverse=True)
    return "|".join(re.escape(w) for w in ordered)


def in_order(words) -> str:
    """A regex alternation of `words`, escaped, in the order given (the order a hand-typed one had:
    a regex tries its alternatives in turn)."""
    return "|".join(re.escape(w) for w in words)


def _word_lists(data: dict, where: str) -> dict[str, tuple[str, ...]]:
    lists = {str(k): tuple(str(w) for w in v) for k, v in data.items()}
    empty = sorted(k for k, v in lists.items() if not v)
    if empty:
        raise LexiconError(f"lexicon/{where}: empty word lists {empty}")
    return lists


def _seed_column(seeds: Path, name: str, column: str) -> list[str]:
    with (seeds / name).open(encoding="utf-8", newline="") as handle:
        return [row[column].strip() for row in csv.DictReader(handle)]


def _seed_dir() -> Path:
    from beilun_etl.paths import DICTIONARY_DIR

    return Path(DICTIONARY_DIR)


def _read(directory: Path, name: str) -> dict:
    with (directory / name).open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


def _check(kind: str, values, allowed, where: str) -> None:
    unknown = sorted(set(values) - set(allowed))
    if unknown:
        raise LexiconError(f"lexicon/{where}: {kind} {unknown} not in the dbt seeds ({sorted(allowed)})")


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon of the package, validated against the seeds; built once per process."""
    return load_lexicon(LEXICON_DIR, _seed_dir())


def load_lexicon(directory: Path, seeds: Path) -> Lexicon:
    """The lexicon in `directory`, its codes checked against the dbt seeds in `seeds`."""
    unit_codes = _seed_column(seeds, "units.csv", "unit")
    families = dict(zip(unit_codes, _seed_column(seeds, "units.csv", "family"), strict=True))
    qualifier_codes = _seed_column(seeds, "qualifiers.csv", "qualifier")
    zone_rows = list(csv.DictReader((seeds / "zones.csv").open(encoding="utf-8", newline="")))
    zone_aliases = {
        r["code"]: [a.strip() for a in (r.get("aliases") or "").split("|") if a.strip()] + [r["name_zh"].strip()]
        for r in zone_rows
    }

    u = _read(directory, "units.yaml")
    units = {str(surface): (code, float(factor)) for surface, (code, factor) in u["units"].items()}
    classifiers = str(u["count_classifiers"])
    for ch in classifiers:
        units.setdefault(ch, ("count", 1.0))
    measures = {str(k): str(v) for k, v in u["classifier_measures"].items()}
    _check("unit", [c for c, _f in units.values()] + list(measures.values()), unit_codes, "units.yaml")
    unit_indicators = {str(k): str(v) for k, v in (u.get("unit_indicators") or {}).items()}
    _check("unit", unit_indicators, unit_codes, "units.yaml")
    _check("indicator", unit_indicators.values(), _seed_column(seeds, "indicators.csv", "code"), "units.yaml")
    ending_indicators = {
        str(ending): {str(k): str(v) for k, v in by_unit.items()}
        for ending, by_unit in (u.get("ending_indicators") or {}).items()
    }
    for by_unit in ending_indicators.values():
        _check("unit", by_unit, unit_codes, "units.yaml")
        _check("indicator", by_unit.values(), _seed_column(seeds, "indicators.csv", "code"), "units.yaml")

    q = _read(directory, "qualifiers.yaml")
    before, after, inside = ({str(k): str(v) for k, v in q[part].items()} for part in ("before", "after", "inside"))
    _check("qualifier", [*before.values(), *after.values(), *inside.values()], qualifier_codes, "qualifiers.yaml")

    z = _read(directory, "zones.yaml")
    own = {str(k): str(v) for k, v in z["own_zone_words"].items()}
    _check("zone", own.values(), zone_aliases, "zones.yaml")
    generic = tuple(str(w) for w in z["generic"])

    r = _read(directory, "ranks.yaml")
    _check("zone", r["scope_zones"], zone_aliases, "ranks.yaml")
    scope_names = [a for code in r["scope_zones"] for a in zone_aliases[code] if len(a) > 1]
    scopes = tuple(dict.fromkeys([*generic, *scope_names, *map(str, r["scope_words"])]))

    p = _read(directory, "periods.yaml")
    periods = {str(k): tuple(str(w) for w in v) for k, v in p.items()}
    periods["relative_years"] = periods["current_years"] + periods["earlier_years"] + periods["later_years"]
    word_lists = {name: _word_lists(_read(directory, f"{name}.yaml"), f"{name}.yaml") for name in WORD_LIST_FILES}
    return Lexicon(
        units=units,
        unit_family=families,
        count_classifiers=classifiers,
        classifier_measures=measures,
        compound_unit_ends=tuple(map(str, u.get("compound_unit_ends") or ())),
        unit_indicators=unit_indicators,
        ending_indicators=ending_indicators,
        qualifiers_before=before,
        qualifiers_after=after,
        qualifiers_inside=inside,
        place_verbs=tuple(map(str, r["place_verbs"])),
        group_verbs=tuple(map(str, r["group_verbs"])),
        rank_scopes=scopes,
        generic_zone_words=frozenset(generic),
        own_zone_words=own,
        periods=periods,
        word_lists=word_lists,
    )


def word_alternations(name: str) -> dict[str, str]:
    """The word lists of `lexicon/NAME.yaml` as regex alternations, each in the order written."""
    return {key: in_order(words) for key, words in lexicon().word_lists[name].items()}


def lexicon_hash() -> str:
    """Hash of the lexicon files: part of the extractor fingerprint (a new word re-extracts)."""
    digest = hashlib.sha256()
    for name in _FILES:
        digest.update(name.encode())
        digest.update((LEXICON_DIR / name).read_bytes())
    return digest.hexdigest()[:16]


LEX = lexicon()
