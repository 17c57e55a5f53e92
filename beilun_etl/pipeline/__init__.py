"""The plain Python the Dagster assets call: reading the drop folder, staging figures, building and publishing files.

No Dagster here: each module can be run and tested on its own (`beilun_etl.defs` wires them into assets).
"""
