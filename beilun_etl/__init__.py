"""beilun-etl: figures from articles on Beilun\x27s economy into a checked DuckDB warehouse."""
