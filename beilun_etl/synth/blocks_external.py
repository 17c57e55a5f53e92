"""Paragraphs on the open economy: foreign trade, foreign investment, cross-border e-commerce, the port."""

from __future__ import annotations

from decimal import Decimal

from beilun_etl.synth.dictionaries import Zone
from beilun_etl.synth.records import Fig, yi_fig
from beilun_etl.synth.vocabulary import PORT_2023
from beilun_etl.synth.writer import ArticleWriter


class ExternalBlocks(ArticleWriter):
    """Trade and port paragraphs, the ones Beilun's and Ningbo's articles lean on."""

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
        total_fig = yi_fig(total_number, name, code, zone.code, period)
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
            yi_fig(export_number, exp_name, exp_code, zone.code, period, part_of=total_fig.text),
            "，",
            *self.growth(gx, exp_name, exp_code, zone.code, period),
            f"；{imp_name}",
            yi_fig(import_number, imp_name, imp_code, zone.code, period, part_of=total_fig.text),
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
        base = PORT_2023["ningbo_zhoushan_port"]
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
            share = PORT_2023[code]["container_throughput"] / base["container_throughput"]
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
