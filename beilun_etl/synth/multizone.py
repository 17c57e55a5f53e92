"""Newspaper comparisons of the city's districts (各区县（市）经济成绩单)."""

from __future__ import annotations

from beilun_etl.synth.blocks_economy import EconomyBlocks
from beilun_etl.synth.extras import ExtraBlocks
from beilun_etl.synth.numbers_text import month_end
from beilun_etl.synth.records import Fig


class MultizoneWriter(EconomyBlocks, ExtraBlocks):
    """Districts side by side with the city totals, `分别` lists, shares of the city and ranks."""

    def write(self) -> None:
        """Districts compared in the same paragraphs, with city totals; the year mostly only in the title."""
        rng = self.rng
        year = rng.randint(2015, 2025)
        month = rng.choice((6, 9))
        label = {6: "上半年", 9: "前三季度"}[month]
        period = (f"{year}-01-01", month_end(year, month))
        fraction = month / 12
        if rng.random() < 0.3:
            self.meta = {
                "published": f"{year}-{month + 1 + rng.randint(0, 2):02d}-{rng.randint(1, 28):02d}",
                "title": f"{year}年{label}各区县（市）经济成绩单",
                "source": "宁波日报",
            }
        city = self.city
        self.para(f"{year}年{label}宁波各区县（市）经济“成绩单”出炉")
        self.para(f"本报记者 {self.person()}")
        self.para("近日，各区县（市）陆续公布经济运行数据。" + self.filler(2))
        gdp_name, gdp_code = self.name_of("gdp", "地区生产总值")
        city_level, city_growth = self.level_growth("gdp", city, year, fraction)
        self.para(
            f"今年{label}，{city.name}实现{gdp_name}",
            self.fig(city_level, "CNY", gdp_name, gdp_code, city.code, period),
            "，同比",
            *self.growth(city_growth, gdp_name, gdp_code, city.code, period),
            "。",
            self.filler(1),
        )
        self.para("经济总量：你追我赶")
        self.districts_paragraph(year, period, fraction)
        faster = [c for c in self.counties if self.level_growth("gdp", c, year, fraction)[1] > city_growth + 0.1]
        if faster:
            zone = rng.choice(faster)
            g = self.level_growth("gdp", zone, year, fraction)[1]
            self.para(
                f"从增速看，{zone.name}{gdp_name}增长",
                self.pct(g, "growth_pct", gdp_name, gdp_code, zone.code, period),
                "，高于全市平均",
                self.pct(
                    g - city_growth,
                    "pct_points",
                    f"{gdp_name}增速",
                    gdp_code,
                    zone.code,
                    period,
                    note="difference to the city's growth rate",
                ),
                "。",
                self.filler(1),
            )
        self.para("工业：临港地区挑大梁")
        self.industry_compare(year, period, fraction)
        self.para("外贸：开放优势凸显")
        self.trade_compare(year, period, fraction)
        self.fill(
            [
                lambda: self.investment_compare(year, period, fraction),
                lambda: self.counts_extra_in(rng.choice(self.counties), (period[1], period[1]), f"截至{month}月末，"),
            ]
        )
        self.para("专家认为，" + self.filler(2))

    def industry_compare(self, year: int, period: tuple[str, str], fraction: float) -> None:
        rng = self.rng
        code_key = "industrial_value_added_above_scale"
        name, code = self.name_of(code_key, "规模以上工业增加值")
        table = self.district_table(code_key, year, fraction)
        city_level, city_growth = self.level_growth(code_key, self.city, year, fraction)
        city_fig = self.fig(city_level, "CNY", name, code, self.city.code, period)
        by_growth = sorted(table, key=lambda c: -table[c][1])
        parts: list[str | Fig] = [
            f"全市{name}",
            city_fig,
            "，",
            *self.growth(city_growth, name, code, self.city.code, period),
            "。",
        ]
        for zone in rng.sample(self.counties, min(len(self.counties), rng.randint(2, 4))):
            level, growth = table[zone.code]
            fig = self.fig(level, "CNY", name, code, zone.code, period)
            share = fig.value / city_fig.value * 100
            parts += [
                f"{zone.name}{name}",
                fig,
                "，",
                *self.growth(growth, name, code, zone.code, period),
                "，占全市的",
                self.pct(share, "share_pct", name, code, zone.code, period, share_of=f"全市{name}"),
            ]
            rank = by_growth.index(zone.code) + 1
            if rank <= 3:
                parts += ["，增速居", self.rank(rank, "全市", f"{name}增速全市排名", code, zone.code, period)]
            parts.append("；")
        parts[-1] = "。"
        self.para(*parts, self.filler(1))

    def trade_compare(self, year: int, period: tuple[str, str], fraction: float) -> None:
        rng = self.rng
        name, code = self.name_of("foreign_trade_total", "外贸进出口总额")
        table = self.district_table("foreign_trade_total", year, fraction)
        city_level, city_growth = self.level_growth("foreign_trade_total", self.city, year, fraction)
        city_fig = self.fig(city_level, "CNY", name, code, self.city.code, period)
        first = max(table, key=lambda c: table[c][0])
        parts: list[str | Fig] = [
            f"全市{name}",
            city_fig,
            "，同比",
            *self.growth(city_growth, name, code, self.city.code, period),
            "。其中，",
        ]
        for zone in rng.sample(self.counties, min(len(self.counties), rng.randint(2, 4))):
            level, growth = table[zone.code]
            fig = self.fig(level, "CNY", name, code, zone.code, period, part_of=city_fig.text)
            parts += [f"{zone.name}完成", fig, "，", *self.growth(growth, name, code, zone.code, period)]
            if zone.code == first:
                parts += [
                    "，继续居各区县（市）",
                    Fig("首位", f"{name}全市排名", code, zone.code, "rank", 1, "rank", "exact", period),
                ]
            parts.append("；")
        parts[-1] = "。"
        self.para(*parts, self.filler(1))

    def investment_compare(self, year: int, period: tuple[str, str], fraction: float) -> bool:
        rng = self.rng
        name, code = self.name_of("fixed_asset_investment", "固定资产投资")
        left = [z for z in self.counties if ("fixed_asset_investment", z.code, period) not in self.used]
        if len(left) < 2:
            return False
        a, b = rng.sample(left, 2)
        for zone in (a, b):
            self.used.add(("fixed_asset_investment", zone.code, period))
        ga = self.level_growth("fixed_asset_investment", a, year, fraction)[1]
        gb = self.level_growth("fixed_asset_investment", b, year, fraction)[1]
        if ga > 0 and gb > 0:
            parts: list[str | Fig] = [
                f"{name}方面，{a.name}、{b.name}分别增长",
                self.pct(ga, "growth_pct", name, code, a.code, period),
                "和",
                self.pct(gb, "growth_pct", name, code, b.code, period),
                "。",
            ]
        else:
            parts = [
                f"{name}方面，{a.name}",
                *self.growth(ga, name, code, a.code, period),
                f"，{b.name}",
                *self.growth(gb, name, code, b.code, period),
                "。",
            ]
        self.para(*parts, self.filler(2))
        return True
