"""Zones and indicators from the warehouse's own dictionaries, so a synthetic gold record never names a code
the warehouse lacks."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from beilun_etl.paths import DICTIONARY_DIR
from beilun_etl.reference import seed_rows

# Economic size relative to Ningbo (about the share of the city's GDP), for realistic magnitudes.
_ZONE_SIZE = {
    "ningbo": 1.0,
    "beilun": 0.17,
    "yinzhou": 0.17,
    "cixi": 0.15,
    "yuyao": 0.10,
    "haishu": 0.10,
    "zhenhai": 0.085,
    "jiangbei": 0.06,
    "fenghua": 0.05,
    "ninghai": 0.05,
    "xiangshan": 0.045,
    "zhoushan": 0.12,
    "ningbo_etdz": 0.12,
    "zj_ftz_ningbo": 0.10,
    "ningbo_bonded_zone": 0.04,
    "meishan": 0.03,
    "daxie": 0.02,
    "lingang_zone": 0.01,
    "guoju": 0.006,
}
_TYPE_SIZE = {"district": 0.06, "county_city": 0.08, "county": 0.04, "subdistrict": 0.008}
# The zone types of the districts and counties a city is the sum of (level tables, shares and ranks).
COUNTY_LIKE = frozenset(("district", "county_city", "county"))


@dataclass(frozen=True, slots=True)
class Zone:
    """A zone of `zones.csv` with the economic size synthetic magnitudes are scaled by."""

    code: str
    name: str
    zone_type: str
    parent: str
    size: float


@dataclass(frozen=True, slots=True)
class Indicator:
    """An indicator of `indicators.csv`: its code and the names a text may call it by."""

    code: str
    name: str
    aliases: tuple[str, ...]


@lru_cache(maxsize=4)
def load_dictionaries(dictionary_dir: Path = DICTIONARY_DIR) -> tuple[dict[str, Zone], dict[str, Indicator]]:
    """Zones and indicators by code, from the warehouse's own dictionaries (read once per folder)."""
    zones: dict[str, Zone] = {}
    for row in seed_rows("zones", dictionary_dir):
        code = row["code"]
        size = _ZONE_SIZE.get(code, _TYPE_SIZE.get(row.get("zone_type", ""), 0.02))
        zones[code] = Zone(code, row["name_zh"], row.get("zone_type", ""), row.get("parent_code", ""), size)
    indicators: dict[str, Indicator] = {}
    for row in seed_rows("indicators", dictionary_dir):
        aliases = tuple(
            a
            for a in (row.get("aliases") or "").split("|")
            if len(a) >= 3 and not a.isascii() and not a.startswith("年")
        )
        indicators[row["code"]] = Indicator(row["code"], row["name_zh"], aliases)
    return zones, indicators
