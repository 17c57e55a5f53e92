"""When the refresh runs: the job, the nightly schedule and the new-article sensor."""
