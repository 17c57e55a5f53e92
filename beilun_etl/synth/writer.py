"""The article writer's building blocks: sizes, figures, growth phrases, ranks and prose."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

from beilun_etl.synth.dictionaries import COUNTY_LIKE, Indicator, Zone
from beilun_etl.synth.numbers_text import base_value, cn_number, printed_rate
from beilun_etl.synth.records import Fig, render_article
from beilun_etl.synth.vocabulary import CAPTIONS, CITY_2023, DISTRACTORS, FILLER, GIVEN_NAMES, SURNAMES

# Article sizes in UTF-8 bytes, as estimated while writing (3 per character of prose, 2 per character of a
# figure): the files come out between about 8 and 15 KB.
_TARGET_BYTES = (9_000, 13_800)


class ArticleWriter:
    """Builds one article paragraph by paragraph; figures stay objects until `render` places them.

    This class holds the building blocks (figures, growth phrases, ranks, prose); the blocks of
    paragraphs (`blocks_*`, `extras`) and the styles (`bulletin`, `quarterly`, `feature`, `multizone`)
    extend it, each style class writing one kind of article with `write`.

    Levels and growth rates come from per-article tables (`level_growth`): every district and county
    of the city gets one, the city is their sum, so a city total, a district's share and a rank printed
    in different paragraphs of the same article agree.
    """

    def __init__(self, rng: random.Random, zones: dict[str, Zone], indicators: dict[str, Indicator]) -> None:
        self.rng = rng
        self.zones = zones
        self.indicators = indicators
        self.paras: list[list[str | Fig]] = []
        self.meta: dict[str, str] | None = None
        self.used: set[tuple[str, str, tuple[str, str]]] = set()
        self.tables: dict[tuple[str, int, float], dict[str, tuple[float, float]]] = {}
        self.others: dict[tuple[str, int, float, str], tuple[float, float]] = {}
        self.web = False
        self.traditional = False
        self.sections = 0
        self.target = rng.randint(*_TARGET_BYTES)
        self.size = 0
        self.counties = [z for z in zones.values() if z.parent == "ningbo" and z.zone_type in COUNTY_LIKE]
        self.city = zones.get("ningbo") or next(z for z in zones.values() if z.zone_type == "city")

    # ----- building blocks -------------------------------------------------------------------------

    def para(self, *parts: str | Fig) -> None:
        """Append a paragraph, estimating its UTF-8 size cheaply (the estimate only decides when to stop)."""
        self.paras.append(list(parts))
        size = 2
        for part in parts:
            size += len(part.text) * 2 if type(part) is Fig else len(part) * 3
        self.size += size

    def full(self) -> bool:
        return self.size >= self.target

    def filler(self, k: int = 2) -> str:
        """Sentences with no figure at all: the prose between figures in real reports."""
        return "，".join(self.rng.choices(FILLER, k=k)) + "。"

    def name_of(self, code: str, default: str) -> tuple[str, str | None]:
        """The words a text uses for an indicator, and its code when the dictionary has it."""
        indicator = self.indicators.get(code)
        if indicator is None:
            return default, None
        if indicator.aliases and self.rng.random() < 0.3:
            return self.rng.choice(indicator.aliases), code
        return indicator.name, code

    def level_growth(self, code: str, zone: Zone, year: int, fraction: float) -> tuple[float, float]:
        """The level and growth of an indicator for a zone, year and share of the year, drawn once."""
        key = (code, year, fraction)
        table = self.tables.get(key)
        base = CITY_2023[code] * 1.065 ** (year - 2023) * fraction
        if table is None:
            rng = self.rng
            table = {}
            for county in self.counties:
                boost = 2.2 if code == "foreign_trade_total" and county.code == "beilun" else 1.0
                table[county.code] = (
                    base * county.size * boost * rng.uniform(0.85, 1.15),
                    printed_rate(rng.uniform(-2, 11)),
                )
            total = sum(level for level, _ in table.values()) or base
            growth = sum(level * g for level, g in table.values()) / total
            table[self.city.code] = (total, printed_rate(growth))
            self.tables[key] = table
        if zone.code in table:
            return table[zone.code]
        other = (code, year, fraction, zone.code)
        if other not in self.others:
            self.others[other] = (
                base * zone.size * self.rng.uniform(0.85, 1.15),
                printed_rate(self.rng.uniform(-4, 18)),
            )
        return self.others[other]

    def district_table(self, code: str, year: int, fraction: float) -> dict[str, tuple[float, float]]:
        """Level and growth of every district and county of the city, for shares and ranks among them."""
        return {county.code: self.level_growth(code, county, year, fraction) for county in self.counties}

    def quantity(
        self,
        value: float,
        unit: str,
        qualifier: str = "exact",
        classifier: str = "家",
        words: tuple[str, ...] = ("逾", "超过", "突破", "余", "多"),
    ) -> tuple[str, int | float]:
        """Print an amount the way Chinese reports do (亿元, 万标准箱 ...) and give its exact value.

        An exact amount keeps one or two decimals; an amount with a qualifier is rounded to two or
        three significant digits in the direction the word implies (逾 down, 近 and 不足 up).
        """
        rng = self.rng
        if unit == "CNY":
            if value >= 1e12 and rng.random() < 0.3:
                mult, suffix = 10**12, "万亿元"
            elif value >= 1e8:
                mult, suffix = 10**8, "亿元"
            elif value >= 1e5:
                mult, suffix = 10**4, "万元"
            else:
                mult, suffix = 1, "元"
        elif unit == "USD":
            mult, suffix = (10**8, "亿美元") if value >= 1e8 else (10**4, "万美元")
        elif unit == "tonne":
            mult, suffix = (10**8, "亿吨") if value >= 1e8 else (10**4, "万吨")
        elif unit == "TEU":
            mult, suffix = (10**4, "万标准箱") if value >= 1e5 else (1, "标准箱")
        elif unit == "person":
            mult, suffix = (10**4, "万" + classifier) if value >= 1e5 else (1, classifier)
        elif unit == "m2":
            mult, suffix = (10**4, "万平方米") if value >= 1e5 else (1, "平方米")
        elif unit == "mu":
            mult, suffix = (10**4, "万亩") if value >= 1e5 else (1, "亩")
        else:
            mult, suffix = (10**4, "万" + classifier) if value >= 1e6 else (1, classifier)
        x = value / mult
        prefix = infix = ""
        if qualifier == "exact":
            decimals = 0 if mult == 1 else 1 if x >= 100 else 2
            number = f"{x:.{decimals}f}"
        else:
            digits = rng.choice((2, 3)) if x >= 100 else 2
            step = 10.0 ** (math.floor(math.log10(x)) - digits + 1)
            if mult == 1:
                step = max(step, 1.0)
            if qualifier == "more_than":
                n = math.floor(x / step) * step
                word = rng.choice(words)
                if word in ("余", "多") and n >= 10 and step >= 1:
                    infix = word
                else:
                    prefix = word if word not in ("余", "多") else "逾"
            elif qualifier == "less_than":
                n = math.ceil(x / step) * step
                prefix = rng.choice(("不足", "不到"))
            else:
                prefix = rng.choice(("约", "近", "大约"))
                n = math.ceil(x / step) * step if prefix == "近" else round(x / step) * step
            decimals = max(0, -math.floor(math.log10(step) + 1e-9))
            number = f"{n:.{decimals}f}"
        return f"{prefix}{number}{infix}{suffix}", base_value(number, mult)

    def fig(
        self,
        value: float,
        unit: str,
        indicator: str,
        code: str | None,
        zone: str,
        period: tuple[str, str],
        qualifier: str = "exact",
        classifier: str = "家",
        **extra: str,
    ) -> Fig:
        """A level figure."""
        text, exact = self.quantity(value, unit, qualifier, classifier)
        return Fig(text, indicator, code, zone, "level", exact, unit, qualifier, period, extra=extra or None)

    def pct(
        self,
        value: float,
        measure: str,
        indicator: str,
        code: str | None,
        zone: str,
        period: tuple[str, str],
        qualifier: str = "exact",
        **extra: str,
    ) -> Fig:
        """A percentage printed without its sign (the verb carries it) and recorded signed."""
        number = f"{abs(value):.1f}"
        if measure == "pct_points":
            text, unit = f"{number}个百分点", "pct_point"
        else:
            text, unit = f"{number}%", "percent"
            whole = int(abs(value))
            if measure == "growth_pct" and number.endswith(".0") and 1 <= whole < 100 and self.rng.random() < 0.3:
                text = "百分之" + cn_number(whole)
        signed = float(number) if value >= 0 else -float(number)
        return Fig(text, indicator, code, zone, measure, signed, unit, qualifier, period, extra=extra or None)

    def growth(
        self,
        g: float,
        indicator: str,
        code: str | None,
        zone: str,
        period: tuple[str, str],
        lead: str = "",
        measure: str = "growth_pct",
        varied: bool = False,
    ) -> list[str | Fig]:
        """`增长6.1%` / `下降3.5%`: the verb and the signed figure (`增幅为` in lists, where it reads well)."""
        g = printed_rate(g)
        if g > 0:
            verb = self.rng.choice(("增长", "增长", "增幅为")) if varied else "增长"
        else:
            verb = self.rng.choice(("下降", "下降", "减少"))
        return [lead + verb, self.pct(g, measure, indicator, code, zone, period)]

    def points(self, d: float, name: str, code: str | None, zone: str, period: tuple[str, str]) -> list[str | Fig]:
        """`提高1.3个百分点` / `回落0.4个百分点`, signed."""
        d = printed_rate(d)
        verb = "提高" if d > 0 else self.rng.choice(("下降", "回落"))
        return [verb, self.pct(d, "pct_points", name, code, zone, period)]

    def rank(self, n: int, scope: str, indicator: str, code: str | None, zone: str, period: tuple[str, str]) -> Fig:
        """A rank phrase (全省第二, 第5位, 全市首位) recorded as its number."""
        roll = self.rng.random()
        if n == 1 and roll < 0.4:
            text = f"{scope}首位"
        elif roll < 0.7 and n <= 10:
            text = f"{scope}第{cn_number(n)}"
        else:
            text = f"第{n}位"
        return Fig(text, indicator, code, zone, "rank", n, "rank", "exact", period)

    def sector_shares(self, zone: Zone) -> tuple[float, float, float]:
        """Three sector shares with one decimal that sum to exactly 100."""
        if zone.code == "ningbo":
            s1, s2 = 2.3, 46.5
        elif zone.zone_type == "county":
            s1, s2 = 8.5, 45.0
        elif zone.code in ("beilun", "zhenhai", "cixi", "yuyao"):
            s1, s2 = 1.5, 55.0
        else:
            s1, s2 = 1.2, 35.0
        s1 = round(max(0.3, s1 + self.rng.uniform(-0.4, 0.4)), 1)
        s2 = round(s2 + self.rng.uniform(-3, 3), 1)
        return s1, s2, round(100 - s1 - s2, 1)

    def self_ref(self, zone: Zone) -> str:
        return {"city": "全市", "county_city": "全市", "county": "全县"}.get(zone.zone_type, "全区")

    def distractor(self, zone: Zone) -> str:
        """A sentence whose digits are not figures (durations, batch ordinals, plan and programme names)."""
        template = self.rng.choice(DISTRACTORS)
        n, cn = self.rng.randint(3, 20), cn_number(self.rng.randint(2, 6))
        return template.format(zone=zone.name, n=n, cn=cn) + "。"

    def person(self) -> str:
        return self.rng.choice(SURNAMES) + "".join(self.rng.sample(GIVEN_NAMES, self.rng.choice((1, 2))))

    def section(self, title: str) -> None:
        """A numbered section heading (一、综合), numbered in the order the sections are written."""
        self.sections += 1
        self.para(f"{cn_number(self.sections)}、{title}")

    def photo(self) -> None:
        self.para(f"{self.rng.choice(CAPTIONS)} {self.person()} 摄")

    def fill(self, steps: list[Callable[[], bool]]) -> None:
        """Run extra blocks in turn until the article reaches its target size; prose when none is left."""
        while not self.full():
            progressed = False
            for step in steps:
                if self.full():
                    return
                if step():
                    progressed = True
                    self.para(self.filler(self.rng.randint(3, 5)))
            if not progressed:
                self.para(self.filler(3))

    def growth_list(
        self, names: list[str], zone: str, period: tuple[str, str], draw: Callable[[str], float]
    ) -> list[str | Fig]:
        """`A增长x%，B下降y%。`: items of a list with their growth rates, each drawn by `draw(name)` just
        before it is printed (the order of draws is what keeps a seed's articles unchanged)."""
        parts: list[str | Fig] = []
        for i, name in enumerate(names):
            parts += [
                name,
                *self.growth(draw(name), name, None, zone, period, varied=True),
                "，" if i < len(names) - 1 else "。",
            ]
        return parts

    def write(self) -> None:
        """Write the whole article (each style class says how)."""
        raise NotImplementedError

    def render(self) -> tuple[str, list[dict[str, object]]]:
        """The article's text and gold records (see `records.render_article`)."""
        return render_article(self.paras, self.rng, self.web, self.traditional)
