"""Scoring extracted figures against hand-made gold records (FACTS.md "Evaluation").

A prediction matches a gold record of the same article when measure and unit are equal and the
values agree within 0.1 %; each gold record matches at most one prediction and each prediction at
most one gold record. Among the possible pairs, those with the same text and then the nearest
position are taken first (a required gold record before an optional one on a tie). Recall counts the
required gold records matched, precision the predictions that match any gold record; on matched
pairs the year of period_end, zone, indicator_code (where gold has one) and qualifier are scored.
Articles are read the way the pipeline reads them (beilun_etl.pipeline.articles.load_article).

Scores are also given per style of article (a bulletin, a work report, an infographic…), since an
overall score hides a style the extractor handles badly behind the many it handles well. The style
is the `style` of the article's sidecar `NAME.meta.json`, else the `style` column of the row whose
`id` is the article's in a tab-separated `SOURCES.tsv`, `SOURCES.*.tsv` or `pages*.tsv` beside
the gold records or the articles (in their folder or the one above it).
"""

from __future__ import annotations

import csv
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from beilun_etl.extraction import extract_article

ATTRIBUTES = ("period_year", "zone", "indicator_code", "qualifier")
TOLERANCE = 0.001
# The files that may name the articles' styles (tab-separated, with columns `id` and `style`).
STYLE_TABLES = ("SOURCES.tsv", "SOURCES.*.tsv", "pages*.tsv")
NO_STYLE = "unspecified"


class EvaluationInputError(ValueError):
    """What was given cannot be scored (a folder as an article, no article, no gold for any)."""


@dataclass
class ArticleScore:
    article_id: str
    style: str = NO_STYLE
    required: int = 0
    required_matched: int = 0
    predictions: int = 0
    predictions_matched: int = 0
    attr_total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ATTRIBUTES, 0))
    attr_correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ATTRIBUTES, 0))
    misses: list[dict[str, Any]] = field(default_factory=list)
    extras: list[dict[str, Any]] = field(default_factory=list)
    wrong: list[dict[str, Any]] = field(default_factory=list)
    article_count: int = 1
    # Why the pipeline would quarantine the article (then scored with no prediction), else None.
    rejected: str | None = None

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
        return _total("overall", self.articles)

    @property
    def by_style(self) -> dict[str, ArticleScore]:
        """The scores summed over the articles of each style, styles in alphabetical order."""
        styles = sorted({a.style for a in self.articles})
        return {style: _total(style, [a for a in self.articles if a.style == style]) for style in styles}

    @property
    def has_styles(self) -> bool:
        return any(a.style != NO_STYLE for a in self.articles)

    def to_dict(self) -> dict[str, Any]:
        def row(a: ArticleScore) -> dict[str, Any]:
            return {
                "article_id": a.article_id,
                "style": a.style,
                "articles": a.article_count,
                "rejected": a.rejected,
                "required": a.required,
                "required_matched": a.required_matched,
                "predictions": a.predictions,
                "predictions_matched": a.predictions_matched,
                "recall": round(a.recall, 4),
                "precision": round(a.precision, 4),
                **{f"{attr}_accuracy": round(a.accuracy(attr), 4) for attr in ATTRIBUTES},
            }

        return {
            "articles": [row(a) for a in self.articles],
            "by_style": {style: row(score) for style, score in self.by_style.items()},
            "overall": row(self.overall),
        }


def _total(name: str, scores: list[ArticleScore]) -> ArticleScore:
    total = ArticleScore(name, style=name if name != "overall" else NO_STYLE)
    total.article_count = len(scores)
    for a in scores:
        total.required += a.required
        total.required_matched += a.required_matched
        total.predictions += a.predictions
        total.predictions_matched += a.predictions_matched
        for attr in ATTRIBUTES:
            total.attr_total[attr] += a.attr_total[attr]
            total.attr_correct[attr] += a.attr_correct[attr]
    return total


