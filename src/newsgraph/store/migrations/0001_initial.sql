-- newsgraph store, schema version 1.
-- One row per article (keyed by content hash), per event mention, per actor identity,
-- per item / claim source of an event; clusters link mentions of one real-world event
-- across articles. Event rows keep the full contract record in `record` (JSON) and
-- the fields that queries filter on as indexed columns.

CREATE TABLE articles (
    rowid        INTEGER PRIMARY KEY,              -- stable integer key for FTS5
    id           TEXT NOT NULL UNIQUE,             -- the input's id, or its content id
    content_hash TEXT NOT NULL UNIQUE,             -- sha256 of the normalised text: re-ingest adds nothing
    title        TEXT,
    outlet       TEXT,                             -- from metadata, the URL's host, or JSONL "source"
    url          TEXT,
    published    TEXT,                             -- ISO date or NULL
    origin       TEXT,                             -- file (and line) it was read from
    text         TEXT NOT NULL,                    -- the text offsets point into
    copy_of      TEXT REFERENCES articles(id),     -- earliest article of its near-duplicate group; NULL if none
    ingested_at  TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_copy_of ON articles(copy_of);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

-- A canonical identity (contract ACTOR without "text"). key = name|kind|country|sector.
CREATE TABLE actors (
    id       INTEGER PRIMARY KEY,
    key      TEXT NOT NULL UNIQUE,
    name     TEXT NOT NULL,
    kind     TEXT NOT NULL,
    country  TEXT,
    sector   TEXT,
    role     TEXT,
    wikidata TEXT
);
CREATE INDEX actors_name ON actors(name COLLATE NOCASE);
CREATE INDEX actors_country ON actors(country);

CREATE TABLE events (
    id              TEXT PRIMARY KEY,             -- contract id (stable)
    article_id      TEXT NOT NULL REFERENCES articles(id),
    type            TEXT NOT NULL,                -- PLOVER type
    mode            TEXT,
    cameo           TEXT,
    symmetric       INTEGER NOT NULL DEFAULT 0,
    status          TEXT NOT NULL,
    named_source    INTEGER NOT NULL DEFAULT 0,   -- 1 when some attribution is named
    time_text       TEXT,
    time_start      TEXT,                         -- ISO date
    time_end        TEXT,
    time_precision  TEXT,
    place_text      TEXT,
    place_name      TEXT,
    place_country   TEXT,
    lat             REAL,
    lon             REAL,
    geonames_id     INTEGER,
    evidence_start  INTEGER NOT NULL,
    evidence_end    INTEGER NOT NULL,
    trigger_start   INTEGER NOT NULL,
    trigger_end     INTEGER NOT NULL,
    trigger_text    TEXT NOT NULL,
    confidence      REAL,
    exchange_with   TEXT,                         -- id of the other half of a quid pro quo
    cluster_id      TEXT REFERENCES clusters(id),
    record          TEXT NOT NULL                 -- the full contract record, JSON
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_type_status ON events(type, status);
CREATE INDEX events_time ON events(time_start);
CREATE INDEX events_cluster ON events(cluster_id);

-- Who acts (role 'source') and who is acted on (role 'target'), in contract order.
CREATE TABLE event_actors (
    event_id  TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    actor_id  INTEGER NOT NULL REFERENCES actors(id),
    role      TEXT NOT NULL CHECK (role IN ('source', 'target')),
    position  INTEGER NOT NULL,
    text      TEXT NOT NULL,                      -- the mention as written
    PRIMARY KEY (event_id, role, position)
);
CREATE INDEX event_actors_actor ON event_actors(actor_id, role, event_id);

CREATE TABLE items (
    event_id  TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    text      TEXT NOT NULL,
    category  TEXT NOT NULL,
    quantity  TEXT,
    PRIMARY KEY (event_id, position)
);
CREATE INDEX items_category ON items(category, event_id);

-- Attribution: who says so (contract CLAIM_SOURCE).
CREATE TABLE claims (
    event_id  TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    text      TEXT NOT NULL,
    name      TEXT NOT NULL,
    named     INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    country   TEXT,
    role      TEXT,
    basis     TEXT NOT NULL,
    PRIMARY KEY (event_id, position)
);
CREATE INDEX claims_name ON claims(name COLLATE NOCASE);

-- Mentions of one real-world event across articles.
CREATE TABLE clusters (
    id              TEXT PRIMARY KEY,
    type            TEXT NOT NULL,
    label           TEXT NOT NULL,                -- e.g. "RUS AID PRK: artillery shells"
    n_mentions      INTEGER NOT NULL,
    n_articles      INTEGER NOT NULL,
    n_sources       INTEGER NOT NULL,             -- independent outlets (copies of one story count once)
    first_reported  TEXT,                         -- ISO date
    last_reported   TEXT,
    conflicting     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX clusters_sources ON clusters(n_sources);
CREATE INDEX clusters_conflicting ON clusters(conflicting);

-- Why a cluster is flagged: which mentions disagree on what.
CREATE TABLE conflicts (
    cluster_id  TEXT NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,                    -- status | quantity | time
    event_id    TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    value       TEXT,                             -- what this mention says
    PRIMARY KEY (cluster_id, kind, event_id)
);

-- Inputs that could not be used; the run goes on.
CREATE TABLE _rejections (
    id      INTEGER PRIMARY KEY,
    path    TEXT NOT NULL,
    line    INTEGER,
    stage   TEXT NOT NULL,
    reason  TEXT NOT NULL,
    at      TEXT NOT NULL,
    UNIQUE (path, line, stage, reason)
);
