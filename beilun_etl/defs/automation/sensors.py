"""The new-article sensor: a run for just the files that were added, edited or deleted.

The cursor records, per file, the size, modification time and content hash it saw (never the wall
clock); a file is hashed again only when its size or mtime moved, and it counts as changed only
when its hash did. Run keys are unique per file version, so an edited article is picked up again.
When the published warehouse already holds the folder as it is (the first tick after a refresh
from the CLI, or after a restart with no cursor), the tick skips with that reason: no run.
"""

import hashlib
import json
import os
from pathlib import Path

from dagster import DefaultSensorStatus, RunRequest, SensorEvaluationContext, SkipReason, sensor

from beilun_etl.defs.automation.current import already_published
from beilun_etl.defs.automation.jobs import RUN_LOG_CONFIG, refresh_warehouse
from beilun_etl.paths import configured_articles_dir
from beilun_etl.pipeline.article_files import ARTICLE_GLOB, RawArticle, sidecar_path

SENSOR_INTERVAL_SECONDS = int(os.environ.get("BEILUN_SENSOR_INTERVAL_SECONDS", "30"))

# file name → [size, mtime_ns, content_hash]; the sidecar's stat counts as part of the article's.
Seen = dict[str, list]


def _stat_key(path: Path) -> tuple[int, int]:
    sidecar = sidecar_path(path)
    size, mtime = path.stat().st_size, path.stat().st_mtime_ns
    if sidecar.exists():
        size, mtime = size + sidecar.stat().st_size, max(mtime, sidecar.stat().st_mtime_ns)
    return size, mtime


def scan_folder(folder: Path, previous: Seen) -> Seen:
    """What the folder holds now, re-hashing only files whose size or mtime moved."""
    seen: Seen = {}
    for path in sorted(folder.glob(ARTICLE_GLOB)):
        try:
            size, mtime = _stat_key(path)
            known = previous.get(path.name)
            if known and known[0] == size and known[1] == mtime:
                seen[path.name] = known
                continue
            sidecar = sidecar_path(path)
            raw = RawArticle(path, path.read_bytes(), sidecar.read_bytes() if sidecar.exists() else None)
            seen[path.name] = [size, mtime, raw.content_hash]
        except OSError:
            continue  # vanished or unreadable mid-scan: the next tick (or the run's quarantine) sees it
    return seen


def changed_files(previous: Seen, current: Seen) -> dict[str, str]:
    """file name → content hash (or 'deleted') for every file added, edited or removed."""
    changes = {name: entry[2] for name, entry in current.items() if previous.get(name, [None] * 3)[2] != entry[2]}
    changes.update({name: "deleted" for name in previous if name not in current})
    return changes


@sensor(
    job=refresh_warehouse,
    minimum_interval_seconds=SENSOR_INTERVAL_SECONDS,
    default_status=DefaultSensorStatus.RUNNING,
    description="Requests a refresh of just the article files that were added, edited or deleted.",
)
def new_articles_sensor(context: SensorEvaluationContext):
    folder = configured_articles_dir()
    if not folder.is_dir():
        return SkipReason(f"articles folder {folder} does not exist")
    previous: Seen = json.loads(context.cursor) if context.cursor else {}
    current = scan_folder(folder, previous)
    changes = changed_files(previous, current)
    context.update_cursor(json.dumps(current, sort_keys=True))
    if not changes:
        return SkipReason(f"no new, edited or deleted article in {folder}")
    reason = already_published()
    if reason:
        return SkipReason(reason)
    version_key = hashlib.sha256(json.dumps(changes, sort_keys=True).encode()).hexdigest()[:16]
    return RunRequest(
        run_key=f"articles-{version_key}",
        run_config={**RUN_LOG_CONFIG, "ops": {"articles": {"config": {"only": sorted(changes)}}}},
        tags={"beilun/changed_files": str(len(changes))},
    )
