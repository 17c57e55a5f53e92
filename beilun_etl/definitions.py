"""The one Definitions object of the code location (loaded by workspace.yaml and by the CLI).

Everything Dagster knows comes from `beilun_etl/defs/`, one folder per stage of the flow
(ingest → extract → transform → quality → publish, plus automation and resources), loaded by
`dagster.load_defs`; `beilun_etl/defs/catalogue.py` adds the catalogue's group names, owners,
freshness policy and code references. The in-process executor runs a refresh as one process (a
subprocess per step would cost about 20 s on two cores).
"""

import warnings

from dagster import Definitions, in_process_executor, load_defs

import beilun_etl.defs
from beilun_etl.defs.catalogue import annotate_catalogue


def _definitions() -> Definitions:
    """The folders' definitions with the catalogue applied (one Definitions at module scope: `defs`)."""
    with warnings.catch_warnings():
        # Its successor, load_from_defs_folder, needs a `dg` project configuration ([tool.dg]) this
        # project does not use; load_defs still works in Dagster 1.13 (pinned), without a warning at each start.
        warnings.filterwarnings("ignore", message="Function `load_defs` is deprecated", category=DeprecationWarning)
        loaded = load_defs(beilun_etl.defs)
    return annotate_catalogue(Definitions.merge(loaded, Definitions(executor=in_process_executor)))


defs = _definitions()
