"""Deterministic synthetic articles with exact gold records, for benchmarks at scale.

Why: the hand-made gold covers a handful of articles, while measuring the extraction's speed and accuracy
on the styles it meets (statistical bulletins, quarterly releases, features, multi-zone comparisons) needs
thousands. Every figure of a synthetic article is rendered from the very template data its gold record is
written from, so the gold is exact by construction, and one seed reproduces a corpus byte for byte.

Values are kept self-consistent the way real reports are: parts add up to their whole and stay below it,
a stated share, multiple, average growth or change is computed from the levels printed beside it, a
structure ratio sums to 100, rank claims follow the levels generated for every district of the city.

Only the standard library is used, and the zone and indicator codes come from the dictionaries in
`dbt/seeds` (read with `csv`), so a synthetic gold record never names a code the warehouse lacks.
"""

from __future__ import annotations

import csv
import json
import math
import multiprocessing
import os
import random
import re
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from beilun_etl.paths import DICTIONARY_DIR

STYLES = ("bulletin", "quarterly", "feature", "multizone")

# Article sizes in UTF-8 bytes, as estimated while writing (3 per character of prose, 2 per character of a
# figure): the files come out between about 8 and 15 KB.
_TARGET_BYTES = (9_000, 13_800)
# Articles per worker task when a corpus is written by several processes.
_CHUNK = 250
# The part of a context window before and after a figure: up to a sentence end or a line break.
_CONTEXT_BEFORE = re.compile(r"[^。；！？;!?\n]*\Z")
_CONTEXT_AFTER = re.compile(r"[^。；！？;!?\n]*")
_JSON = json.JSONEncoder(ensure_ascii=False)
_HALF_WIDTH = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "“": '"', "”": '"'})
# Length-preserving simplified -> traditional map (one character for one, so offsets and contexts computed on
# the simplified text stay valid). Generated offline with OpenCC s2tw from synthetic articles, keeping only the
# characters that OpenCC converted the same way everywhere (制/製, 注/註, 家/傢 ... are left as they are).
_TRADITIONAL = str.maketrans(
    "万与专业东两个丰临为丽乐乡于产亩亿从仑仪价众优会体余关兴具内军农冯况准减划刘创别办务动势区医华协单占"
    "厂压县双发变叶吨吴员园围国图场坚壮备复头奋妆娱孙学宁宝实对将层属巩币布带应开张强态总战户托扩报换据摄"
    "撑数断旧显晓术机杂权条来杨构枢标桩气济涛润游溪炉点炼烟热环现电着码础种积税稳筑签类粮紧红约级纵纸纺纽"
    "线织终经结绕绘给络绝统继绩续综绿编网罗联胶艳范药获营蓝装规计订认讯记许设试调谐财责货质贸费赁资赵赶跃"
    "车转较辑输边达过运进连选邓郑释针铁银铺链销键镇长间队阶际陆陈难静韧韩项预领额饮饰驱驻验鹏黄",
    "萬與專業東兩個豐臨為麗樂鄉於產畝億從侖儀價眾優會體餘關興俱內軍農馮況準減劃劉創別辦務動勢區醫華協單佔"
    "廠壓縣雙發變葉噸吳員園圍國圖場堅壯備複頭奮妝娛孫學寧寶實對將層屬鞏幣佈帶應開張強態總戰戶託擴報換據攝"
    "撐數斷舊顯曉術機雜權條來楊構樞標樁氣濟濤潤遊谿爐點煉菸熱環現電著碼礎種積稅穩築簽類糧緊紅約級縱紙紡紐"
    "線織終經結繞繪給絡絕統繼績續綜綠編網羅聯膠豔範藥獲營藍裝規計訂認訊記許設試調諧財責貨質貿費賃資趙趕躍"
    "車轉較輯輸邊達過運進連選鄧鄭釋針鐵銀鋪鏈銷鍵鎮長間隊階際陸陳難靜韌韓項預領額飲飾驅駐驗鵬黃",
)
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
_COUNTY_LIKE = frozenset(("district", "county_city", "county"))

# Ningbo, whole year 2023, in base units: the magnitudes every synthetic level is scaled from.
_CITY_2023 = {
    "gdp": 1.645e12,
    "fixed_asset_investment": 8.0e11,
    "industrial_value_added_above_scale": 5.6e11,
    "industrial_output_above_scale": 2.3e12,
    "fiscal_revenue_total": 3.0e11,
    "general_budget_revenue": 1.8e11,
    "retail_sales": 5.0e11,
    "foreign_trade_total": 1.27e12,
    "cross_border_ecommerce_total": 2.0e11,
    "commodity_trade": 3.5e12,
    "oil_gas_sales": 1.0e12,
    "total_profit": 1.6e11,
    "total_profit_tax": 2.8e11,
    "fdi_actual": 4.0e9,
    "fdi_contracted": 8.0e9,
    "patents_granted": 6.0e4,
    "high_tech_enterprises": 6.0e3,
    "above_scale_industrial_enterprises": 1.05e4,
    "registered_population": 6.2e6,
    "resident_population": 9.7e6,
    "deposits": 3.6e12,
}
_PORT_2023 = {
    "ningbo_zhoushan_port": {"container_throughput": 3.53e7, "cargo_throughput": 1.32e9},
    "chuanshan": {"container_throughput": 1.15e7},
    "meishan": {"container_throughput": 8.2e6},
}

