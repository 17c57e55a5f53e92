"""The indicator and zone dictionaries (dbt seeds), loaded once per process.

The extractor and dbt read the same CSV files, so an analyst who adds an alias changes both the
mapping in the warehouse and what the extractor recognises. Aliases are matched on simplified,
half-width text; single-character aliases (省, 市, 甬) are kept in the CSV for dbt but ignored here
because they occur inside far too many unrelated words (甬江, 杭甬, 省级).
"""

from __future__ import annotations

import csv
import functools
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from beilun_etl.extraction.lexicon import LEX, word_alternations

_W = word_alternations("indicator_words")  # lexicon/indicator_words.yaml

# Generic zone words (全省, 全区: scopes, never a zone on their own) and the words for the writer's
# own zone (我区, 本市) that the CSV does not list: lexicon/zones.yaml.
GENERIC_ZONE_ALIASES = LEX.generic_zone_words
_OWN_ZONE_WORDS = LEX.own_zone_words


def dictionary_dir() -> Path:
    """Where the dictionaries live (beilun_etl.paths, which, unlike resources, does not import Dagster)."""
    from beilun_etl.paths import DICTIONARY_DIR

    return Path(DICTIONARY_DIR)


@dataclass(frozen=True)
class Indicator:
    code: str
    name_zh: str
    unit: str
    kind: str
    aliases: tuple[str, ...]
    category: str = ""  # indicators.csv's category (economy, industry, port ...)


@dataclass(frozen=True)
class Zone:
    code: str
    name_zh: str
    zone_type: str
    parent_code: str | None
    aliases: tuple[str, ...]
    depth: int = 0
    name_en: str = ""


@dataclass
class Dictionaries:
    indicators: dict[str, Indicator]
    zones: dict[str, Zone]
    indicator_alias: dict[str, str] = field(default_factory=dict)  # alias -> code
    zone_alias: dict[str, str] = field(default_factory=dict)
    indicator_re: re.Pattern[str] | None = None
    zone_re: re.Pattern[str] | None = None
    # (code, scope word) -> the code over that scope, built on first use (indicators._scoped_indicators)
    scoped_indicators: dict[tuple[str, str], str] | None = None
    # zone -> the district it lies in when its parent is another (穿山港区: the port's, in 北仑)
    district_of: dict[str, str] = field(default_factory=dict)

    def zone_named_in_english(self, name: str) -> str | None:
        """The zone whose English name this is (Ningbo, Yinzhou District): a bilingual table's row label."""
        wanted = name.strip().casefold()
        return next((z.code for z in self.zones.values() if wanted and z.name_en.casefold() == wanted), None)

    def ancestors(self, code: str) -> list[str]:
        """The zone and its parents, nearest first."""
        chain: list[str] = []
        while code and code in self.zones and code not in chain:
            chain.append(code)
            code = self.zones[code].parent_code or ""
        return chain


def _split_aliases(raw: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in (raw or "").split("|") if a.strip())


# An indicator's name followed by these names another thing: 万元GDP能耗 (the energy used per unit of
# GDP), 税收减免 and 税收优惠 (taxes forgone, not tax revenue).
_ANOTHER_NOUN_AFTER = f"(?!{_W['another_noun_after']})"


def _alias_regex(aliases: list[str], not_before: str = "") -> re.Pattern[str]:
    """One regex matching the longest alias at each position, built as a trie of the aliases.

    A flat alternation (longest first) makes the engine try every alias in turn at each position
    where one could start; the trie tries only the aliases sharing the characters read so far, and
    its first characters give the engine a set to skip non-matching positions with.
    """
    trie: dict[str, dict] = {}
    for alias in aliases:
        node = trie
        for ch in alias:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return re.compile(_trie_pattern(trie) + not_before)


_END = ""  # marks the end of an alias in the trie (no alias holds an empty string)


def _trie_pattern(node: dict[str, dict]) -> str:
    """The regex of a trie node: its children, optional when an alias ends here.

    The children differ in their first character, so at most one can match; the greedy optional
    group tries the longer alias first, as the longest-first alternation did."""
    children = sorted((ch, child) for ch, child in node.items() if ch != _END)
    if not children:
        return ""
    if len(children) == 1:
        body = re.escape(children[0][0]) + _trie_pattern(children[0][1])
    else:
        body = "(?:" + "|".join(_fan_out(children)) + ")"
    return f"(?:{body})?" if _END in node else body


_FAN_OUT = 64  # children per group; measured on the generated corpus: 64–128 best, 16 no gain


