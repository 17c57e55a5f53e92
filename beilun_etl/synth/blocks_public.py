"""Paragraphs on people and public finances: population, budget revenue, incomes, air quality, innovation."""

from __future__ import annotations

from beilun_etl.synth.dictionaries import Zone
from beilun_etl.synth.numbers_text import base_value, whole_year
from beilun_etl.synth.records import Fig, change_fig, yi_fig
from beilun_etl.synth.vocabulary import CITY_2023
from beilun_etl.synth.writer import ArticleWriter


class PublicBlocks(ArticleWriter):
    """The paragraphs of bulletins and releases beyond production and trade."""

    def population_block(self, zone: Zone, year: int) -> None:
        """Year-end registered and resident population with their change against the previous year end."""
        end = (f"{year}-12-31", f"{year}-12-31")
        parts: list[str | Fig] = []
        for code, default, base in (
            ("registered_population", "户籍人口", CITY_2023["registered_population"]),
            ("resident_population", "常住人口", CITY_2023["resident_population"]),
        ):
            name, known = self.name_of(code, default)
            share = 1.0 if zone.code == self.city.code else zone.size * 0.6 * self.rng.uniform(0.85, 1.15)
            level_fig = self.fig(
                base * share * 1.008 ** (year - 2023), "person", name, known, zone.code, end, classifier="人"
            )
            delta = level_fig.value * self.rng.uniform(-0.003, 0.012)
            number = f"{abs(delta) / 1e4:.2f}"
            if number == "0.00":
                number, delta = "0.12", 1.0
            change = base_value(number, 10**4) * (1 if delta >= 0 else -1)
            parts += [
                f"年末{self.self_ref(zone)}{name}",
                level_fig,
                "，比上年末" + ("增加" if delta >= 0 else "减少"),
                change_fig(f"{number}万人", name, known, zone.code, change, "person", end, "上年末"),
                "。",
            ]
        self.para(*parts, self.filler(1))

    def fiscal_block(self, zone: Zone, year: int, period: tuple[str, str], label: str, fraction: float) -> None:
        """General budget revenue with its tax part and the tax share computed from the printed numbers."""
        rng = self.rng
        name, code = self.name_of("general_budget_revenue", "一般公共预算收入")
        level, growth = self.level_growth("general_budget_revenue", zone, year, fraction)
        revenue_number = f"{level / 1e8:.1f}"
        tax_number = f"{float(revenue_number) * rng.uniform(0.75, 0.9):.1f}"
        share = round(float(tax_number) / float(revenue_number) * 100, 1)
        revenue_fig = yi_fig(revenue_number, name, code, zone.code, period)
        parts: list[str | Fig] = []
        if label == "全年" and "fiscal_revenue_total" in self.indicators and rng.random() < 0.6:
            total_name, total_code = self.name_of("fiscal_revenue_total", "财政总收入")
            parts += [
                f"全年{total_name}",
                self.fig(revenue_fig.value * rng.uniform(1.6, 2.4), "CNY", total_name, total_code, zone.code, period),
                "，比上年",
                *self.growth(growth + rng.uniform(-3, 3), total_name, total_code, zone.code, period),
                "。",
            ]
        parts += [
            f"{label}{name}",
            revenue_fig,
            "，",
            *self.growth(growth, name, code, zone.code, period),
            "。其中，税收收入",
            yi_fig(tax_number, "税收收入", None, zone.code, period, part_of=revenue_fig.text),
            "，",
            *self.growth(growth + rng.uniform(-4, 4), "税收收入", None, zone.code, period),
            f"，占{name}的",
            self.pct(share, "share_pct", "税收收入", None, zone.code, period, share_of=name),
            "。",
        ]
        self.para(*parts, self.filler(1))

    def income_block(self, zone: Zone, year: int, period: tuple[str, str], label: str, fraction: float) -> None:
        rng = self.rng
        urban_name, urban_code = self.name_of("disposable_income_urban", "城镇居民人均可支配收入")
        rural_name, rural_code = self.name_of("disposable_income_rural", "农村居民人均可支配收入")
        factor = 1.065 ** (year - 2023) * fraction * rng.uniform(0.9, 1.12)
        self.para(
            f"{label}{urban_name}",
            self.fig(82_000 * factor, "CNY", urban_name, urban_code, zone.code, period),
            "，比上年" if label == "全年" else "，同比",
            *self.growth(rng.uniform(3.0, 7.5), urban_name, urban_code, zone.code, period),
            f"；{rural_name}",
            self.fig(48_000 * factor * rng.uniform(0.95, 1.05), "CNY", rural_name, rural_code, zone.code, period),
            "，",
            *self.growth(rng.uniform(4.0, 9.0), rural_name, rural_code, zone.code, period),
            "。",
            self.filler(1),
        )

    def environment_block(self, zone: Zone, year: int) -> None:
        rng = self.rng
        period = whole_year(year)
        name, code = self.name_of("air_quality_good_rate", "空气质量优良率")
        self.para(
            f"全年{self.self_ref(zone)}{name}为",
            self.pct(rng.uniform(84, 97), "level", name, code, zone.code, period),
            "，比上年",
            *self.points(rng.uniform(-2.5, 3.0), name, code, zone.code, period),
            "。",
            self.filler(1),
        )

    def innovation_block(self, zone: Zone, year: int, period: tuple[str, str]) -> None:
        rng = self.rng
        name, code = self.name_of("patents_granted", "专利授权量")
        ht_name, ht_code = self.name_of("high_tech_enterprises", "国家级高新技术企业")
        end = (period[1], period[1])
        patents = CITY_2023["patents_granted"] * zone.size * 1.05 ** (year - 2023) * rng.uniform(0.8, 1.2)
        count = CITY_2023["high_tech_enterprises"] * zone.size * 1.1 ** (year - 2023) * rng.uniform(0.8, 1.2)
        ht = self.fig(count, "count", ht_name, ht_code, zone.code, end)
        delta = int(ht.value * rng.uniform(0.03, 0.2)) or 5
        self.para(
            f"全年{name}",
            self.fig(patents, "count", name, code, zone.code, period, classifier="件"),
            "，",
            *self.growth(rng.uniform(-10, 20), name, code, zone.code, period),
            f"。年末有效{ht_name}",
            ht,
            "，比上年末增加",
            change_fig(f"{delta}家", ht_name, ht_code, zone.code, delta, "count", end, "上年末"),
            "。",
            self.filler(1),
        )