_INDUSTRIES = (
    "汽车制造业",
    "电气机械和器材制造业",
    "通用设备制造业",
    "专用设备制造业",
    "化学原料和化学制品制造业",
    "石油、煤炭及其他燃料加工业",
    "计算机、通信和其他电子设备制造业",
    "金属制品业",
    "橡胶和塑料制品业",
    "纺织服装、服饰业",
    "黑色金属冶炼和压延加工业",
    "医药制造业",
    "仪器仪表制造业",
    "文教、工美、体育和娱乐用品制造业",
    "电力、热力生产和供应业",
    "造纸和纸制品业",
    "有色金属冶炼和压延加工业",
    "铁路、船舶、航空航天和其他运输设备制造业",
)
_CONSUMPTION = (
    "粮油、食品类",
    "饮料类",
    "烟酒类",
    "服装、鞋帽、针纺织品类",
    "化妆品类",
    "金银珠宝类",
    "日用品类",
    "家用电器和音像器材类",
    "通讯器材类",
    "石油及制品类",
    "汽车类",
    "中西药品类",
    "文化办公用品类",
    "家具类",
    "建筑及装潢材料类",
)
_INVESTMENT = (
    "工业投资",
    "制造业投资",
    "高新技术产业投资",
    "基础设施投资",
    "交通投资",
    "房地产开发投资",
    "民间投资",
    "生态环保投资",
    "社会领域投资",
)
# (indicator, classifier, unit, low, high) of counts a feature reports, stock-like, no dictionary code.
_COUNT_ITEMS = (
    ("国家级专精特新“小巨人”企业", "家", "count", 3, 60),
    ("省级专精特新中小企业", "家", "count", 30, 400),
    ("省级未来工厂", "家", "count", 1, 9),
    ("国家级绿色工厂", "家", "count", 2, 30),
    ("省级企业研究院", "家", "count", 5, 60),
    ("境内外上市公司", "家", "count", 5, 45),
    ("规上数字经济企业", "家", "count", 50, 400),
    ("国家级科技企业孵化器", "家", "count", 1, 6),
    ("众创空间", "家", "count", 3, 30),
    ("院士工作站", "家", "count", 2, 20),
    ("省级以上研发机构", "家", "count", 20, 300),
    ("在建重大产业项目", "个", "count", 10, 90),
    ("产业创新服务综合体", "个", "count", 2, 9),
    ("公共充电桩", "个", "count", 1_000, 20_000),
    ("高层次人才", "名", "person", 100, 3_000),
    ("技能人才", "人", "person", 20_000, 200_000),
    ("保障性租赁住房", "套", "count", 500, 9_000),
    ("有效发明专利", "件", "count", 300, 5_000),
    ("入驻企业", "家", "count", 100, 3_000),
    ("外资企业", "家", "count", 100, 1_500),
)
_NEW_ITEMS = (
    ("新增国家级高新技术企业", "家", 20, 300),
    ("新增市场主体", "户", 5_000, 40_000),
    ("新设外资企业", "家", 10, 200),
    ("新增上市公司", "家", 1, 6),
    ("新开工重大产业项目", "个", 5, 60),
    ("新增规上工业企业", "家", 20, 200),
    ("新引进人才", "人", 5_000, 60_000),
)
# (indicator, unit, classifier, Ningbo's whole-year amount in 2023) of other flows bulletins report.
_MISC = (
    ("建筑业总产值", "CNY", "", 2.4e11),
    ("旅游总收入", "CNY", "", 1.9e11),
    ("商品房销售面积", "m2", "", 1.1e7),
    ("房屋施工面积", "m2", "", 9.0e7),
    ("粮食产量", "tonne", "", 6.5e5),
    ("水产品产量", "tonne", "", 1.1e6),
    ("粮食播种面积", "mu", "", 1.6e6),
    ("限额以上批发和零售业销售额", "CNY", "", 3.2e12),
    ("网络零售额", "CNY", "", 3.0e11),
    ("研究与试验发展经费支出", "CNY", "", 5.5e10),
    ("公路货物运输量", "tonne", "", 3.0e8),
    ("城镇新增就业人数", "person", "人", 2.2e5),
    ("一般公共预算支出", "CNY", "", 2.2e11),
    ("外商直接投资合同额", "USD", "", 9.0e9),
)
_FILLER = (
    "经济运行总体平稳、稳中有进，发展质量和效益稳步提升",
    "各项政策措施持续发力，市场预期逐步改善",
    "产业结构不断优化，新旧动能加快转换",
    "重点领域改革纵深推进，营商环境持续优化",
    "民生保障更加有力，人民群众获得感、幸福感不断增强",
    "对外开放水平进一步提高，开放型经济新优势加快形成",
    "创新驱动发展战略深入实施，科技创新能力明显增强",
    "城乡区域发展更加协调，城市能级和品质持续提升",
    "生态环境质量总体改善，绿色低碳转型步伐加快",
    "重大项目建设有序推进，有效投资对经济增长的支撑作用增强",
    "消费市场逐步回暖，升级类商品销售较为活跃",
    "企业生产经营总体稳定，市场主体活力持续释放",
    "港口物流体系不断完善，枢纽功能持续增强",
    "数字经济与实体经济深度融合，智能化改造全面铺开",
    "金融服务实体经济能力增强，企业融资成本稳中有降",
    "就业形势保持稳定，居民收入持续增加",
    "社会事业全面进步，公共服务供给更加均衡",
    "安全发展底线持续筑牢，社会大局和谐稳定",
    "区域协同发展不断深化，与周边地区的产业合作更加紧密",
    "招商引资力度持续加大，一批高能级项目签约落地",
    "外部环境复杂多变，部分行业仍面临订单不足、成本上升等困难",
    "下阶段将持续巩固和增强经济回升向好态势",
    "临港产业集群加快壮大，产业链供应链韧性进一步提升",
    "人才引育成效明显，创新要素加速集聚",
    "政务服务持续优化，企业办事更加便捷高效",
)
_DISTRACTORS = (
    "“十四五”以来，{zone}坚持把发展经济的着力点放在实体经济上",
    "短短{n}年，{zone}走出了一条以港兴区、工业强区的特色发展之路",
    "{zone}入选第{cn}批国家级产业集群试点名单，示范带动效应逐步显现",
    "围绕“双碳”目标，{zone}加快推进能源结构调整和产业绿色转型",
    "“5G+工业互联网”应用场景不断丰富，一批智能工厂相继建成",
    "按照《{zone}国土空间总体规划(2021—2035年)》，城市发展格局进一步优化",
    "依托“科创甬江2035”重大研发计划，关键核心技术攻关取得新突破",
    "{zone}全力打造绿色石化、汽车制造等千亿级产业集群",
    "{n}年来，{zone}始终坚持“八八战略”指引，一张蓝图绘到底",
)
_CAPTIONS = ("港区一角", "智能化生产车间", "繁忙的集装箱码头", "城区新貌", "企业研发中心", "产业园区航拍")
_SURNAMES = "王李张刘陈杨黄赵周吴徐孙朱胡林何郭罗郑梁叶宋唐许邓韩冯曹彭"
_GIVEN = "晓思佳立海明文雨建国志华婷俊宇丽红军涛静敏强磊洋鹏艳芳燕"
_CN = "零一二三四五六七八九"


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


