"""Paragraphs on output and demand: GDP and its sectors, industry, investment, consumption, districts."""

from __future__ import annotations

from beilun_etl.synth.dictionaries import Zone
from beilun_etl.synth.numbers_text import base_value
from beilun_etl.synth.records import Fig, change_fig, yi_fig
from beilun_etl.synth.vocabulary import CITY_2023, CONSUMPTION, INDUSTRIES, INVESTMENT
from beilun_etl.synth.writer import ArticleWriter


class EconomyBlocks(ArticleWriter):
    """The paragraphs every style about one zone's economy draws on."""

    def gdp_block(self, zone: Zone, year: int, period: tuple[str, str], label: str, fraction: float) -> None:
        """GDP, its growth, the three sectors, the structure ratio and the sector contributions.

        The sector growths are drawn so that the share-weighted sum is the GDP growth, and the
        contributions (拉动…个百分点) are share x growth.
        """
        rng = self.rng
        level, total_growth = self.level_growth("gdp", zone, year, fraction)
        gdp_name, gdp_code = self.name_of("gdp", "地区生产总值")
        gdp_fig = self.fig(level, "CNY", gdp_name, gdp_code, zone.code, period)
        shares = self.sector_shares(zone)
        g1 = round(rng.uniform(1.0, 4.5), 1)
        g2 = round(total_growth + rng.uniform(-1.5, 3.0), 1)
        g3 = round((total_growth * 100 - shares[0] * g1 - shares[1] * g2) / shares[2], 1)
        growths = (g1, g2, g3)
        self.para(
            f"初步核算，{label}{self.self_ref(zone)}实现{gdp_name}",
            gdp_fig,
            "，按可比价格计算，比上年" if label == "全年" else "，按不变价格计算，同比",
            *self.growth(total_growth, gdp_name, gdp_code, zone.code, period),
            "。",
            self.filler(1),
        )
        sectors = (
            ("value_added_primary", "第一产业增加值", "第一产业"),
            ("value_added_secondary", "第二产业增加值", "第二产业"),
            ("value_added_tertiary", "第三产业增加值", "第三产业"),
        )
        amounts: list[str | Fig] = ["分产业看，"]
        ratio: list[str | Fig] = ["三次产业结构比为"]
        pulls: list[str | Fig] = []
        gdp_yi = gdp_fig.value / 1e8
        for i, ((code, default, short), share, g) in enumerate(zip(sectors, shares, growths, strict=True)):
            known = code if code in self.indicators else None
            name = self.indicators[code].name if known else default
            number = f"{gdp_yi * share / 100:.1f}"
            part = yi_fig(number, name, known, zone.code, period, part_of=gdp_fig.text)
            amounts += [name, part, "，", *self.growth(g, name, known, zone.code, period), "；" if i < 2 else "。"]
            share_fig = Fig(
                f"{share:.1f}",
                name,
                known,
                zone.code,
                "share_pct",
                share,
                "percent",
                "exact",
                period,
                extra={"share_of": gdp_name},
            )
            ratio += [share_fig, "∶" if i < 2 else "。"]
            contribution = round(share * g / 100, 1)
            if i and contribution >= 0.1:
                pulls += [
                    f"{short}拉动经济增长",
                    self.pct(contribution, "pct_points", short, known, zone.code, period),
                    "，",
                ]
        if pulls:
            pulls[-1] = "。"
        self.para(*amounts)
        self.para(*ratio, *pulls)

    def industry_block(self, zone: Zone, year: int, period: tuple[str, str], label: str, fraction: float) -> None:
        """Industry above designated size: value added and its high-tech part and share, enterprises, profits."""
        rng = self.rng
        name, code = self.name_of("industrial_value_added_above_scale", "规模以上工业增加值")
        level, growth = self.level_growth("industrial_value_added_above_scale", zone, year, fraction)
        va_fig = self.fig(level, "CNY", name, code, zone.code, period)
        tech_number = f"{va_fig.value * rng.uniform(55, 75) / 100 / 1e8:.1f}"
        tech_value = base_value(tech_number, 10**8)
        share = round(tech_value / va_fig.value * 100, 1)
        share_name, share_code = self.name_of("high_tech_industry_share", "高新技术产业增加值占比")
        tech = "高新技术产业增加值"
        self.para(
            f"{label}{self.self_ref(zone)}{name}",
            va_fig,
            "，比上年" if label == "全年" else "，同比",
            *self.growth(growth, name, code, zone.code, period),
            f"。其中，{tech}",
            yi_fig(tech_number, tech, None, zone.code, period, part_of=va_fig.text),
            "，",
            *self.growth(rng.uniform(0, 15), tech, None, zone.code, period),
            "，占规模以上工业增加值的比重为",
            self.pct(
                share, "share_pct", f"{tech}占规模以上工业增加值的比重", share_code, zone.code, period, share_of=name
            ),
            "，比上年" if label == "全年" else "，比上年同期",
            *self.points(rng.uniform(-1.5, 3.0), share_name, share_code, zone.code, period),
            "。",
        )
        if label == "全年":
            year_end = (period[1], period[1])
            ent_name, ent_code = self.name_of("above_scale_industrial_enterprises", "规模以上工业企业")
            count = CITY_2023["above_scale_industrial_enterprises"] * zone.size * 1.04 ** (year - 2023)
            ent = self.fig(count * rng.uniform(0.85, 1.15), "count", ent_name, ent_code, zone.code, year_end)
            delta = int(ent.value * rng.uniform(-0.02, 0.08)) or 7
            profit_name, profit_code = self.name_of("total_profit", "利润总额")
            profit = CITY_2023["total_profit"] * zone.size * 1.065 ** (year - 2023) * rng.uniform(0.8, 1.2)
            self.para(
                f"年末{self.self_ref(zone)}共有{ent_name}",
                ent,
                "，比上年末" + ("增加" if delta > 0 else "减少"),
                change_fig(f"{abs(delta)}家", ent_name, ent_code, zone.code, delta, "count", year_end, "上年末"),
                f"。全年规模以上工业企业实现{profit_name}",
                self.fig(profit, "CNY", profit_name, profit_code, zone.code, period),
                "，比上年",
                *self.growth(rng.uniform(-15, 15), profit_name, profit_code, zone.code, period),
                "。",
                self.filler(1),
            )
        picked = rng.sample(INDUSTRIES, rng.randint(3, 6))
        names = [f"{industry}增加值" for industry in picked]
        self.para("分行业看，", *self.growth_list(names, zone.code, period, lambda _: rng.uniform(-12, 25)))

    def investment_block(self, zone: Zone, year: int, period: tuple[str, str], label: str, fraction: float) -> None:
        rng = self.rng
        name, code = self.name_of("fixed_asset_investment", "固定资产投资")
        growth = self.level_growth("fixed_asset_investment", zone, year, fraction)[1]
        items = rng.sample(INVESTMENT, rng.randint(2, 5))

        def draw(item: str) -> float:
            # Property investment has been falling while the rest of investment grew.
            return rng.uniform(-18, 8) if item == "房地产开发投资" else rng.uniform(-8, 25)

        parts: list[str | Fig] = [
            f"{label}{self.self_ref(zone)}{name}" + ("比上年" if label == "全年" else "同比"),
            *self.growth(growth, name, code, zone.code, period),
            "。其中，",
            *self.growth_list(items, zone.code, period, draw),
        ]
        self.para(*parts, self.filler(1))

    def consumption_block(self, zone: Zone, year: int, period: tuple[str, str], label: str, fraction: float) -> None:
        """Retail sales, with a two-year average growth in releases (from this and last year's rates)."""
        rng = self.rng
        name, code = self.name_of("retail_sales", "社会消费品零售总额")
        level, g = self.level_growth("retail_sales", zone, year, fraction)
        parts: list[str | Fig] = [
            f"{label}{self.self_ref(zone)}{name}",
            self.fig(level, "CNY", name, code, zone.code, period),
            "，" + ("比上年" if label == "全年" else "同比"),
            *self.growth(g, name, code, zone.code, period),
        ]
        if label != "全年" and rng.random() < 0.5:
            start = f"{int(period[0][:4]) - 2}{period[0][4:]}"
            two_year = ((1 + g / 100) * (1 + rng.uniform(2, 9) / 100)) ** 0.5 * 100 - 100
            parts += [
                "，两年平均",
                *self.growth(two_year, name, code, zone.code, (start, period[1]), measure="cagr_pct"),
            ]
        parts.append("。限额以上单位中，")
        cats = rng.sample(CONSUMPTION, rng.randint(2, 5))
        names = [f"{cat}零售额" for cat in cats]
        self.para(*parts, *self.growth_list(names, zone.code, period, lambda _: rng.uniform(-15, 30)))

    def districts_paragraph(self, year: int, period: tuple[str, str], fraction: float) -> None:
        """Several districts in one paragraph: `分别` lists and ranks within the city."""
        rng = self.rng
        if len(self.counties) < 3:
            return
        name, code = self.name_of("gdp", "地区生产总值")
        table = self.district_table("gdp", year, fraction)
        by_level = sorted(table, key=lambda c: -table[c][0])
        by_growth = sorted(table, key=lambda c: -table[c][1])
        picked = rng.sample(self.counties, min(len(self.counties), rng.randint(3, 5)))
        parts: list[str | Fig] = ["分区域看，"]
        i = 0
        while i < len(picked):
            zone = picked[i]
            level, growth = table[zone.code]
            if i + 1 < len(picked) and growth > 0 and table[picked[i + 1].code][1] > 0 and rng.random() < 0.5:
                other = picked[i + 1]
                level2, growth2 = table[other.code]
                parts += [
                    f"{zone.name}、{other.name}分别实现{name}",
                    self.fig(level, "CNY", name, code, zone.code, period, note="分别: first value, first zone"),
                    "和",
                    self.fig(level2, "CNY", name, code, other.code, period, note="分别: second value, second zone"),
                    "，分别增长",
                    self.pct(growth, "growth_pct", name, code, zone.code, period),
                    "和",
                    self.pct(growth2, "growth_pct", name, code, other.code, period),
                    "；",
                ]
                i += 2
                continue
            parts += [
                f"{zone.name}实现{name}",
                self.fig(level, "CNY", name, code, zone.code, period),
                "，",
                *self.growth(growth, name, code, zone.code, period),
            ]
            rank = by_level.index(zone.code) + 1
            if rank <= 3 and rng.random() < 0.7:
                parts += ["，总量居", self.rank(rank, "全市", f"{name}全市排名", code, zone.code, period)]
            growth_rank = by_growth.index(zone.code) + 1
            if growth_rank <= 3 and rng.random() < 0.7:
                parts += ["，增速居", self.rank(growth_rank, "全市", f"{name}增速全市排名", code, zone.code, period)]
            parts.append("；")
            i += 1
        parts[-1] = "。"
        self.para(*parts)
