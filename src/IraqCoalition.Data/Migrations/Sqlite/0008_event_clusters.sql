-- One event, many reports. Every event row is a report (one article's account of something); the
-- reports of one real-world happening share an event cluster. The cluster keeps what matching needs
-- to compare a new report with it in one indexed query (ClusterStore.CandidatesAsync): its roots,
-- the actor and country keys of its sources and targets, its evidence terms and the interval all its
-- reports allow, plus the counts the pages show ("3 reports, 2 sources").
CREATE TABLE event_clusters (
    id              INTEGER PRIMARY KEY,
    lead_event_id   INTEGER,
    root            TEXT    NOT NULL,
    roots           TEXT    NOT NULL,
    sources         TEXT    NOT NULL DEFAULT '',
    targets         TEXT    NOT NULL DEFAULT '',
    terms           TEXT    NOT NULL DEFAULT '',
    date_start      TEXT    NOT NULL,
    date_end        TEXT    NOT NULL,
    report_count    INTEGER NOT NULL DEFAULT 0,
    article_count   INTEGER NOT NULL DEFAULT 0,
    source_count    INTEGER NOT NULL DEFAULT 0,
    edited          INTEGER NOT NULL DEFAULT 0,
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);
-- Candidates for a new report: compatible root, starting within the look-back window.
CREATE INDEX ix_clusters_root_date ON event_clusters(root, date_start);
CREATE INDEX ix_clusters_sources ON event_clusters(source_count, id);

ALTER TABLE events ADD COLUMN cluster_id INTEGER REFERENCES event_clusters(id) ON DELETE SET NULL;
-- 1 for the report that stands for its cluster on the timeline, charts and briefings.
ALTER TABLE events ADD COLUMN lead INTEGER NOT NULL DEFAULT 1;
-- Put in its cluster by an editor: matching never moves it, re-extraction keeps it.
ALTER TABLE events ADD COLUMN cluster_pinned INTEGER NOT NULL DEFAULT 0;
-- Why matching put the report where it is (ClusterDecision.Reason).
ALTER TABLE events ADD COLUMN cluster_reason TEXT;
CREATE INDEX ix_events_cluster ON events(cluster_id, lead);

-- Events stored before clustering existed each become their own cluster; `recluster` groups them.
INSERT INTO event_clusters (id, lead_event_id, root, roots, sources, targets, terms, date_start, date_end,
                            report_count, article_count, source_count, created_at, updated_at)
SELECT e.id, e.id, e.root, e.root,
       trim(coalesce('a' || e.source_actor_id, '') || ' ' || coalesce(e.source_country, '')),
       trim(coalesce('a' || e.target_actor_id, '') || ' ' || coalesce(e.target_country, '')),
       '', e.date_start, e.date_end, 1, 1, 1, e.created_at, e.updated_at
FROM events e;
UPDATE events SET cluster_id = id, lead = 1, cluster_reason = 'stored before event clustering';

-- The timeline, charts and briefings read leads only; their indexes hold leads only, so a filter
-- walks one index in date order as before and reports never cost a row lookup. The dyad index stays
-- whole for the relationship chart's "reports" view.
DROP INDEX ix_events_date;
DROP INDEX ix_events_source;
DROP INDEX ix_events_target;
DROP INDEX ix_events_country;
DROP INDEX ix_events_tcountry;
DROP INDEX ix_events_root;
DROP INDEX ix_events_quad;
CREATE INDEX ix_events_date ON events(date_value, id, status, quad_class, root, dyad) WHERE lead = 1;
-- Actor merges and edits find every report of an actor, so these two stay whole, with lead as a column.
CREATE INDEX ix_events_source ON events(source_actor_id, date_value, id, status, lead);
CREATE INDEX ix_events_target ON events(target_actor_id, date_value, id, status, lead);
CREATE INDEX ix_events_country ON events(source_country, date_value, id, status) WHERE lead = 1;
CREATE INDEX ix_events_tcountry ON events(target_country, date_value, id, status) WHERE lead = 1;
CREATE INDEX ix_events_root ON events(root, date_value, id, status, dyad) WHERE lead = 1;
CREATE INDEX ix_events_quad ON events(quad_class, date_value, id, status, dyad) WHERE lead = 1;
CREATE INDEX ix_events_dyad_lead ON events(dyad, date_value, id, status, quad_class, root, goldstein) WHERE lead = 1;

-- Free text on the timeline finds leads only (facet "ld1"), like its other filters.
DROP TRIGGER search_event_facets_bu;
DROP TRIGGER search_event_facets_au;
DROP VIEW event_search_rows;
CREATE VIEW event_search_rows AS
SELECT id,
       (CAST(coalesce(julianday(date_value), 0) AS INTEGER) << 32) | id AS key,
       label || ' ' || coalesce(summary, '') || ' ' || evidence_text AS body,
       'st' || status || ' dy' || coalesce(replace(dyad, '-', ''), '') || ' qc' || quad_class || ' rt' || root
       || ' sc' || coalesce(source_country, '') || ' tc' || coalesce(target_country, '')
       || ' sa' || coalesce(source_actor_id, '') || ' ta' || coalesce(target_actor_id, '')
       || ' ar' || article_id || ' ld' || lead AS facets
FROM events;
CREATE TRIGGER search_event_facets_bu BEFORE UPDATE OF label, summary, evidence_text, status, date_value, quad_class, root,
        source_country, target_country, source_actor_id, target_actor_id, article_id, lead ON events BEGIN
    INSERT INTO event_search (event_search, rowid, body, facets) SELECT 'delete', key, body, facets FROM event_search_rows WHERE id = old.id;
END;
CREATE TRIGGER search_event_facets_au AFTER UPDATE OF label, summary, evidence_text, status, date_value, quad_class, root,
        source_country, target_country, source_actor_id, target_actor_id, article_id, lead ON events BEGIN
    INSERT INTO event_search (rowid, body, facets) SELECT key, body, facets FROM event_search_rows WHERE id = new.id;
END;
INSERT INTO event_search (event_search) VALUES ('delete-all');
INSERT INTO event_search (rowid, body, facets) SELECT key, body, facets FROM event_search_rows;
