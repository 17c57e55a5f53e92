"""Is the published warehouse already what a run would build? The sensor and the schedule ask first.

The same test as the CLI's (`pipeline.freshness.published_matches_folder`): a run with nothing new
would re-validate and publish the same warehouse, so neither starts one; they skip with the reason.
"""

from __future__ import annotations

from beilun_etl.paths import configured_articles_dir, configured_max_article_bytes, configured_warehouse
from beilun_etl.pipeline.freshness import published_matches_folder


def already_published() -> str | None:
    """Why no run is needed (the published warehouse is current), or None when a run has work to do."""
    warehouse = configured_warehouse().resolve()
    folder = configured_articles_dir().resolve()
    current = published_matches_folder(folder, warehouse, configured_max_article_bytes())
    if current is None:
        return None
    articles, figures = current
    return (
        f"nothing new: the published warehouse {warehouse} already holds the {articles} articles of "
        f"{folder} ({figures} figures), built by this code"
    )
