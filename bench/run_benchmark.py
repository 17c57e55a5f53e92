"""Benchmark: how the cost of a refresh grows with the number of articles.

Generates deterministic synthetic corpora (`beilun_etl.synth`), then measures, end to end through
the CLI a user runs (`beilun-etl refresh --json`):
- extraction throughput, one process and all cores;
- a full refresh per size: wall time, peak memory of the whole process tree, time per stage;
- per size, an incremental refresh with nothing new and one with one new article;
- extraction quality against the generated gold.
Writes `results.md` and `results.json` to the output folder. Not a test: CI runs it tiny.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from multiprocessing import Pool
from pathlib import Path

import psutil

from beilun_etl.extraction import extract_figures
from beilun_etl.extraction.evaluation import evaluate
from beilun_etl.pipeline.articles import load_article
from beilun_etl.synth import generate_corpus

CLI = Path(sys.executable).with_name("beilun-etl")
# Stage → the Dagster step it is. `extract` and `stage` split the `figures` step: the time spent
# waiting for the extraction processes, and the rest (storing the figures in raw.figures).
STAGES = {
    "ingest": "articles",
    "extract": "figures",
    "stage": "figures",
    "dbt": "warehouse_models",
    "checks": "great_expectations_suites",
    "publish": "published_warehouse",
}


def machine() -> dict:
    return {
        "cpu": platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
    }


def _tree_memory(root: psutil.Process) -> int:
    """Proportional set size of a process and its children: shared pages (fork) are counted once."""
    total = 0
    for process in [root, *root.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            total += process.memory_full_info().pss
    return total


def run_measured(cmd: list[str], env: dict) -> tuple[float, float, dict]:
    """Run a command, sampling the memory of its process tree; returns (seconds, peak MB, JSON summary)."""
    started = time.perf_counter()
    process = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    root = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_memory(root))
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    out = process.stdout.read()
    lines = [line for line in out.splitlines() if line.startswith("{")]
    summary = json.loads(lines[-1]) if lines else {"error": out[-2000:]}
    summary["exit_status"] = process.returncode
    return seconds, peak / 2**20, summary


def refresh(articles: Path, warehouse: Path, home: Path) -> dict:
    env = os.environ | {"DAGSTER_HOME": str(home), "GX_ANALYTICS_ENABLED": "false"}
    cmd = [str(CLI), "refresh", "--articles", str(articles), "--warehouse", str(warehouse), "--json"]
    seconds, peak_mb, summary = run_measured([*cmd, "--log-level", "WARNING"], env)
    steps = summary.get("step_seconds", {})
    stages = {name: round(sum(v for k, v in steps.items() if k.startswith(step)), 2) for name, step in STAGES.items()}
    extract = summary.get("figure_seconds", {}).get("extract", 0.0)
    stages["extract"], stages["stage"] = round(extract, 3), round(max(stages["stage"] - extract, 0.0), 3)
    return {
        "seconds": round(seconds, 2),
        "peak_mb": round(peak_mb),
        "stages": stages,
        "figures": summary.get("figures"),
        "published": summary.get("published"),
        "articles_new": summary.get("articles_new"),
        "exit_status": summary["exit_status"],
    }


def _extract_one(path: Path) -> int:
    article = load_article(path)
    return len(extract_figures(article.article_id, article.text, article.published, article.published_inferred))


def extraction_throughput(paths: list[Path]) -> dict:
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    started = time.perf_counter()
    figures = sum(map(_extract_one, paths))
    single = time.perf_counter() - started
    cores = os.cpu_count() or 1
    started = time.perf_counter()
    with Pool(cores) as pool:
        pool.map(_extract_one, paths, chunksize=max(1, len(paths) // (cores * 8)))
    parallel = time.perf_counter() - started
    return {
        "articles": len(paths),
        "megabytes": round(megabytes, 2),
        "figures": figures,
        "one_process": {"articles_per_s": round(len(paths) / single, 1), "mb_per_s": round(megabytes / single, 3)},
        f"{cores}_processes": {
            "articles_per_s": round(len(paths) / parallel, 1),
            "mb_per_s": round(megabytes / parallel, 3),
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--out", type=Path, default=Path("bench/results"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", type=Path, help="scratch folder (default: a temp dir, removed afterwards)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="beilun-bench-"))
    args.out.mkdir(parents=True, exist_ok=True)
    results: dict = {"machine": machine(), "sizes": {}}
    try:
        largest = max(args.sizes)
        corpus = work / "corpus"
        started = time.perf_counter()
        generate_corpus(largest + 1, corpus, seed=args.seed)
        results["synth_seconds"] = round(time.perf_counter() - started, 2)
        all_articles = sorted((corpus / "articles").glob("*.txt"))
        extra, pool_of_articles = all_articles[-1], all_articles[:-1]
        for size in sorted(args.sizes):
            folder = work / f"articles_{size}"
            folder.mkdir()
            for path in pool_of_articles[:size]:
                for companion in (path, path.with_name(path.stem + ".meta.json")):
                    if companion.exists():
                        os.link(companion, folder / companion.name)
            warehouse, home = work / f"wh_{size}" / "warehouse.duckdb", work / f"home_{size}"
            home.mkdir()
            shutil.copy(Path(__file__).resolve().parents[1] / "dagster.yaml", home / "dagster.yaml")
            # At every size, not only the largest: what an incremental run costs whatever the
            # warehouse size (the run's fixed cost) shows against how it grows.
            entry = {"full_refresh": refresh(folder, warehouse, home)}
            entry["nothing_new"] = refresh(folder, warehouse, home)
            shutil.copy(extra, folder / extra.name)
            entry["one_new_article"] = refresh(folder, warehouse, home)
            results["sizes"][str(size)] = entry
            print(json.dumps({size: entry}), flush=True)
        results["extraction"] = extraction_throughput(pool_of_articles[: min(largest, 2000)])
        report = evaluate(corpus / "gold", pool_of_articles[: min(largest, 2000)])
        results["quality"] = report.to_dict()["overall"]
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    (args.out / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    (args.out / "results.md").write_text(to_markdown(results))
    print(to_markdown(results))
    return 0


def to_markdown(results: dict) -> str:
    m = results["machine"]
    lines = [
        f"Machine: {m['cores']} cores, {m['memory_gb']} GB, {m['cpu']}, Python {m['python']}, {m['system']}",
        "",
        "| articles | run | wall s | peak MB (PSS) | " + " | ".join(STAGES) + " | figures |",
        "|---:|---|---:|---:|" + "---:|" * len(STAGES) + "---:|",
    ]
    for size, entry in results["sizes"].items():
        for run, r in entry.items():
            stages = " | ".join(str(r["stages"].get(s, "")) for s in STAGES)
            lines.append(f"| {size} | {run} | {r['seconds']} | {r['peak_mb']} | {stages} | {r['figures']} |")
    ex = results.get("extraction", {})
    if ex:
        lines += ["", f"Extraction on {ex['articles']} articles ({ex['megabytes']} MB, {ex['figures']} figures):"]
        lines += [f"- {k}: {v['articles_per_s']} articles/s, {v['mb_per_s']} MB/s" for k, v in ex.items()
                  if isinstance(v, dict)]  # fmt: skip
    if "quality" in results:
        lines += ["", f"Extraction quality on the generated gold: {json.dumps(results['quality'])}"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
