"""The catalogue the Dagster UI shows: every asset in a group named for its stage of the flow (none
left in `default`), an owner on each, and the freshness policy of the published warehouse."""

from __future__ import annotations

from beilun_etl.definitions import defs
from beilun_etl.defs.resources import PUBLISHED_KEY

FLOW = {"ingest", "extract", "transform", "quality", "publish"}


def test_every_asset_sits_in_a_stage_of_the_flow_with_an_owner():
    graph = defs.resolve_asset_graph()
    keys = list(graph.get_all_asset_keys())
    assert len(keys) > 30  # the dbt models are there, not only the Python assets
    groups = {k: graph.get(k).group_name for k in keys}
    assert set(groups.values()) == FLOW, {k.to_user_string(): g for k, g in groups.items() if g not in FLOW}
    assert all(graph.get(k).owners for k in keys), [k.to_user_string() for k in keys if not graph.get(k).owners]
    assert graph.get(PUBLISHED_KEY).freshness_policy is not None
