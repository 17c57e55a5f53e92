"""Dagster definitions, one folder per stage of the flow: ingest → extract → transform → quality → publish.

`automation/` holds the job, the nightly schedule and the new-article sensor; `resources.py` the
configurable resources. `beilun_etl.definitions` loads everything here with `dagster.load_defs`.
"""