def _fan_out(children: list[tuple[str, dict]]) -> list[str]:
    """The branches of a node, in groups behind a lookahead of their first characters when there are many.

    The engine tries the branches of an alternation one after another, so at the root (357 first
    characters of the indicator aliases) every position whose character can start an alias costs up to
    357 tries; a character-set lookahead per group of 64 skips whole groups at once (finditer twice as
    fast). The lookahead only skips branches that could not match, so the matches are the same."""
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in children]
    if len(children) <= _FAN_OUT:
        return branches
    groups = []
    for k in range(0, len(children), _FAN_OUT):
        first = "".join(re.escape(ch) for ch, _ in children[k : k + _FAN_OUT])
        groups.append(f"(?=[{first}])(?:" + "|".join(branches[k : k + _FAN_OUT]) + ")")
    return groups


def _read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# The dictionaries the extractor reads (and whose change re-extracts)
_FILES = ("indicators.csv", "zones.csv", "zone_districts.csv")


def _stamp(base: Path) -> tuple[tuple[str, int, int], ...]:
    """Size and mtime of the CSV files: an edited dictionary is read again by a long-running process."""
    stamps = []
    for name in _FILES:
        try:
            st = (base / name).stat()
            stamps.append((name, st.st_size, st.st_mtime_ns))
        except OSError:
            stamps.append((name, -1, -1))
    return tuple(stamps)


def load_dictionaries(directory: str | None = None) -> Dictionaries:
    """The dictionaries with their alias automata, built once per process and version of the files."""
    base = Path(directory) if directory else dictionary_dir()
    return _load(str(base), _stamp(base))


@functools.lru_cache(maxsize=4)
def _load(directory: str, _stamp: tuple) -> Dictionaries:
    base = Path(directory)
    indicators: dict[str, Indicator] = {}
    for row in _read_rows(base / "indicators.csv"):
        aliases = (*_split_aliases(row.get("aliases", "")), row["name_zh"].strip())
        indicators[row["code"]] = Indicator(
            row["code"],
            row["name_zh"].strip(),
            row["unit"].strip(),
            (row.get("kind") or "flow").strip(),
            aliases,
            (row.get("category") or "").strip(),
        )
    zones_raw: dict[str, Zone] = {}
    for row in _read_rows(base / "zones.csv"):
        aliases = (*_split_aliases(row.get("aliases", "")), row["name_zh"].strip())
        zones_raw[row["code"]] = Zone(
            row["code"],
            row["name_zh"].strip(),
            row["zone_type"].strip(),
            (row.get("parent_code") or "").strip() or None,
            aliases,
            name_en=(row.get("name_en") or "").strip(),
        )
    zones: dict[str, Zone] = {}
    for code, zone in zones_raw.items():
        depth, parent, seen = 0, zone.parent_code, {code}
        while parent and parent in zones_raw and parent not in seen:
            seen.add(parent)
            depth += 1
            parent = zones_raw[parent].parent_code
        zones[code] = Zone(zone.code, zone.name_zh, zone.zone_type, zone.parent_code, zone.aliases, depth, zone.name_en)
    dicts = Dictionaries(indicators, zones)
    located = base / "zone_districts.csv"
    if located.exists():
        dicts.district_of = {row["zone_code"]: row["district_code"] for row in _read_rows(located)}
    for code, ind in indicators.items():
        for alias in ind.aliases:
            if len(alias) > 1:
                dicts.indicator_alias.setdefault(alias, code)
    for code, zone in zones.items():
        for alias in zone.aliases:
            if len(alias) > 1:
                dicts.zone_alias.setdefault(alias, code)
            if zone.zone_type == "port" and alias.endswith("港"):  # 香港港口 is 香港港, not 香港港 + 口
                dicts.zone_alias.setdefault(alias + "口", code)
    for word, placeholder in _OWN_ZONE_WORDS.items():
        if placeholder in zones:
            dicts.zone_alias.setdefault(word, placeholder)
    dicts.indicator_re = _alias_regex(list(dicts.indicator_alias), not_before=_ANOTHER_NOUN_AFTER)
    dicts.zone_re = _alias_regex(list(dicts.zone_alias))
    return dicts


def dictionaries_hash() -> str:
    """Hash of the CSV files: part of the extractor fingerprint (a new alias re-extracts)."""
    base = dictionary_dir()
    return _hash(str(base), _stamp(base))


@functools.lru_cache(maxsize=4)
def _hash(directory: str, _stamp: tuple) -> str:
    base = Path(directory)
    digest = hashlib.sha256()
    for name in _FILES:
        path = base / name
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()[:16]
