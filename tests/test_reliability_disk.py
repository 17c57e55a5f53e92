"""A full disk is reported as a full disk, and the published warehouse stays intact and readable.

Before, a run on a full file system failed with `cannot rollback - no transaction is active`, which
hid "No space left on device". Needs root to mount a small tmpfs; skipped otherwise.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from pipeline_helpers import query, refresh
from reliability_helpers import build_copy, digest

pytestmark = pytest.mark.slow  # refreshes end to end: left out of `make test-fast`

NEW_ARTICLE = "# 北仑区2022年经济运行情况\n\n2022年，北仑区实现地区生产总值2700亿元，同比增长3.5%。\n"


def test_a_full_disk_is_reported_and_the_published_warehouse_stays_intact(articles_dir, warehouse_path, tmp_path):
    assert refresh(articles_dir, warehouse_path).published
    size = warehouse_path.stat().st_size
    mount_point = tmp_path / "small_disk"
    mount_point.mkdir()
    # Room for the published warehouse and little more: the run's build copy cannot fit.
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size + 512 * 1024}", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {mounted.stderr.strip()}")
    try:
        published = mount_point / "warehouse.duckdb"
        shutil.copyfile(warehouse_path, published)
        before = digest(published)
        (articles_dir / "qa_gdp_2022.txt").write_text(NEW_ARTICLE, encoding="utf-8")

        summary = refresh(articles_dir, published)

        assert not summary.published
        [failure] = summary.failures
        assert "No space left on device" in failure and "cannot rollback" not in failure, failure
        assert "the last published warehouse is intact" in failure
        assert digest(published) == before
        assert query(published, "SELECT count(*) FROM raw.publications") == [(1,)], "still opens read-only"
        assert not build_copy(published).exists(), "the partial copy is removed: the space is free again"
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)
