"""Optional paragraphs a style adds (through `ArticleWriter.fill`) until its article reaches its size.

Each returns False once it has nothing left to say for the zone and period, so that no article
states the same figure twice.
"""

from __future__ import annotations

from beilun_etl.synth.dictionaries import Zone
from beilun_etl.synth.numbers_text import cn_number
from beilun_etl.synth.records import Fig
from beilun_etl.synth.vocabulary import COUNT_ITEMS, INDUSTRIES, MISC_FLOWS
from beilun_etl.synth.writer import ArticleWriter


class ExtraBlocks(ArticleWriter):
    """Paragraphs that lengthen an article without repeating a figure."""

    def sectors_extra(self, zone: Zone, period: tuple[str, str]) -> bool:
        """More sub-industry growth rates while the article is short; False when none are left."""
        rng = self.rng
        left = [i for i in INDUSTRIES if (f"{i}产值", zone.code, period) not in self.used]
        if len(left) < 2:
            return False
        picked = rng.sample(left, min(len(left), rng.randint(2, 4)))
        names = [f"{industry}产值" for industry in picked]
        self.used.update((name, zone.code, period) for name in names)
        self.para(*self.growth_list(names, zone.code, period, lambda _: rng.uniform(-15, 30)), self.filler(2))
        return True

    def counts_extra(self, zone: Zone, period: tuple[str, str], lead: str) -> bool:
        """Counts of enterprises, platforms, projects ... (no dictionary code), some with a qualifier."""
        rng = self.rng
        left = [item for item in COUNT_ITEMS if (item[0], zone.code, period) not in self.used]
        if not left:
            return False
        picked = rng.sample(left, min(len(left), rng.randint(1, 3)))
        parts: list[str | Fig] = [lead]
        for i, (ind, classifier, unit, low, high) in enumerate(picked):
            self.used.add((ind, zone.code, period))
            value = rng.randint(low, high)
            # 逾 / 约 / 不足 go with round numbers of some size, never with 两家.
            qualifier = (
                rng.choice(("exact", "exact", "exact", "approx", "more_than", "less_than")) if value >= 20 else "exact"
            )
            if value <= 10 and qualifier == "exact" and rng.random() < 0.5:
                fig = Fig(
                    f"{cn_number(value, liang=True)}{classifier}",
                    ind,
                    None,
                    zone.code,
                    "level",
                    value,
                    unit,
                    "exact",
                    period,
                    extra={"note": "Chinese numeral"},
                )
            else:
                fig = self.fig(value, unit, ind, None, zone.code, period, qualifier, classifier)
            parts += [ind, fig, "，" if i < len(picked) - 1 else "。"]
        self.para(*parts, self.filler(1))
        return True

    def counts_extra_in(self, zone: Zone, period: tuple[str, str], lead: str) -> bool:
        """Counts introduced by the zone's name (`截至目前，北仑区共有…`), for articles about several places."""
        return self.counts_extra(zone, period, f"{lead}{zone.name}共有")

    def misc_extra(self, zone: Zone, year: int, period: tuple[str, str], label: str, fraction: float) -> bool:
        """Other flows of a bulletin or release (建筑业总产值, 商品房销售面积 ...) with their growth."""
        rng = self.rng
        left = [item for item in MISC_FLOWS if (item[0], zone.code, period) not in self.used]
        if not left:
            return False
        parts: list[str | Fig] = []
        for ind, unit, classifier, base in rng.sample(left, min(len(left), 2)):
            self.used.add((ind, zone.code, period))
            level = base * zone.size * 1.05 ** (year - 2023) * fraction * rng.uniform(0.8, 1.2)
            parts += [
                f"{label}{self.self_ref(zone)}{ind}",
                self.fig(level, unit, ind, None, zone.code, period, classifier=classifier),
                "，比上年" if label == "全年" else "，同比",
                *self.growth(rng.uniform(-12, 15), ind, None, zone.code, period),
                "。",
            ]
        self.para(*parts, self.filler(1))
        return True
