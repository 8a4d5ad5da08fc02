-- "Corroborated only" (two or more sources) is a timeline filter; asking event_clusters for it row by
-- row made a page of a large record sort every corroborated event (3.9 s) and a count probe 10,000
-- clusters (0.5 s with a dyad). Each report carries its cluster's verdict instead, kept by
-- ClusterStore.RecountAsync in the same transaction as the counts, and corroborated leads have an
-- index of their own in timeline order.
ALTER TABLE events ADD COLUMN corroborated INTEGER NOT NULL DEFAULT 0;
UPDATE events SET corroborated = 1 WHERE cluster_id IN (SELECT id FROM event_clusters WHERE source_count >= 2);
CREATE INDEX ix_events_corroborated ON events(date_value, id, status, quad_class, root, dyad) WHERE lead = 1 AND corroborated = 1;
-- The dyad index answers "corroborated" on its entries too, so "corroborated + Iraq–U.S." reads no rows it drops.
DROP INDEX ix_events_dyad_lead;
CREATE INDEX ix_events_dyad_lead ON events(dyad, date_value, id, status, quad_class, root, goldstein, corroborated) WHERE lead = 1;
ANALYZE events;
