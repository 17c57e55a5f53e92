"""The `beilun-etl` command line: refresh, extract, evaluate, synth."""
