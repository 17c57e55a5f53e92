"""Scoring extracted figures against hand-made gold records (FACTS.md "Evaluation").

A prediction matches a gold record of the same article when measure and unit are equal and the
values agree within 0.1 %; each gold record matches at most one prediction and each prediction at
most one gold record. Among the possible pairs, those with the same text and then the nearest
position are taken first (a required gold record before an optional one on a tie). Recall counts the
required gold records matched, precision the predictions that match any gold record; on matched
pairs the year of period_end, zone, indicator_code (where gold has one) and qualifier are scored.
Articles are read the way the pipeline reads them (beilun_etl.pipeline.articles.load_article).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from beilun_etl.extraction import extract_figures

ATTRIBUTES = ("period_year", "zone", "indicator_code", "qualifier")
TOLERANCE = 0.001


@dataclass
class ArticleScore:
    article_id: str
    required: int = 0
    required_matched: int = 0
    predictions: int = 0
    predictions_matched: int = 0
    attr_total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ATTRIBUTES, 0))
    attr_correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ATTRIBUTES, 0))
    misses: list[dict[str, Any]] = field(default_factory=list)
    extras: list[dict[str, Any]] = field(default_factory=list)
    wrong: list[dict[str, Any]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.required_matched / self.required if self.required else 1.0

    @property
    def precision(self) -> float:
        return self.predictions_matched / self.predictions if self.predictions else 1.0

    def accuracy(self, attr: str) -> float:
        total = self.attr_total[attr]
        return self.attr_correct[attr] / total if total else 1.0


@dataclass
class EvaluationReport:
    articles: list[ArticleScore]

    @property
    def overall(self) -> ArticleScore:
        total = ArticleScore("overall")
        for a in self.articles:
            total.required += a.required
            total.required_matched += a.required_matched
            total.predictions += a.predictions
            total.predictions_matched += a.predictions_matched
            for attr in ATTRIBUTES:
                total.attr_total[attr] += a.attr_total[attr]
                total.attr_correct[attr] += a.attr_correct[attr]
        return total

    def to_dict(self) -> dict[str, Any]:
        def row(a: ArticleScore) -> dict[str, Any]:
            return {
                "article_id": a.article_id,
                "required": a.required,
                "required_matched": a.required_matched,
                "predictions": a.predictions,
                "predictions_matched": a.predictions_matched,
                "recall": round(a.recall, 4),
                "precision": round(a.precision, 4),
                **{f"{attr}_accuracy": round(a.accuracy(attr), 4) for attr in ATTRIBUTES},
            }

        return {"articles": [row(a) for a in self.articles], "overall": row(self.overall)}


def values_agree(pred: float, gold: float) -> bool:
    if gold == 0:
        return pred == 0
    return abs(pred - gold) <= TOLERANCE * abs(gold)


def _gold_position(text: str, gold: dict[str, Any]) -> int | None:
    """Where the gold figure stands: its context in the text, then its text inside the context."""
    context = gold.get("context") or ""
    at = text.find(context) if context else -1
    if at >= 0:
        inner = context.find(gold.get("text") or "")
        return at + max(inner, 0)
    at = text.find(gold.get("text") or "\0")
    return at if at >= 0 else None


def match(gold: list[dict[str, Any]], preds: list[dict[str, Any]], text: str) -> list[tuple[int, int]]:
    """Pairs (gold index, prediction index), same text and nearest position first."""
    positions = [_gold_position(text, g) for g in gold]
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            if p["measure"] != g["measure"] or p["unit"] != g["unit"]:
                continue
            if not values_agree(float(p["value"]), float(g["value"])):
                continue
            same_text = p.get("text") == g.get("text")
            distance = abs(p["char_start"] - positions[gi]) if positions[gi] is not None else 10**9
            candidates.append((not same_text, distance, bool(g.get("optional")), gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for *_key, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def score_article(article_id: str, text: str, gold: list[dict[str, Any]], preds: list[dict[str, Any]]) -> ArticleScore:
    score = ArticleScore(article_id)
    score.required = sum(1 for g in gold if not g.get("optional"))
    score.predictions = len(preds)
    pairs = match(gold, preds, text)
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    score.required_matched = sum(1 for gi in matched_g if not gold[gi].get("optional"))
    score.predictions_matched = len(matched_p)
    for gi, pi in pairs:
        g, p = gold[gi], preds[pi]
        checks = {
            "period_year": str(g.get("period_end", ""))[:4] == str(p.get("period_end", ""))[:4],
            "zone": g.get("zone") == p.get("zone"),
            "qualifier": (g.get("qualifier") or "exact") == (p.get("qualifier") or "exact"),
        }
        if g.get("indicator_code"):
            checks["indicator_code"] = g["indicator_code"] == p.get("indicator_code")
        for attr, ok in checks.items():
            score.attr_total[attr] += 1
            score.attr_correct[attr] += int(ok)
        bad = [attr for attr, ok in checks.items() if not ok]
        if bad:
            score.wrong.append({"gold": g, "prediction": p, "attributes": bad})
    score.misses = [g for gi, g in enumerate(gold) if gi not in matched_g and not g.get("optional")]
    score.extras = [p for pi, p in enumerate(preds) if pi not in matched_p]
    return score


def _read_gold(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _load(path: Path):
    from beilun_etl.pipeline.articles import load_article

    return load_article(path)


def evaluate(gold_dir: Path, article_paths: list[Path]) -> EvaluationReport:
    """Extract every article that has a gold file and score it."""
    scores = []
    for path in sorted(article_paths):
        gold_path = Path(gold_dir) / f"{path.stem}.jsonl"
        if not gold_path.exists():
            continue
        article = _load(path)
        preds = extract_figures(
            article.article_id,
            article.text,
            article.published,
            article.published_inferred,
            title=article.title,
            url=article.url,
        )
        scores.append(score_article(article.article_id, article.text, _read_gold(gold_path), preds))
    return EvaluationReport(scores)


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def format_report(report: EvaluationReport, verbose: bool = False) -> str:
    header = f"{'article':34} {'gold':>5} {'pred':>5} {'recall':>6} {'prec':>6} " + " ".join(
        f"{a[:9]:>9}" for a in ATTRIBUTES
    )
    lines = [header, "-" * len(header)]
    for a in [*report.articles, report.overall]:
        if a.article_id == "overall":
            lines.append("-" * len(header))
        lines.append(
            f"{a.article_id[:34]:34} {a.required:5d} {a.predictions:5d} {_pct(a.recall):>6} {_pct(a.precision):>6} "
            + " ".join(f"{_pct(a.accuracy(attr)):>9}" for attr in ATTRIBUTES)
        )
    if verbose:
        for a in report.articles:
            for g in a.misses:
                lines.append(
                    f"MISS  {a.article_id}: {g.get('text')} {g['measure']} {g['value']} {g['unit']} "
                    f"| {g.get('context', '')}"
                )
            for p in a.extras:
                lines.append(
                    f"EXTRA {a.article_id}: {p['text']} {p['measure']} {p['value']} {p['unit']} | {p['sentence'][:80]}"
                )
            for w in a.wrong:
                g, p = w["gold"], w["prediction"]
                diffs = ", ".join(f"{attr}: gold={_attr(g, attr)} pred={_attr(p, attr)}" for attr in w["attributes"])
                lines.append(f"WRONG {a.article_id}: {p['text']} {p['measure']} | {diffs} | {p['sentence'][:60]}")
    return "\n".join(lines)


def _attr(record: dict[str, Any], attr: str) -> Any:
    if attr == "period_year":
        return str(record.get("period_end", ""))[:4]
    return record.get(attr)


def run_evaluate(gold_dir: Path, article_paths: list[Path], verbose: bool = False, as_json: bool = False) -> int:
    """CLI entry: print the report; exit status 0 (scores are information, not a failure)."""
    report = evaluate(Path(gold_dir), [Path(p) for p in article_paths])
    if as_json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_report(report, verbose))
    return 0
