-- The time window the linker gave each event (issue 14): its own dates, or, for an event the text
-- does not date, the week up to its article's publication (a report of a done act) or the month
-- after it (an announcement); see newsgraph.link.clusters.Mention.window. Written by the linker
-- with link_block; NULL when the event has neither a date nor a dated article.
ALTER TABLE events ADD COLUMN link_window_start TEXT;
ALTER TABLE events ADD COLUMN link_window_end TEXT;
