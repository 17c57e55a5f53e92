"""DDL of the `raw` schema: what the Python assets stage in DuckDB for dbt to read.

These tables are the contract between the Dagster assets (which write them) and the dbt sources
(which read them). They keep history: article versions are never deleted, so a deleted or edited
article leaves the marts but stays traceable.
"""

RAW_SCHEMA = "raw"

# One row per article version (file content) ever seen. `status` says whether the version is the
# file's content now ('current'), was replaced by an edit ('superseded') or its file is gone ('deleted').
ARTICLE_VERSIONS_DDL = """
CREATE TABLE IF NOT EXISTS raw.article_versions (
    article_id          VARCHAR NOT NULL,   -- file name without extension
    content_hash        VARCHAR NOT NULL,   -- sha256 of the file's bytes and its sidecar's
    text_hash           VARCHAR NOT NULL,   -- sha256 of the file's bytes alone (finds duplicates)
    source_file         VARCHAR NOT NULL,   -- path relative to the articles folder
    title               VARCHAR,            -- from the sidecar, else the first heading line
    source              VARCHAR,            -- from the sidecar
    url                 VARCHAR,            -- from the sidecar
    published           DATE NOT NULL,      -- sidecar date, or the last day of the inferred year
    published_inferred  BOOLEAN NOT NULL,   -- true when `published` was inferred from the text
    encoding            VARCHAR NOT NULL,   -- the encoding the bytes were decoded with
    size_bytes          BIGINT NOT NULL,
    char_count          INTEGER NOT NULL,   -- length of cleaned_text
    -- the text that figure offsets point into. ZSTD: DuckDB's default analysis (dictionary + FSST) of
    -- whole articles made the checkpoint of 10,000 new ones take 9 s, zstd 0.2 s and a fifth of the space.
    cleaned_text        VARCHAR NOT NULL USING COMPRESSION zstd,
    status              VARCHAR NOT NULL,   -- current | superseded | deleted
    first_seen_at       TIMESTAMP NOT NULL,
    cleaned_by          VARCHAR,            -- EXTRACTOR_VERSION of the cleaning that made cleaned_text
    source_type         VARCHAR,            -- from the sidecar, as written (dbt/seeds/source_types.csv)
    PRIMARY KEY (article_id, content_hash)
)
"""

# One row per extracted figure of an article version. Columns follow shared/spec/FACTS.md, plus
# the extras the contract welcomes. `extractor_version` lets a new extractor invalidate the cache.
FIGURES_DDL = """
CREATE TABLE IF NOT EXISTS raw.figures (
    article_id          VARCHAR NOT NULL,
    content_hash        VARCHAR NOT NULL,
    figure_seq          INTEGER NOT NULL,   -- 0-based position of the figure in the article
    text                VARCHAR NOT NULL,
    sentence            VARCHAR NOT NULL,
    char_start          INTEGER NOT NULL,
    char_end            INTEGER NOT NULL,
    indicator           VARCHAR,
    indicator_code      VARCHAR,
    zone                VARCHAR,
    measure             VARCHAR NOT NULL,
    value               DOUBLE NOT NULL,
    unit                VARCHAR NOT NULL,
    qualifier           VARCHAR NOT NULL,
    period_start        DATE,
    period_end          DATE,
    period_inferred     BOOLEAN,            -- true when no period was stated (publication year used)
    classifier          VARCHAR,
    share_of            VARCHAR,
    part_of             VARCHAR,            -- `text` of the total a 其中 figure belongs to
    part_of_seq         INTEGER,            -- figure_seq of that total, when known
    confidence          DOUBLE,
    extractor_version   VARCHAR NOT NULL,
    -- JSON object: the names of the extractor rules that decided the figure's indicator, zone,
    -- period (and period_scope) and measure, e.g. {"indicator":"alias_in_clause",...}; docs/extraction.md
    trace               VARCHAR,
    PRIMARY KEY (content_hash, figure_seq)
)
"""

# Files that could not be taken in, with the reason. Nothing is ever moved or deleted on disk.
QUARANTINED_ARTICLES_DDL = """
CREATE TABLE IF NOT EXISTS raw.quarantined_articles (
    source_file         VARCHAR NOT NULL,
    content_hash        VARCHAR,            -- null when the file could not be read at all
    reason              VARCHAR NOT NULL,   -- unreadable | empty | binary | undecodable | too_large | duplicate | undated | bad_metadata
    detail              VARCHAR NOT NULL,   -- a sentence a person can act on
    size_bytes          BIGINT,
    duplicate_of        VARCHAR,            -- article_id of the article with the same content
    detected_at         TIMESTAMP NOT NULL,
    run_id              VARCHAR
)
"""

# One row per article version and extractor: the content-hash cache. An article version that yields
# no figure is still recorded here, so it is not extracted again.
EXTRACTIONS_DDL = """
CREATE TABLE IF NOT EXISTS raw.extractions (
    content_hash        VARCHAR NOT NULL,
    extractor_version   VARCHAR NOT NULL,
    figure_count        INTEGER NOT NULL,
    extracted_at        TIMESTAMP NOT NULL,
    PRIMARY KEY (content_hash)
)
"""

# One row per publication, with the fingerprint of the inputs it was built from (beilun_etl.pipeline.freshness).
PUBLICATIONS_DDL = """
CREATE TABLE IF NOT EXISTS raw.publications (
    state_fingerprint   VARCHAR NOT NULL,
    published_at        TIMESTAMP NOT NULL,
    run_id              VARCHAR,
    code_fingerprint    VARCHAR             -- the code and dictionaries the incremental models were built with
)
"""
# Columns added after a table's first release: warehouses created before get them on their next run.
ADDED_COLUMNS = (
    "ALTER TABLE raw.publications ADD COLUMN IF NOT EXISTS code_fingerprint VARCHAR",
    "ALTER TABLE raw.article_versions ADD COLUMN IF NOT EXISTS cleaned_by VARCHAR",
    "ALTER TABLE raw.figures ADD COLUMN IF NOT EXISTS trace VARCHAR",
    "ALTER TABLE raw.article_versions ADD COLUMN IF NOT EXISTS source_type VARCHAR",
)

# The scope a run changes, handed to dbt as the source raw.changed_scope
# (macros/incremental_by_scope.sql): one row per changed article (scope 'article') and per cell of
# their published versions (scope 'cell'); filled before `dbt build` when the run builds
# incrementally, emptied after it. dbt reads it only when the run says so
# (`--vars {changes_recorded: true}`).
CHANGED_SCOPE_DDL = """
CREATE TABLE IF NOT EXISTS raw.changed_scope (
    scope               VARCHAR NOT NULL,   -- article | cell
    article_id          VARCHAR,            -- scope article
    zone_key            VARCHAR,            -- scope cell: zone × indicator × period
    indicator_key       VARCHAR,
    period_start        DATE,
    period_end          DATE
)
"""

ALL_DDL = (
    ARTICLE_VERSIONS_DDL,
    FIGURES_DDL,
    QUARANTINED_ARTICLES_DDL,
    EXTRACTIONS_DDL,
    PUBLICATIONS_DDL,
    CHANGED_SCOPE_DDL,
)


def create_raw_schema(con) -> None:
    """Create the raw schema and its tables when missing (idempotent)."""
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {RAW_SCHEMA}")
    for ddl in (*ALL_DDL, *ADDED_COLUMNS):
        con.execute(ddl)
