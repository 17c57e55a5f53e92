"""Process-level tuning of the frameworks (garbage collection, Dagster's event log): kept apart from the flow."""
