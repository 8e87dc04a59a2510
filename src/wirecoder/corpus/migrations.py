"""The corpus schema as ordered migrations; each applied one is recorded in `schema_migrations`."""
from __future__ import annotations

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "initial schema", """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    url TEXT, title TEXT, outlet TEXT, byline TEXT, published TEXT, source TEXT,
    text TEXT NOT NULL,
    analysis_json TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_hash ON articles(content_hash);
CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE article_actors (
    article_id TEXT NOT NULL, idx INTEGER NOT NULL,
    name TEXT NOT NULL, kind TEXT, role TEXT, affiliation TEXT, country TEXT, sector TEXT,
    wikidata TEXT, registry INTEGER NOT NULL DEFAULT 0, aliases_json TEXT NOT NULL DEFAULT '[]',
    mentions INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX article_actors_name ON article_actors(name);

CREATE TABLE quotes (
    article_id TEXT NOT NULL, idx INTEGER NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, kind TEXT NOT NULL,
    speaker TEXT, speaker_text TEXT, anonymous INTEGER NOT NULL DEFAULT 0, source_type TEXT, told_to TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX quotes_speaker ON quotes(speaker);

CREATE TABLE events (
    article_id TEXT NOT NULL, idx INTEGER NOT NULL,
    type TEXT NOT NULL, mode TEXT, actor TEXT, target TEXT, date TEXT, date_precision TEXT,
    location TEXT, country TEXT, lat REAL, lon REAL, fatalities INTEGER, injuries INTEGER,
    trigger TEXT, sentence TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    negated INTEGER NOT NULL DEFAULT 0, hypothetical INTEGER NOT NULL DEFAULT 0,
    future INTEGER NOT NULL DEFAULT 0, historical INTEGER NOT NULL DEFAULT 0,
    sourcing TEXT NOT NULL DEFAULT 'none', sources_json TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX events_type_date ON events(type, date);

CREATE TABLE places (
    article_id TEXT NOT NULL, idx INTEGER NOT NULL,
    name TEXT NOT NULL, text TEXT, start INTEGER, "end" INTEGER, country TEXT, admin1 TEXT,
    lat REAL, lon REAL, kind TEXT, geonameid INTEGER,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE quantities (
    article_id TEXT NOT NULL, idx INTEGER NOT NULL,
    value REAL NOT NULL, unit TEXT NOT NULL, qualifier TEXT, text TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, role TEXT,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE dates (
    article_id TEXT NOT NULL, idx INTEGER NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    value TEXT, end_value TEXT, precision TEXT, open_end INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE claims (
    article_id TEXT NOT NULL, idx INTEGER NOT NULL,
    value REAL NOT NULL, unit TEXT NOT NULL, qualifier TEXT, text TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence TEXT NOT NULL,
    reporter TEXT, sourcing TEXT NOT NULL, period_text TEXT, period_start TEXT, period_end TEXT,
    published TEXT, outlet TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX claims_unit ON claims(unit);

CREATE TABLE failures (
    source TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    error_type TEXT NOT NULL,
    reason TEXT NOT NULL,
    failed_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 1
);

CREATE VIRTUAL TABLE articles_fts USING fts5(article_id UNINDEXED, title, text);
CREATE VIRTUAL TABLE quotes_fts USING fts5(article_id UNINDEXED, idx UNINDEXED, speaker, text);
"""),
    # event clusters as computed (corpus.cluster_cache): derived data, dropped whenever the corpus changes
    (2, "cluster cache", """
CREATE TABLE cluster_cache (
    filters TEXT PRIMARY KEY,
    version TEXT NOT NULL,
    clusters_json TEXT NOT NULL,
    computed_at TEXT NOT NULL
);
"""),
)