def values_agree(pred: float, gold: float) -> bool:
    if gold == 0:
        return pred == 0
    return abs(pred - gold) <= TOLERANCE * abs(gold)


_LAYOUT = re.compile(r"[\s|｜]+")


def _gold_position(text: str, gold: dict[str, Any], squeezed: tuple[str, list[int]] | None = None) -> int | None:
    """Where the gold figure stands: its context in the text, then its text inside the context. A context
    the cleaning laid out anew (a table row rewritten with bars: `慈溪 Cixi 100.0` as `| 慈溪 | Cixi | 100.0 |`)
    is found without blanks and bars (`squeezed`: the text without them, and where each of its characters was)."""
    context = gold.get("context") or ""
    at = text.find(context) if context else -1
    if at >= 0:
        inner = context.find(gold.get("text") or "")
        return at + max(inner, 0)
    if context and squeezed is not None:
        bare, where = squeezed
        at = bare.find(_LAYOUT.sub("", context))
        if at >= 0:
            inner = _LAYOUT.sub("", context).find(_LAYOUT.sub("", gold.get("text") or ""))
            return where[at + max(inner, 0)]
    at = text.find(gold.get("text") or "\0")
    return at if at >= 0 else None


def _squeezed(text: str) -> tuple[str, list[int]]:
    where = [k for k, ch in enumerate(text) if not _LAYOUT.fullmatch(ch)]
    return "".join(text[k] for k in where), where


def match(gold: list[dict[str, Any]], preds: list[dict[str, Any]], text: str) -> list[tuple[int, int]]:
    """Pairs (gold index, prediction index), same text and nearest position first."""
    squeezed = _squeezed(text)
    positions = [_gold_position(text, g, squeezed) for g in gold]
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


def _sidecar_style(path: Path) -> str | None:
    from beilun_etl.pipeline.article_files import sidecar_path

    sidecar = sidecar_path(path)
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # no sidecar, or one the pipeline itself reports as bad_metadata
    style = meta.get("style") if isinstance(meta, dict) else None
    return str(style) if style else None


def style_tables(folders: list[Path]) -> list[Path]:
    """The style tables in these folders and the folders above them, each once, in a fixed order."""
    found: list[Path] = []
    for folder in folders:
        for place in (folder, folder.parent):
            for pattern in STYLE_TABLES:
                for table in sorted(place.glob(pattern)):
                    if table.resolve() not in {f.resolve() for f in found}:
                        found.append(table)
    return found


def read_style_tables(tables: list[Path]) -> dict[str, str]:
    """Article id → style from tab-separated tables with `id` and `style` columns (the first table naming an id wins)."""
    styles: dict[str, str] = {}
    for table in tables:
        with table.open(encoding="utf-8", newline="") as file:
            reader = csv.DictReader(file, delimiter="\t")
            if not {"id", "style"} <= set(reader.fieldnames or ()):
                continue
            for row in reader:
                if row.get("id") and row.get("style"):
                    styles.setdefault(row["id"].strip(), row["style"].strip())
    return styles


def article_styles(gold_dir: Path, article_paths: list[Path]) -> dict[Path, str]:
    """The style of each article: its sidecar's `style`, else the style tables', else NO_STYLE."""
    folders = [Path(gold_dir), *dict.fromkeys(Path(p).parent for p in article_paths)]
    table = read_style_tables(style_tables(folders))
    return {path: _sidecar_style(path) or table.get(path.stem, NO_STYLE) for path in article_paths}