@dataclass(slots=True)
class Fig:
    """One figure as printed in the article, with everything its gold record states."""

    text: str
    indicator: str
    code: str | None
    zone: str | None
    measure: str
    value: int | float
    unit: str
    qualifier: str
    period: tuple[str, str]
    optional: bool = False
    extra: dict[str, str] | None = None


@lru_cache(maxsize=4)
def load_dictionaries(dictionary_dir: Path = DICTIONARY_DIR) -> tuple[dict[str, Zone], dict[str, Indicator]]:
    """Zones and indicators by code, from the warehouse's own dictionaries (read once per folder)."""
    zones: dict[str, Zone] = {}
    with (dictionary_dir / "zones.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            code = row["code"]
            size = _ZONE_SIZE.get(code, _TYPE_SIZE.get(row.get("zone_type", ""), 0.02))
            zones[code] = Zone(code, row["name_zh"], row.get("zone_type", ""), row.get("parent_code", ""), size)
    indicators: dict[str, Indicator] = {}
    with (dictionary_dir / "indicators.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            aliases = tuple(
                a
                for a in (row.get("aliases") or "").split("|")
                if len(a) >= 3 and not a.isascii() and not a.startswith("年")
            )
            indicators[row["code"]] = Indicator(row["code"], row["name_zh"], aliases)
    return zones, indicators


def generate_corpus(
    count: int, out_dir: Path, seed: int = 0, dictionary_dir: Path | None = None, workers: int | None = None
) -> None:
    """Write `count` articles to `out_dir/articles` (some with a `.meta.json` sidecar) and their gold
    records to `out_dir/gold`; the same arguments always give the same bytes.

    Each article draws from its own random stream (seeded by `seed` and its index), so a corpus of N
    articles is the prefix of a corpus of N+1, and large corpora are written by several processes (one
    per CPU unless `workers` says otherwise) without changing a byte.
    """
    out = Path(out_dir)
    (out / "articles").mkdir(parents=True, exist_ok=True)
    (out / "gold").mkdir(parents=True, exist_ok=True)
    dictionaries = dictionary_dir or DICTIONARY_DIR
    if workers is None:
        workers = min(os.cpu_count() or 1, count // _CHUNK)
    tasks = [(start, min(count, start + _CHUNK), seed, out, dictionaries) for start in range(0, count, _CHUNK)]
    if workers <= 1:
        for task in tasks:
            _write_articles(task)
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
        for _ in pool.map(_write_articles, tasks):
            pass


def _write_articles(task: tuple[int, int, int, Path, Path]) -> None:
    """Write the articles with indices start..stop-1 (one worker's share of a corpus)."""
    start, stop, seed, out, dictionary_dir = task
    zones, indicators = load_dictionaries(dictionary_dir)
    articles_dir, gold_dir = out / "articles", out / "gold"
    for index in range(start, stop):
        name, text, meta, records = generate_article(index, seed, zones, indicators)
        (articles_dir / f"{name}.txt").write_text(text, encoding="utf-8")
        if meta is not None:
            (articles_dir / f"{name}.meta.json").write_text(_JSON.encode(meta) + "\n", encoding="utf-8")
        (gold_dir / f"{name}.jsonl").write_text("\n".join(map(_JSON.encode, records)) + "\n", encoding="utf-8")


def generate_article(
    index: int, seed: int, zones: dict[str, Zone], indicators: dict[str, Indicator]
) -> tuple[str, str, dict[str, str] | None, list[dict[str, object]]]:
    """One article: its name, text, sidecar metadata (or None) and gold records."""
    rng = random.Random(seed * 1_000_003 + index)
    style = STYLES[rng.randrange(len(STYLES))]
    writer = _Writer(rng, zones, indicators)
    getattr(writer, f"write_{style}")()
    name = f"{index:06d}_{style}_{rng.getrandbits(32):08x}"
    text, records = writer.render()
    return name, text, writer.meta, records


def _cn_number(n: int, liang: bool = False) -> str:
    """A small integer in Chinese numerals (两 for a count of two, 二 in ordinals)."""
    if n == 2 and liang:
        return "两"
    if n < 10:
        return _CN[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _CN[tens]
    return f"{head}十{_CN[ones] if ones else ''}"


def _value(number: str, multiplier: int) -> int | float:
    """The base-unit value of a printed number, exact (Decimal) so that 1365.56亿 is 136556000000."""
    exact = Decimal(number) * multiplier
    return int(exact) if exact == exact.to_integral_value() else float(exact)


def _year(y: int) -> tuple[str, str]:
    return f"{y}-01-01", f"{y}-12-31"


def _month_end(y: int, m: int) -> str:
    days = (31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[m - 1]
    return f"{y}-{m:02d}-{days:02d}"


def _context(text: str, start: int, end: int) -> str:
    """A short window of the figure's sentence: never past a sentence end or a line break (both patterns
    match, if only the empty string)."""
    lo = _CONTEXT_BEFORE.search(text, max(0, start - 16), start).start()
    hi = _CONTEXT_AFTER.match(text, end, end + 10).end()
    return text[lo:hi]


def _rate(g: float) -> float:
    """A growth rate as printed (one decimal), never a bare 0.0."""
    r = round(g, 1)
    return r if abs(r) >= 0.1 else 0.3


class _Writer:
    """Builds one article paragraph by paragraph; figures stay objects until `render` places them.

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
        self.counties = [z for z in zones.values() if z.parent == "ningbo" and z.zone_type in _COUNTY_LIKE]
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
        return "，".join(self.rng.choices(_FILLER, k=k)) + "。"

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
        base = _CITY_2023[code] * 1.065 ** (year - 2023) * fraction
        if table is None:
            rng = self.rng
            table = {}
            for county in self.counties:
                boost = 2.2 if code == "foreign_trade_total" and county.code == "beilun" else 1.0
                table[county.code] = (base * county.size * boost * rng.uniform(0.85, 1.15), _rate(rng.uniform(-2, 11)))
            total = sum(level for level, _ in table.values()) or base
            growth = sum(level * g for level, g in table.values()) / total
            table[self.city.code] = (total, _rate(growth))
            self.tables[key] = table
        if zone.code in table:
            return table[zone.code]
        other = (code, year, fraction, zone.code)
        if other not in self.others:
            self.others[other] = (base * zone.size * self.rng.uniform(0.85, 1.15), _rate(self.rng.uniform(-4, 18)))
        return self.others[other]

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
        return f"{prefix}{number}{infix}{suffix}", _value(number, mult)

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
                text = "百分之" + _cn_number(whole)
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
        g = _rate(g)
        if g > 0:
            verb = self.rng.choice(("增长", "增长", "增幅为")) if varied else "增长"
        else:
            verb = self.rng.choice(("下降", "下降", "减少"))
        return [lead + verb, self.pct(g, measure, indicator, code, zone, period)]

    def points(self, d: float, name: str, code: str | None, zone: str, period: tuple[str, str]) -> list[str | Fig]:
        """`提高1.3个百分点` / `回落0.4个百分点`, signed."""
        d = _rate(d)
        verb = "提高" if d > 0 else self.rng.choice(("下降", "回落"))
        return [verb, self.pct(d, "pct_points", name, code, zone, period)]

    def rank(self, n: int, scope: str, indicator: str, code: str | None, zone: str, period: tuple[str, str]) -> Fig:
        """A rank phrase (全省第二, 第5位, 全市首位) recorded as its number."""
        roll = self.rng.random()
        if n == 1 and roll < 0.4:
            text = f"{scope}首位"
        elif roll < 0.7 and n <= 10:
            text = f"{scope}第{_cn_number(n)}"
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
        template = self.rng.choice(_DISTRACTORS)
        n, cn = self.rng.randint(3, 20), _cn_number(self.rng.randint(2, 6))
        return template.format(zone=zone.name, n=n, cn=cn) + "。"

    def person(self) -> str:
        return self.rng.choice(_SURNAMES) + "".join(self.rng.sample(_GIVEN, self.rng.choice((1, 2))))

    def section(self, title: str) -> None:
        """A numbered section heading (一、综合), numbered in the order the sections are written."""
        self.sections += 1
        self.para(f"{_cn_number(self.sections)}、{title}")

    def photo(self) -> None:
        self.para(f"{self.rng.choice(_CAPTIONS)} {self.person()} 摄")

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

    # ----- blocks shared by the styles ---------------------------------------------------------------

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
            part = Fig(
                f"{number}亿元",
                name,
                known,
                zone.code,
                "level",
                _value(number, 10**8),
                "CNY",
                "exact",
                period,
                extra={"part_of": gdp_fig.text},
            )
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

    def population_block(self, zone: Zone, year: int) -> None:
        """Year-end registered and resident population with their change against the previous year end."""
        end = (f"{year}-12-31", f"{year}-12-31")
        parts: list[str | Fig] = []
        for code, default, base in (
            ("registered_population", "户籍人口", _CITY_2023["registered_population"]),
            ("resident_population", "常住人口", _CITY_2023["resident_population"]),
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
            change = _value(number, 10**4) * (1 if delta >= 0 else -1)
            parts += [
                f"年末{self.self_ref(zone)}{name}",
                level_fig,
                "，比上年末" + ("增加" if delta >= 0 else "减少"),
                Fig(
                    f"{number}万人",
                    name,
                    known,
                    zone.code,
                    "change",
                    change,
                    "person",
                    "exact",
                    end,
                    extra={"note": "difference against 上年末"},
                ),
                "。",
            ]
        self.para(*parts, self.filler(1))

    def industry_block(self, zone: Zone, year: int, period: tuple[str, str], label: str, fraction: float) -> None:
        """Industry above designated size: value added and its high-tech part and share, enterprises, profits."""
        rng = self.rng
        name, code = self.name_of("industrial_value_added_above_scale", "规模以上工业增加值")
        level, growth = self.level_growth("industrial_value_added_above_scale", zone, year, fraction)
        va_fig = self.fig(level, "CNY", name, code, zone.code, period)
        tech_number = f"{va_fig.value * rng.uniform(55, 75) / 100 / 1e8:.1f}"
        tech_value = _value(tech_number, 10**8)
        share = round(tech_value / va_fig.value * 100, 1)
        share_name, share_code = self.name_of("high_tech_industry_share", "高新技术产业增加值占比")
        tech = "高新技术产业增加值"
        self.para(
            f"{label}{self.self_ref(zone)}{name}",
            va_fig,
            "，比上年" if label == "全年" else "，同比",
            *self.growth(growth, name, code, zone.code, period),
            f"。其中，{tech}",
            Fig(
                f"{tech_number}亿元",
                tech,
                None,
                zone.code,
                "level",
                tech_value,
                "CNY",
                "exact",
                period,
                extra={"part_of": va_fig.text},
            ),
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
            count = _CITY_2023["above_scale_industrial_enterprises"] * zone.size * 1.04 ** (year - 2023)
            ent = self.fig(count * rng.uniform(0.85, 1.15), "count", ent_name, ent_code, zone.code, year_end)
            delta = int(ent.value * rng.uniform(-0.02, 0.08)) or 7
            profit_name, profit_code = self.name_of("total_profit", "利润总额")
            profit = _CITY_2023["total_profit"] * zone.size * 1.065 ** (year - 2023) * rng.uniform(0.8, 1.2)
            self.para(
                f"年末{self.self_ref(zone)}共有{ent_name}",
                ent,
                "，比上年末" + ("增加" if delta > 0 else "减少"),
                Fig(
                    f"{abs(delta)}家",
                    ent_name,
                    ent_code,
                    zone.code,
                    "change",
                    delta,
                    "count",
                    "exact",
                    year_end,
                    extra={"note": "difference against 上年末"},
                ),
                f"。全年规模以上工业企业实现{profit_name}",
                self.fig(profit, "CNY", profit_name, profit_code, zone.code, period),
                "，比上年",
                *self.growth(rng.uniform(-15, 15), profit_name, profit_code, zone.code, period),
                "。",
                self.filler(1),
            )
        picked = rng.sample(_INDUSTRIES, rng.randint(3, 6))
        parts: list[str | Fig] = ["分行业看，"]
        for i, industry in enumerate(picked):
            ind = f"{industry}增加值"
            parts += [
                ind,
                *self.growth(rng.uniform(-12, 25), ind, None, zone.code, period, varied=True),
                "，" if i < len(picked) - 1 else "。",
            ]
        self.para(*parts)

    def investment_block(self, zone: Zone, year: int, period: tuple[str, str], label: str, fraction: float) -> None:
        rng = self.rng
        name, code = self.name_of("fixed_asset_investment", "固定资产投资")
        growth = self.level_growth("fixed_asset_investment", zone, year, fraction)[1]
        items = rng.sample(_INVESTMENT, rng.randint(2, 5))
        parts: list[str | Fig] = [
            f"{label}{self.self_ref(zone)}{name}" + ("比上年" if label == "全年" else "同比"),
            *self.growth(growth, name, code, zone.code, period),
            "。其中，",
        ]
        for i, item in enumerate(items):
            g = rng.uniform(-18, 8) if item == "房地产开发投资" else rng.uniform(-8, 25)
            parts += [
                item,
                *self.growth(g, item, None, zone.code, period, varied=True),
                "，" if i < len(items) - 1 else "。",
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
        cats = rng.sample(_CONSUMPTION, rng.randint(2, 5))
        for i, cat in enumerate(cats):
            ind = f"{cat}零售额"
            parts += [
                ind,
                *self.growth(rng.uniform(-15, 30), ind, None, zone.code, period, varied=True),
                "，" if i < len(cats) - 1 else "。",
            ]
        self.para(*parts)

    def trade_block(self, zone: Zone, year: int, period: tuple[str, str], label: str, fraction: float) -> None:
        """Foreign trade: exports + imports = total, and the three growth rates agree with one prior year."""
        rng = self.rng
        name, code = self.name_of("foreign_trade_total", "外贸进出口总额")
        level, gt = self.level_growth("foreign_trade_total", zone, year, fraction)
        total_number = f"{level / 1e8:.1f}"
        export_number = f"{float(total_number) * rng.uniform(0.55, 0.72):.1f}"
        import_number = str(Decimal(total_number) - Decimal(export_number))
        gx = gt + rng.uniform(-4, 4)
        before_imports = float(total_number) / (1 + gt / 100) - float(export_number) / (1 + gx / 100)
        gm = (float(import_number) / before_imports - 1) * 100 if before_imports > 0 else gt
        if not -30 < gm < 40:
            gx = gm = gt
        total_fig = Fig(
            f"{total_number}亿元", name, code, zone.code, "level", _value(total_number, 10**8), "CNY", "exact", period
        )
        exp_name, exp_code = self.name_of("exports", "出口")
        imp_name, imp_code = self.name_of("imports", "进口")
        parts: list[str | Fig] = [
            f"{label}{self.self_ref(zone)}{name}",
            total_fig,
            "，比上年" if label == "全年" else "，同比",
            *self.growth(gt, name, code, zone.code, period),
        ]
        if zone.code != self.city.code and zone.code in self.tables[("foreign_trade_total", year, fraction)]:
            city_total = self.tables[("foreign_trade_total", year, fraction)][self.city.code][0]
            share = total_fig.value / city_total * 100
            parts += ["，占全市的", self.pct(share, "share_pct", name, code, zone.code, period, share_of=f"全市{name}")]
        parts += [
            f"。其中，{exp_name}",
            Fig(
                f"{export_number}亿元",
                exp_name,
                exp_code,
                zone.code,
                "level",
                _value(export_number, 10**8),
                "CNY",
                "exact",
                period,
                extra={"part_of": total_fig.text},
            ),
            "，",
            *self.growth(gx, exp_name, exp_code, zone.code, period),
            f"；{imp_name}",
            Fig(
                f"{import_number}亿元",
                imp_name,
                imp_code,
                zone.code,
                "level",
                _value(import_number, 10**8),
                "CNY",
                "exact",
                period,
                extra={"part_of": total_fig.text},
            ),
            "，",
            *self.growth(gm, imp_name, imp_code, zone.code, period),
            "。",
        ]
        self.para(*parts)
        fdi_name, fdi_code = self.name_of("fdi_actual", "实际利用外资")
        fdi, fdi_growth = self.level_growth("fdi_actual", zone, year, fraction)
        more: list[str | Fig] = [
            f"{label}{fdi_name}",
            self.fig(fdi, "USD", fdi_name, fdi_code, zone.code, period),
            "，",
            *self.growth(fdi_growth * 2 - 5, fdi_name, fdi_code, zone.code, period),
            "。",
        ]
        if zone.code in ("beilun", "ningbo"):
            cb_name, cb_code = self.name_of("cross_border_ecommerce_total", "跨境电商进出口总额")
            cb, cb_growth = self.level_growth("cross_border_ecommerce_total", zone, year, fraction)
            cb_fig = self.fig(cb * 2, "CNY", cb_name, cb_code, zone.code, period)
            im_name, im_code = self.name_of("cross_border_ecommerce_imports", "跨境电商进口额")
            more += [
                cb_name,
                cb_fig,
                "，",
                *self.growth(cb_growth + 3, cb_name, cb_code, zone.code, period),
                f"，其中{im_name}",
                self.fig(
                    cb_fig.value * rng.uniform(0.25, 0.45),
                    "CNY",
                    im_name,
                    im_code,
                    zone.code,
                    period,
                    part_of=cb_fig.text,
                ),
                "。",
            ]
        self.para(*more, self.filler(1))

    def port_block(self, year: int, period: tuple[str, str], label: str, fraction: float) -> None:
        """Port throughput of 宁波舟山港 and of port areas in Beilun (parts of the port's total)."""
        rng = self.rng
        port = self.zones.get("ningbo_zhoushan_port")
        if port is None:
            return
        cargo_name, cargo_code = self.name_of("cargo_throughput", "货物吞吐量")
        box_name, box_code = self.name_of("container_throughput", "集装箱吞吐量")
        base = _PORT_2023["ningbo_zhoushan_port"]
        factor = 1.05 ** (year - 2023) * fraction * rng.uniform(0.95, 1.05)
        cargo = self.fig(base["cargo_throughput"] * factor, "tonne", cargo_name, cargo_code, port.code, period)
        boxes = self.fig(base["container_throughput"] * factor, "TEU", box_name, box_code, port.code, period)
        parts: list[str | Fig] = [
            f"{label}{port.name}完成{cargo_name}",
            cargo,
            "，",
            *self.growth(rng.uniform(-2, 9), cargo_name, cargo_code, port.code, period),
            f"；{box_name}",
            boxes,
            "，",
            *self.growth(rng.uniform(-3, 12), box_name, box_code, port.code, period),
            "。",
        ]
        for code in ("chuanshan", "meishan"):
            area = self.zones.get(code)
            if area is None or rng.random() < 0.4:
                continue
            share = _PORT_2023[code]["container_throughput"] / base["container_throughput"]
            qualifier = rng.choice(("exact", "approx", "more_than"))
            area_name = area.name if area.name.endswith("港区") else f"{area.name}港区"
            parts += [
                f"{area_name}完成{box_name}",
                self.fig(
                    boxes.value * share * rng.uniform(0.9, 1.1),
                    "TEU",
                    box_name,
                    box_code,
                    area.code,
                    period,
                    qualifier,
                    part_of=boxes.text,
                ),
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
        revenue_fig = Fig(
            f"{revenue_number}亿元",
            name,
            code,
            zone.code,
            "level",
            _value(revenue_number, 10**8),
            "CNY",
            "exact",
            period,
        )
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
            Fig(
                f"{tax_number}亿元",
                "税收收入",
                None,
                zone.code,
                "level",
                _value(tax_number, 10**8),
                "CNY",
                "exact",
                period,
                extra={"part_of": revenue_fig.text},
            ),
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
        period = _year(year)
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
        patents = _CITY_2023["patents_granted"] * zone.size * 1.05 ** (year - 2023) * rng.uniform(0.8, 1.2)
        count = _CITY_2023["high_tech_enterprises"] * zone.size * 1.1 ** (year - 2023) * rng.uniform(0.8, 1.2)
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
            Fig(
                f"{delta}家",
                ht_name,
                ht_code,
                zone.code,
                "change",
                delta,
                "count",
                "exact",
                end,
                extra={"note": "difference against 上年末"},
            ),
            "。",
            self.filler(1),
        )

    def sectors_extra(self, zone: Zone, period: tuple[str, str]) -> bool:
        """More sub-industry growth rates while the article is short; False when none are left."""
        rng = self.rng
        left = [i for i in _INDUSTRIES if (f"{i}产值", zone.code, period) not in self.used]
        if len(left) < 2:
            return False
        picked = rng.sample(left, min(len(left), rng.randint(2, 4)))
        parts: list[str | Fig] = []
        for i, industry in enumerate(picked):
            ind = f"{industry}产值"
            self.used.add((ind, zone.code, period))
            parts += [
                ind,
                *self.growth(rng.uniform(-15, 30), ind, None, zone.code, period, varied=True),
                "，" if i < len(picked) - 1 else "。",
            ]
        self.para(*parts, self.filler(2))
        return True

    def counts_extra(self, zone: Zone, period: tuple[str, str], lead: str) -> bool:
        """Counts of enterprises, platforms, projects ... (no dictionary code), some with a qualifier."""
        rng = self.rng
        left = [item for item in _COUNT_ITEMS if (item[0], zone.code, period) not in self.used]
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
                    f"{_cn_number(value, liang=True)}{classifier}",
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
        left = [item for item in _MISC if (item[0], zone.code, period) not in self.used]
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

    # ----- styles ------------------------------------------------------------------------------------

    def write_bulletin(self) -> None:
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
        period = _year(year)
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

    def write_quarterly(self) -> None:
        """Quarterly release: 一季度 / 上半年 / 前三季度 / 1-N月, no sidecar, the year in the title."""
        rng = self.rng
        zone = self.city if rng.random() < 0.6 else rng.choice(self.counties)
        year = rng.randint(2016, 2025)
        month = rng.choice((3, 6, 9, 9, 6, rng.randint(2, 11)))
        label = {3: "一季度", 6: "上半年", 9: "前三季度"}.get(month, f"1-{month}月")
        period = (f"{year}-01-01", _month_end(year, month))
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
        end = _month_end(year, month)
        level = _CITY_2023["deposits"] * zone.size * 1.08 ** (year - 2023) * rng.uniform(0.9, 1.1)
        name = "金融机构本外币存款余额"
        fig = self.fig(level, "CNY", name, None, zone.code, (end, end))
        delta = f"{fig.value * rng.uniform(0.02, 0.1) * month / 12 / 1e8:.1f}"
        self.para(
            f"{month}月末，{self.self_ref(zone)}{name}",
            fig,
            "，比年初增加",
            Fig(
                f"{delta}亿元",
                name,
                None,
                zone.code,
                "change",
                _value(delta, 10**8),
                "CNY",
                "exact",
                (end, end),
                extra={"note": "difference against 年初"},
            ),
            "。",
        )

    def districts_paragraph(self, year: int, period: tuple[str, str], fraction: float) -> None:
        """Several districts in one paragraph: `分别` lists and ranks within the city."""
        rng = self.rng
        if len(self.counties) < 3:
            return
        name, code = self.name_of("gdp", "地区生产总值")
        table = {c.code: self.level_growth("gdp", c, year, fraction) for c in self.counties}
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

    def write_multizone(self) -> None:
        """Districts compared in the same paragraphs, with city totals; the year mostly only in the title."""
        rng = self.rng
        year = rng.randint(2015, 2025)
        month = rng.choice((6, 9))
        label = {6: "上半年", 9: "前三季度"}[month]
        period = (f"{year}-01-01", _month_end(year, month))
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
        table = {c.code: self.level_growth(code_key, c, year, fraction) for c in self.counties}
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
        table = {c.code: self.level_growth("foreign_trade_total", c, year, fraction) for c in self.counties}
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

    def write_feature(self) -> None:
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
        district = zone.zone_type in _COUNTY_LIKE
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
        period = (f"{year}-01-01", _month_end(year, end_month))
        lead = f"今年{half}" if has_meta else f"{year}年{half}"
        self.present(zone, year, period, lead, end_month / 12, district)
        self.para(f"{heading}以创新促发展")
        self.counts_extra_in(zone, _year(year), "截至目前，")
        self.new_items(zone, year)
        if zone.code in ("beilun", "zj_ftz_ningbo", "ningbo_bonded_zone", "meishan") and rng.random() < 0.7:
            self.streak(zone, last)
        if rng.random() < 0.5:
            self.para(self.distractor(zone))
        self.plan(zone, year, district)
        self.fill(
            [
                lambda: self.counts_extra_in(zone, _year(year), rng.choice(("目前，", "截至目前，", "近年来，"))),
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
        first = self.fig(first_level, "CNY", name, known, zone.code, _year(start))
        second = self.fig(level, "CNY", name, known, zone.code, _year(last))
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
            table = {c.code: self.level_growth(code, c, year, fraction) for c in self.counties}
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
            last = _year(year - 1)
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
        ind, classifier, low, high = rng.choice(_NEW_ITEMS)
        value = max(1, int(rng.randint(low, high) * (1 if zone.zone_type in _COUNTY_LIKE else 0.2)))
        unit = "person" if classifier == "人" else "count"
        fig = self.fig(
            value,
            unit,
            ind,
            None,
            zone.code,
            _year(year),
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
            _year(target),
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
        key = ("superlative", zone.code, _year(year))
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
                _year(year),
                optional=True,
                extra={"note": "superlative without a numeral"},
            ),
            "的区域。",
            self.filler(1),
        )
        return True

    # ----- output ------------------------------------------------------------------------------------

    def render(self) -> tuple[str, list[dict[str, object]]]:
        """Join the paragraphs, place every figure, derive contexts from the final text, make records."""
        rng = self.rng
        pieces: list[str] = []
        placed: list[tuple[int, Fig]] = []
        pos = 0
        for para in self.paras:
            for part in para:
                if isinstance(part, Fig):
                    placed.append((pos, part))
                    text = part.text
                else:
                    text = part
                    if self.web:
                        text = text.translate(_HALF_WIDTH)
                        if len(text) > 30 and not any(ch.isdigit() for ch in text) and rng.random() < 0.15:
                            cut = rng.randint(8, len(text) - 8)
                            text = f"{text[:cut]}\n\n{text[cut:]}"
                pieces.append(text)
                pos += len(text)
            pieces.append("\n\n")
            pos += 2
        text = "".join(pieces)
        convert = self.traditional
        if convert:
            text = text.translate(_TRADITIONAL)
        records: list[dict[str, object]] = []
        for start, fig in placed:
            end = start + len(fig.text)
            record: dict[str, object] = {
                "text": text[start:end],
                "context": _context(text, start, end),
                "indicator": fig.indicator.translate(_TRADITIONAL) if convert else fig.indicator,
                "indicator_code": fig.code,
                "zone": fig.zone,
                "measure": fig.measure,
                "value": fig.value,
                "unit": fig.unit,
                "qualifier": fig.qualifier,
                "period_start": fig.period[0],
                "period_end": fig.period[1],
                "optional": fig.optional,
            }
            if fig.extra:
                for key, value in fig.extra.items():
                    record[key] = value.translate(_TRADITIONAL) if convert and key != "note" else value
            records.append(record)
        return text, records
