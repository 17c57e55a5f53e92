"""News features on Beilun and its areas: long-run multiples, ranks, counts, plans and distractors."""

from __future__ import annotations

from beilun_etl.synth.dictionaries import COUNTY_LIKE, Zone
from beilun_etl.synth.extras import ExtraBlocks
from beilun_etl.synth.numbers_text import month_end, whole_year
from beilun_etl.synth.records import Fig
from beilun_etl.synth.vocabulary import NEW_ITEMS


class FeatureWriter(ExtraBlocks):
    """A feature: prose first, the figures the hardest to read (multiples, plans, superlatives) among it."""

    def write(self) -> None:
        """A news feature: long-run multiples, this year's half, last year's rank, counts, plans, distractors."""
        rng = self.rng
        beilun = self.zones.get("beilun") or self.counties[0]
        areas = [z for z in self.zones.values() if z.parent == beilun.code or z.code == "zj_ftz_ningbo"]
        roll = rng.random()
        if roll < 0.6 or not areas:
            zone = beilun
        elif roll < 0.85:
            zone = rng.choice(areas)
        else:
            zone = rng.choice(self.counties)
        district = zone.zone_type in COUNTY_LIKE
        year = rng.randint(2016, 2025)
        month = rng.randint(7, 12)
        title = f"{zone.name}：奋力打造高质量发展新高地"
        has_meta = rng.random() < 0.5
        if has_meta:
            self.meta = {
                "published": f"{year}-{month:02d}-{rng.randint(1, 28):02d}",
                "title": title,
                "source": "北仑新闻",
            }
        self.web = rng.random() < 0.35
        self.traditional = not self.web and rng.random() < 0.15
        heading = "## " if self.web else ""
        self.para(f"{heading}{title}")
        self.para(f"记者 {self.person()} 通讯员 {self.person()}")
        if rng.random() < 0.5:
            self.para(self.distractor(zone))
        last = year - 1
        start = last - rng.randint(5, 20)
        codes = (
            (("gdp", "地区生产总值"), ("fiscal_revenue_total", "财政总收入"), ("retail_sales", "社会消费品零售总额"))
            if district
            else (
                ("foreign_trade_total", "外贸进出口总额"),
                ("commodity_trade", "大宗商品交易额"),
                ("cross_border_ecommerce_total", "跨境电商进出口总额"),
            )
        )
        for code, default in rng.sample(codes, 2):
            self.long_run(zone, code, default, start, last)
        self.para(self.filler(2))
        if rng.random() < 0.7:
            self.photo()
        half, end_month = ("上半年", 6) if month < 10 else ("前三季度", 9)
        period = (f"{year}-01-01", month_end(year, end_month))
        lead = f"今年{half}" if has_meta else f"{year}年{half}"
        self.present(zone, year, period, lead, end_month / 12, district)
        self.para(f"{heading}以创新促发展")
        self.counts_extra_in(zone, whole_year(year), "截至目前，")
        self.new_items(zone, year)
        if zone.code in ("beilun", "zj_ftz_ningbo", "ningbo_bonded_zone", "meishan") and rng.random() < 0.7:
            self.streak(zone, last)
        if rng.random() < 0.5:
            self.para(self.distractor(zone))
        self.plan(zone, year, district)
        self.fill(
            [
                lambda: self.counts_extra_in(zone, whole_year(year), rng.choice(("目前，", "截至目前，", "近年来，"))),
                lambda: self.superlative(zone, year),
                lambda: self.sectors_extra(zone, period) if district else False,
            ]
        )
        if self.web:
            self.photo()
            self.para(f"（责任编辑：{self.person()}）")

    def long_run(self, zone: Zone, code: str, default: str, start: int, last: int) -> None:
        """`从2002年的X增加到2022年的Y，扩大N倍，年均增长c%`: multiple and CAGR from the printed levels."""
        rng = self.rng
        name, known = self.name_of(code, default)
        span = (f"{start}-01-01", f"{last}-12-31")
        level = self.level_growth(code, zone, last, 1.0)[0]
        first_level = level / (1 + rng.uniform(0.06, 0.18)) ** (last - start)
        first = self.fig(first_level, "CNY", name, known, zone.code, whole_year(start))
        second = self.fig(level, "CNY", name, known, zone.code, whole_year(last))
        ratio = second.value / first.value
        verb = rng.choice(("增长", "扩大", "是"))
        stated = round(ratio - 1, 1) if verb == "增长" else round(ratio, 1)
        if stated >= 10:
            stated = float(round(stated))
        reading = "an increase by N times" if verb == "增长" else "N times the base"
        multiple = Fig(
            f"{stated:g}倍",
            name,
            known,
            zone.code,
            "multiple",
            stated,
            "times",
            "exact",
            span,
            extra={"note": f"{second.text}/{first.text} = {ratio:.2f}: {verb}N倍 read as {reading}"},
        )
        self.para(
            f"{last - start}年间，{zone.name}{name}从{start}年的",
            first,
            f"增加到{last}年的",
            second,
            f"，是{start}年的" if verb == "是" else f"，{verb}",
            multiple,
            "，年均增长",
            self.pct((ratio ** (1 / (last - start)) - 1) * 100, "cagr_pct", name, known, zone.code, span),
            "。",
        )

    def present(
        self, zone: Zone, year: int, period: tuple[str, str], lead: str, fraction: float, district: bool
    ) -> None:
        """This year's level, growth, share of the city and rank (from the district table); last year's rank."""
        rng = self.rng
        code, default = ("gdp", "地区生产总值") if district else ("foreign_trade_total", "外贸进出口总额")
        name, known = self.name_of(code, default)
        level, growth = self.level_growth(code, zone, year, fraction)
        fig = self.fig(
            level, "CNY", name, known, zone.code, period, rng.choice(("exact", "exact", "approx", "more_than"))
        )
        parts: list[str | Fig] = [
            f"{lead}，{zone.name}实现{name}",
            fig,
            "，同比",
            *self.growth(growth, name, known, zone.code, period),
        ]
        if district:
            table = self.district_table(code, year, fraction)
            city_level = self.level_growth(code, self.city, year, fraction)[0]
            qualifier, words = rng.choice((("exact", "，占全市的"), ("approx", "，约占全市的")))
            parts += [
                words,
                self.pct(
                    level / city_level * 100,
                    "share_pct",
                    name,
                    known,
                    zone.code,
                    period,
                    qualifier,
                    share_of=f"全市{name}",
                ),
            ]
            rank = sorted(table, key=lambda c: -table[c][0]).index(zone.code) + 1
            parts += ["，总量居", self.rank(rank, "全市", f"{name}全市排名", known, zone.code, period)]
        else:
            parts += [
                "，居全省同类园区",
                self.rank(rng.randint(1, 6), "全省", f"{name}全省同类园区排名", known, zone.code, period),
            ]
        parts.append("。")
        self.para(*parts, self.filler(1))
        if rng.random() < 0.6:
            last = whole_year(year - 1)
            self.para(
                f"去年，{zone.name}{name}",
                self.fig(self.level_growth(code, zone, year - 1, 1.0)[0], "CNY", name, known, zone.code, last),
                "，居",
                self.rank(rng.randint(1, 8), "全省", f"{name}全省排名", known, zone.code, last),
                "。",
            )

    def new_items(self, zone: Zone, year: int) -> None:
        """`今年以来新增N家`: a level of its own indicator (no comparison named), no dictionary code."""
        rng = self.rng
        ind, classifier, low, high = rng.choice(NEW_ITEMS)
        value = max(1, int(rng.randint(low, high) * (1 if zone.zone_type in COUNTY_LIKE else 0.2)))
        unit = "person" if classifier == "人" else "count"
        fig = self.fig(
            value,
            unit,
            ind,
            None,
            zone.code,
            whole_year(year),
            classifier=classifier,
            note="新增 with no comparison named: a level of its own indicator",
        )
        self.para(f"今年以来，{zone.name}{ind}", fig, "。", self.filler(1))

    def streak(self, zone: Zone, last: int) -> None:
        """`连续N年居全国第一`: a rank whose period runs over the whole streak."""
        rng = self.rng
        years = rng.randint(2, 8)
        ind, code = rng.choice(
            (
                ("跨境电商进口额", "cross_border_ecommerce_imports"),
                ("大宗商品交易额", "commodity_trade"),
                ("外贸进出口总额", "foreign_trade_total"),
            )
        )
        scope = rng.choice(("全国", "全省"))
        span = (f"{last - years + 1}-01-01", f"{last}-12-31")
        text = f"{scope}第一" if rng.random() < 0.6 else f"{scope}首位"
        self.para(
            f"截至去年，{zone.name}{ind}已连续{years}年位居",
            Fig(
                text,
                f"{ind}{scope}排名",
                code if code in self.indicators else None,
                zone.code,
                "rank",
                1,
                "rank",
                "exact",
                span,
                extra={"note": f"连续{years}年 up to {last}"},
            ),
            "。",
            self.filler(1),
        )

    def plan(self, zone: Zone, year: int, district: bool) -> None:
        """`预计到2027年…将突破X`: a planned level dated by its target year, not the publication year."""
        rng = self.rng
        target = year + rng.randint(1, 5)
        code, default = ("gdp", "地区生产总值") if district else ("commodity_trade", "大宗商品交易额")
        name, known = self.name_of(code, default)
        level = self.level_growth(code, zone, year, 1.0)[0] * 1.07 ** (target - year)
        qualifier = rng.choice(("more_than", "exact"))
        text, value = self.quantity(level, "CNY", qualifier, words=("超过", "突破"))
        fig = Fig(
            text,
            name,
            known,
            zone.code,
            "level",
            value,
            "CNY",
            qualifier,
            whole_year(target),
            extra={"note": "planned figure, dated by its target year"},
        )
        self.para(
            f"预计到{target}年，{zone.name}{name}将" + ("" if qualifier == "more_than" else "达到"),
            fig,
            "。",
            self.filler(1),
        )

    def superlative(self, zone: Zone, year: int) -> bool:
        """A superlative without a numeral: an optional rank."""
        key = ("superlative", zone.code, whole_year(year))
        if key in self.used:
            return False
        self.used.add(key)
        word = self.rng.choice(("规模最大", "增速最快", "功能最全"))
        self.para(
            f"目前，{zone.name}已成为华东地区同类区域中",
            Fig(
                word,
                f"{zone.name}华东地区同类区域排名",
                None,
                zone.code,
                "rank",
                1,
                "rank",
                "exact",
                whole_year(year),
                optional=True,
                extra={"note": "superlative without a numeral"},
            ),
            "的区域。",
            self.filler(1),
        )
        return True
