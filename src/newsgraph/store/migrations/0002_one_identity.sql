-- One identity per actor: a state and its government, a person in two offices, are one row.
-- The actor key drops the sector (name|kind|country); the sector an event's mention had moves
-- to event_actors.sector. Rows that differed only by sector are merged into the oldest.
ALTER TABLE event_actors ADD COLUMN sector TEXT;
UPDATE event_actors SET sector = (SELECT a.sector FROM actors a WHERE a.id = event_actors.actor_id);
CREATE TEMP TABLE _keep AS
    SELECT a.id AS id,
           (SELECT min(b.id) FROM actors b WHERE b.name = a.name AND b.kind = a.kind AND b.country IS a.country) AS keep
    FROM actors a;
UPDATE event_actors SET actor_id = (SELECT k.keep FROM _keep k WHERE k.id = event_actors.actor_id);
UPDATE actors SET
    role = coalesce(role, (SELECT min(b.role) FROM actors b JOIN _keep k ON k.id = b.id WHERE k.keep = actors.id)),
    wikidata = coalesce(wikidata, (SELECT min(b.wikidata) FROM actors b JOIN _keep k ON k.id = b.id WHERE k.keep = actors.id));
DELETE FROM actors WHERE id IN (SELECT id FROM _keep WHERE id != keep);
UPDATE actors SET key = name || '|' || kind || '|' || coalesce(country, ''),
                  sector = CASE WHEN kind = 'state' THEN NULL ELSE sector END;
DROP TABLE _keep;
