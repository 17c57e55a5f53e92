"""Which steps of a run count as "in the run": a whole-job run has an empty selection, not None."""

from types import SimpleNamespace

from dagster import AssetKey

from beilun_etl.defs.resources import PUBLISHED_KEY, run_includes


def _context(selection):
    return SimpleNamespace(run=SimpleNamespace(asset_selection=selection))


def test_a_whole_job_run_includes_every_asset():
    assert run_includes(_context(None), PUBLISHED_KEY)
    assert run_includes(_context(frozenset()), PUBLISHED_KEY)  # execute_in_process of the whole job


def test_a_subset_includes_only_what_it_selects():
    subset = _context(frozenset({AssetKey(["marts", "fct_indicator_value"])}))
    assert not run_includes(subset, PUBLISHED_KEY)
    assert run_includes(subset, PUBLISHED_KEY, AssetKey(["marts", "fct_indicator_value"]))
