-- Actor profiles from running totals (issue 13): what newsgraph.store.queries.actor_profile
-- counts for one actor, kept per actor key as events are stored (newsgraph.store.actor_stats),
-- so a profile reads a few rows instead of every event of the actor. A key is 'n:' and an
-- actor's name in ASCII lower case (as COLLATE NOCASE compares names), or 'c:' and a country
-- code: the two ways an actor is asked for. events.in_actor_stats is 0 until the event is counted.
ALTER TABLE events ADD COLUMN in_actor_stats INTEGER NOT NULL DEFAULT 0;
CREATE INDEX events_actor_stats_pending ON events(in_actor_stats) WHERE in_actor_stats = 0;

CREATE TABLE actor_months (
    key           TEXT NOT NULL,
    month         TEXT NOT NULL,                 -- YYYY-MM of the event's date, or 'unknown'
    events        INTEGER NOT NULL,
    as_source     INTEGER NOT NULL,
    as_target     INTEGER NOT NULL,
    first         TEXT,
    last          TEXT,
    unattributed  INTEGER NOT NULL,              -- events with no claim source
    PRIMARY KEY (key, month)
) WITHOUT ROWID;

CREATE TABLE actor_counterparts (
    key      TEXT NOT NULL,
    name     TEXT NOT NULL,
    country  TEXT NOT NULL,                      -- '' for none
    type     TEXT NOT NULL,
    status   TEXT NOT NULL,
    events   INTEGER NOT NULL,
    PRIMARY KEY (key, name, country, type, status)
) WITHOUT ROWID;

CREATE TABLE actor_items (
    key        TEXT NOT NULL,
    direction  TEXT NOT NULL,                    -- in | out | shared | within
    status     TEXT NOT NULL,
    category   TEXT NOT NULL,
    items      INTEGER NOT NULL,
    PRIMARY KEY (key, direction, status, category)
) WITHOUT ROWID;

CREATE TABLE actor_reporters (
    key       TEXT NOT NULL,
    name_key  TEXT NOT NULL,                     -- the source's name in ASCII lower case
    named     INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    country   TEXT NOT NULL,                     -- '' for none
    name      TEXT NOT NULL,                     -- the least spelling (as min() gives it)
    events    INTEGER NOT NULL,
    PRIMARY KEY (key, name_key, named, kind, country)
) WITHOUT ROWID;
