"""Reading the article drop folder into the build warehouse (the `articles` asset)."""
