"""Dagster assets: articles → figures → dbt models → the published warehouse."""
