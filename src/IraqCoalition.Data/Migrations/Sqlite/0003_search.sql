-- Full-text search across articles, statements, events and actors (SQLite FTS5).
-- One index, rowid = id * 4 + kind (0 article, 1 statement, 2 event, 3 actor), so triggers update
-- and delete by rowid, which FTS5 does cheaply. Search is the only user of this table
-- (Data/Search/SearchRepository.cs); a PostgreSQL provider would use tsvector columns instead.
CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED,
    ref_id UNINDEXED,
    article_id UNINDEXED,
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER search_articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO search_index (rowid, kind, ref_id, article_id, title, body)
    VALUES (new.id * 4, 'article', new.id, new.id, coalesce(new.title, ''), new.body);
END;
CREATE TRIGGER search_articles_au AFTER UPDATE OF title, body ON articles BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4;
    INSERT INTO search_index (rowid, kind, ref_id, article_id, title, body)
    VALUES (new.id * 4, 'article', new.id, new.id, coalesce(new.title, ''), new.body);
END;
CREATE TRIGGER search_articles_ad AFTER DELETE ON articles BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4;
END;

CREATE TRIGGER search_statements_ai AFTER INSERT ON statements BEGIN
    INSERT INTO search_index (rowid, kind, ref_id, article_id, title, body)
    VALUES (new.id * 4 + 1, 'statement', new.id, new.article_id,
            coalesce((SELECT name FROM actors WHERE id = new.speaker_actor_id), ''), new.text);
END;
CREATE TRIGGER search_statements_au AFTER UPDATE OF text, speaker_actor_id ON statements BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
    INSERT INTO search_index (rowid, kind, ref_id, article_id, title, body)
    VALUES (new.id * 4 + 1, 'statement', new.id, new.article_id,
            coalesce((SELECT name FROM actors WHERE id = new.speaker_actor_id), ''), new.text);
END;
CREATE TRIGGER search_statements_ad AFTER DELETE ON statements BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
END;

CREATE TRIGGER search_events_ai AFTER INSERT ON events BEGIN
    INSERT INTO search_index (rowid, kind, ref_id, article_id, title, body)
    VALUES (new.id * 4 + 2, 'event', new.id, new.article_id, new.label,
            coalesce(new.summary, '') || ' ' || new.evidence_text);
END;
CREATE TRIGGER search_events_au AFTER UPDATE OF label, summary, evidence_text ON events BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 2;
    INSERT INTO search_index (rowid, kind, ref_id, article_id, title, body)
    VALUES (new.id * 4 + 2, 'event', new.id, new.article_id, new.label,
            coalesce(new.summary, '') || ' ' || new.evidence_text);
END;
CREATE TRIGGER search_events_ad AFTER DELETE ON events BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 2;
END;

CREATE TRIGGER search_actors_ai AFTER INSERT ON actors BEGIN
    INSERT INTO search_index (rowid, kind, ref_id, article_id, title, body)
    VALUES (new.id * 4 + 3, 'actor', new.id, NULL, new.name,
            coalesce(new.title, '') || ' ' || coalesce(new.role, '') || ' ' || coalesce(new.country, ''));
END;
CREATE TRIGGER search_actors_au AFTER UPDATE OF name, title, role, country ON actors BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 3;
    INSERT INTO search_index (rowid, kind, ref_id, article_id, title, body)
    VALUES (new.id * 4 + 3, 'actor', new.id, NULL, new.name,
            coalesce(new.title, '') || ' ' || coalesce(new.role, '') || ' ' || coalesce(new.country, '') || ' ' ||
            coalesce((SELECT group_concat(alias, ' ') FROM actor_aliases WHERE actor_id = new.id), ''));
END;
CREATE TRIGGER search_actors_ad AFTER DELETE ON actors BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 3;
END;
-- Aliases are searchable through their actor's row.
CREATE TRIGGER search_aliases_ai AFTER INSERT ON actor_aliases BEGIN
    UPDATE actors SET name = name WHERE id = new.actor_id;
END;
CREATE TRIGGER search_aliases_ad AFTER DELETE ON actor_aliases BEGIN
    UPDATE actors SET name = name WHERE id = old.actor_id;
END;
