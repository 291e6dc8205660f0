-- Incremental linking (issue 14): each event's linking block (its type and actors, hashed; see
-- newsgraph.link.clusters.block_key). NULL until the linker has seen the event, so a run links
-- only the events stored since the last one, against the events of their blocks.
ALTER TABLE events ADD COLUMN link_block TEXT;
CREATE INDEX events_link_block ON events(link_block);
