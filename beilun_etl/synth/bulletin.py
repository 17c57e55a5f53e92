"""统计公报: the yearly statistical bulletin of one zone."""

from __future__ import annotations

from beilun_etl.synth.blocks_economy import EconomyBlocks
from beilun_etl.synth.blocks_external import ExternalBlocks
from beilun_etl.synth.blocks_public import PublicBlocks
from beilun_etl.synth.extras import ExtraBlocks
from beilun_etl.synth.numbers_text import whole_year


class BulletinWriter(EconomyBlocks, ExternalBlocks, PublicBlocks, ExtraBlocks):
    """Every section of a bulletin in its usual order, then extra flows, industries and counts."""

    def write(self) -> None:
        """统计公报: one zone, one year, published the next spring with a sidecar."""
        rng = self.rng
        zone = rng.choice([self.city, *self.counties])
        year = rng.randint(2015, 2024)
        title = f"{zone.name}{year}年国民经济和社会发展统计公报"
        self.meta = {
            "published": f"{year + 1}-{rng.randint(2, 4):02d}-{rng.randint(1, 28):02d}",
            "title": title,
            "source": f"{zone.name}统计局",
        }
        period = whole_year(year)
        self.para(title)
        self.para(f"{zone.name}统计局　国家统计局{zone.name.rstrip('区市县')}调查队")
        self.para(f"{year}年，" + self.filler(3))
        args = (zone, year, period, "全年", 1.0)
        self.section("综合")
        self.gdp_block(*args)
        self.section("人口")
        self.population_block(zone, year)
        self.section("工业")
        self.industry_block(*args)
        self.section("投资")
        self.investment_block(*args)
        self.section("国内贸易")
        self.consumption_block(*args)
        self.section("开放型经济")
        self.trade_block(*args)
        if zone.code in ("ningbo", "beilun"):
            self.section("港口")
            self.port_block(*args[1:])
        self.section("财政")
        self.fiscal_block(*args)
        self.section("科学技术")
        self.innovation_block(zone, year, period)
        self.section("人民生活")
        self.income_block(*args)
        self.section("生态环境")
        self.environment_block(zone, year)
        year_end = (f"{year}-12-31", f"{year}-12-31")
        self.fill(
            [
                lambda: self.misc_extra(zone, year, period, "全年", 1.0),
                lambda: self.sectors_extra(zone, period),
                lambda: self.counts_extra(zone, year_end, f"年末{self.self_ref(zone)}共有"),
            ]
        )
        self.para(
            "注：本公报部分数据为初步统计数；地区生产总值及各产业增加值绝对数按现价计算，增长速度按可比价格计算。"
        )