def evaluate(gold_dir: Path, article_paths: list[Path]) -> EvaluationReport:
    """Extract every article that has a gold file and score it.

    An article the pipeline would quarantine (undated, undecodable…) yields no figure there, so it
    is scored with none, its reason kept in `rejected`.
    """
    from beilun_etl.pipeline.article_files import ArticleRejected

    scores = []
    paths = [p for p in sorted(article_paths) if (Path(gold_dir) / f"{p.stem}.jsonl").exists()]
    styles = article_styles(Path(gold_dir), paths)
    for path in paths:
        gold = _read_gold(Path(gold_dir) / f"{path.stem}.jsonl")
        try:
            article = _load(path)
        except ArticleRejected as rejection:
            score = score_article(path.stem, "", gold, [])
            score.rejected = f"{rejection.reason}: {rejection.detail}"
        else:
            preds = extract_article(article)
            score = score_article(article.article_id, article.text, gold, preds)
        score.style = styles[path]
        scores.append(score)
    return EvaluationReport(scores)


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def _row(name: str, a: ArticleScore) -> str:
    return f"{name[:34]:34} {a.required:5d} {a.predictions:5d} {_pct(a.recall):>6} {_pct(a.precision):>6} " + " ".join(
        f"{_pct(a.accuracy(attr)):>9}" for attr in ATTRIBUTES
    )


def format_report(report: EvaluationReport, verbose: bool = False) -> str:
    columns = f"{'gold':>5} {'pred':>5} {'recall':>6} {'prec':>6} " + " ".join(f"{a[:9]:>9}" for a in ATTRIBUTES)
    header = f"{'article':34} {columns}"
    lines = [header, "-" * len(header)]
    lines += [_row(a.article_id, a) for a in report.articles]
    lines += ["-" * len(header), _row("overall", report.overall)]
    if report.has_styles:
        lines += ["", f"{'style (articles)':34} {columns}", "-" * len(header)]
        lines += [_row(f"{style} ({score.article_count})", score) for style, score in report.by_style.items()]
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


def check_inputs(gold_dir: Path, article_paths: list[Path]) -> tuple[list[Path], list[str]]:
    """The articles to score and notes on what was left out; raises EvaluationInputError when nothing can be.

    A sidecar given as an article (a shell glob such as `dir/*` brings them in) is left out with a
    note; a folder, a missing gold folder, no article or no gold for any article is an error: a
    report of nothing would print perfect scores.
    """
    from beilun_etl.pipeline.article_files import META_SUFFIX

    if not gold_dir.is_dir():
        raise EvaluationInputError(f"the gold folder {gold_dir} does not exist or is not a folder")
    notes, articles = [], []
    for path in article_paths:
        if path.is_dir():
            raise EvaluationInputError(f"{path} is a folder: give its articles, e.g. {path}/*.txt")
        if path.name.endswith(META_SUFFIX):
            notes.append(f"{path}: a sidecar (NAME{META_SUFFIX}), not an article: skipped")
            continue
        articles.append(path)
    if not articles:
        raise EvaluationInputError("no article given (only sidecars)" if notes else "no article given")
    without_gold = [p for p in articles if not (gold_dir / f"{p.stem}.jsonl").exists()]
    if len(without_gold) == len(articles):
        raise EvaluationInputError(
            f"no gold records in {gold_dir} for any of the {len(articles)} articles given (looked for NAME.jsonl)"
        )
    notes += [f"{p}: no gold record {gold_dir / (p.stem + '.jsonl')}: skipped" for p in without_gold]
    return articles, notes


def run_evaluate(gold_dir: Path, article_paths: list[Path], verbose: bool = False, as_json: bool = False) -> int:
    """CLI entry: print the report; exit status 0 (scores are information, not a failure), 2 when nothing could be scored."""
    try:
        articles, notes = check_inputs(Path(gold_dir), [Path(p) for p in article_paths])
    except EvaluationInputError as error:
        print(f"beilun-etl evaluate: {error}", file=sys.stderr)
        return 2
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    report = evaluate(Path(gold_dir), articles)
    for score in report.articles:
        if score.rejected:
            print(
                f"note: {score.article_id}: the pipeline would quarantine it ({score.rejected}): scored with no figures",
                file=sys.stderr,
            )
    if as_json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_report(report, verbose))
    return 0
