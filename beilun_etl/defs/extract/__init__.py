"""Extracting the figures of new article versions (the `figures` asset)."""
