"""Publishing the audited build copy to the warehouse BI tools read (the `published_warehouse` asset)."""
