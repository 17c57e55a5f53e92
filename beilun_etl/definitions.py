"""The one Definitions object of the code location (loaded by workspace.yaml and by the CLI).

Everything Dagster knows comes from `beilun_etl/defs/`, one folder per stage of the flow
(ingest → extract → transform → quality → publish, plus automation and resources), loaded by
`dagster.load_defs`. The in-process executor runs a refresh as one process (a subprocess per step
would cost about 20 s on two cores).
"""

from dagster import Definitions, in_process_executor, load_defs

import beilun_etl.defs

defs = Definitions.merge(load_defs(beilun_etl.defs), Definitions(executor=in_process_executor))
