"""Quarterly releases (一季度, 上半年, 前三季度, 1-N月) of the city or one district."""

from __future__ import annotations

from beilun_etl.synth.blocks_economy import EconomyBlocks
from beilun_etl.synth.blocks_external import ExternalBlocks
from beilun_etl.synth.blocks_public import PublicBlocks
from beilun_etl.synth.dictionaries import Zone
from beilun_etl.synth.extras import ExtraBlocks
from beilun_etl.synth.numbers_text import base_value, month_end
from beilun_etl.synth.records import change_fig
from beilun_etl.synth.vocabulary import CITY_2023


class QuarterlyWriter(EconomyBlocks, ExternalBlocks, PublicBlocks, ExtraBlocks):
    """A release: cumulative figures since January, month-end balances, the districts of the city."""

    def write(self) -> None:
        """Quarterly release: 一季度 / 上半年 / 前三季度 / 1-N月, no sidecar, the year in the title."""
        rng = self.rng
        zone = self.city if rng.random() < 0.6 else rng.choice(self.counties)
        year = rng.randint(2016, 2025)
        month = rng.choice((3, 6, 9, 9, 6, rng.randint(2, 11)))
        label = {3: "一季度", 6: "上半年", 9: "前三季度"}.get(month, f"1-{month}月")
        period = (f"{year}-01-01", month_end(year, month))
        fraction = round(month / 12 * rng.uniform(0.95, 1.02), 4)
        quarter_end = month in (3, 6, 9)
        self.para(f"{year}年{label}{zone.name}经济运行情况")
        self.para(f"{zone.name}统计局")
        self.para("今年以来，" + self.filler(3))
        args = (zone, year, period, label, fraction)
        if quarter_end:
            self.section("经济增长")
            self.gdp_block(*args)
        self.section("工业生产")
        self.industry_block(*args)
        self.section("投资和消费")
        self.investment_block(*args)
        self.consumption_block(*args)
        self.section("外贸和港口")
        self.trade_block(*args)
        if zone.code in ("ningbo", "beilun"):
            self.port_block(*args[1:])
        self.section("财政金融")
        self.fiscal_block(*args)
        self.deposits(zone, year, month)
        if quarter_end:
            self.section("居民收入")
            self.income_block(*args)
        if zone.code == self.city.code:
            self.section("区域发展")
            self.districts_paragraph(year, period, fraction)
        self.fill(
            [
                lambda: self.misc_extra(zone, year, period, label, fraction),
                lambda: self.sectors_extra(zone, period),
            ]
        )
        self.para("附注：本文中地区生产总值、各产业增加值绝对额按现价计算，增长速度按不变价格计算。")

    def deposits(self, zone: Zone, year: int, month: int) -> None:
        """`9月末…存款余额X亿元，比年初增加Y亿元`: a month-end level and its change since the year start."""
        rng = self.rng
        end = month_end(year, month)
        level = CITY_2023["deposits"] * zone.size * 1.08 ** (year - 2023) * rng.uniform(0.9, 1.1)
        name = "金融机构本外币存款余额"
        fig = self.fig(level, "CNY", name, None, zone.code, (end, end))
        delta = f"{fig.value * rng.uniform(0.02, 0.1) * month / 12 / 1e8:.1f}"
        self.para(
            f"{month}月末，{self.self_ref(zone)}{name}",
            fig,
            "，比年初增加",
            change_fig(f"{delta}亿元", name, None, zone.code, base_value(delta, 10**8), "CNY", (end, end), "年初"),
            "。",
        )
