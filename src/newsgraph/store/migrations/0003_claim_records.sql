-- Claim records (issue 11): every "who says what" of an article as a row of its own, with the
-- events whose trigger lies in its content (claim_events). The table "claims" stays what it was:
-- the attribution of each event (contract CLAIM_SOURCE).
CREATE TABLE claim_records (
    id             TEXT PRIMARY KEY,
    article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    source_text    TEXT,                -- as written ("a senior official"); NULL: unattributed
    source_name    TEXT,                -- the actor layer's name ("United States")
    source_named   INTEGER,
    source_kind    TEXT,
    source_country TEXT,
    source_role    TEXT,
    cue_start      INTEGER NOT NULL,
    cue_end        INTEGER NOT NULL,
    cue_text       TEXT NOT NULL,
    cue_lemma      TEXT NOT NULL,
    content_start  INTEGER NOT NULL,
    content_end    INTEGER NOT NULL,
    form           TEXT NOT NULL,
    basis          TEXT NOT NULL,
    stance         TEXT NOT NULL,
    confidence     REAL NOT NULL,
    record         TEXT NOT NULL        -- the contract's JSON record
);
CREATE INDEX claim_records_article ON claim_records(article_id);
CREATE INDEX claim_records_source ON claim_records(source_name COLLATE NOCASE);
CREATE TABLE claim_events (
    claim_id TEXT NOT NULL REFERENCES claim_records(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    PRIMARY KEY (claim_id, event_id)
);
CREATE INDEX claim_events_event ON claim_events(event_id);
