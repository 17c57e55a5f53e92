"""The Great Expectations suites as Dagster asset checks on the build warehouse."""
