-- Free text on the timeline, together with its other filters, answered by one FTS5 index.
--
-- search_index (0003) finds events by their words, but a common word combined with a dyad or an actor
-- then needs the whole match set joined to the events and sorted by date: 75-110 ms on a million
-- events. Here every event is one row whose rowid is its position in timeline order,
-- (julian day of date_value << 32) | id, and whose facets column holds one token per filter value. A
-- filtered text query is then a single FTS5 expression ('body : (...) AND facets : (dyirqusa)') read
-- in rowid order, so the first page stops after its rows, a date range or keyset cursor is a rowid
-- range, and a capped count never touches the events table (EventRepository.TextSearch).
--
-- Contentless (content=''): only rowids come back, the text stays in events. Deleting from a
-- contentless index needs the values that were indexed, which the BEFORE triggers read from the
-- view below while the row still holds them. Trigger names start with search_ so bulk loaders that
-- rebuild the search indexes (SyntheticSeeder) drop and restore them with the others.
CREATE VIRTUAL TABLE event_search USING fts5(
    body,
    facets,
    content = '',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- The one place that says what is indexed for an event (facet tokens are letters and digits only,
-- because unicode61 splits on everything else; the tokenizer lower-cases them).
CREATE VIEW event_search_rows AS
SELECT id,
       (CAST(coalesce(julianday(date_value), 0) AS INTEGER) << 32) | id AS key,
       label || ' ' || coalesce(summary, '') || ' ' || evidence_text AS body,
       'st' || status || ' dy' || coalesce(replace(dyad, '-', ''), '') || ' qc' || quad_class || ' rt' || root
       || ' sc' || coalesce(source_country, '') || ' tc' || coalesce(target_country, '')
       || ' sa' || coalesce(source_actor_id, '') || ' ta' || coalesce(target_actor_id, '')
       || ' ar' || article_id AS facets
FROM events;

CREATE TRIGGER search_event_facets_ai AFTER INSERT ON events BEGIN
    INSERT INTO event_search (rowid, body, facets) SELECT key, body, facets FROM event_search_rows WHERE id = new.id;
END;
CREATE TRIGGER search_event_facets_bu BEFORE UPDATE OF label, summary, evidence_text, status, date_value, quad_class, root,
        source_country, target_country, source_actor_id, target_actor_id, article_id ON events BEGIN
    INSERT INTO event_search (event_search, rowid, body, facets) SELECT 'delete', key, body, facets FROM event_search_rows WHERE id = old.id;
END;
CREATE TRIGGER search_event_facets_au AFTER UPDATE OF label, summary, evidence_text, status, date_value, quad_class, root,
        source_country, target_country, source_actor_id, target_actor_id, article_id ON events BEGIN
    INSERT INTO event_search (rowid, body, facets) SELECT key, body, facets FROM event_search_rows WHERE id = new.id;
END;
CREATE TRIGGER search_event_facets_bd BEFORE DELETE ON events BEGIN
    INSERT INTO event_search (event_search, rowid, body, facets) SELECT 'delete', key, body, facets FROM event_search_rows WHERE id = old.id;
END;

INSERT INTO event_search (rowid, body, facets) SELECT key, body, facets FROM event_search_rows;
