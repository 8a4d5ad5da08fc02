-- The timeline's free text also finds the events of the actors its words name (name, title, role,
-- country, aliases; EventRepository.TextSearch). Asking the shared search_index for them read every
-- article, statement and event holding the word before keeping the actors ('praised' on 1,000,000
-- events: 93 ms at p95); an index of actors alone answers from the actors' rows.
CREATE VIRTUAL TABLE actor_names USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');

INSERT INTO actor_names (rowid, text)
SELECT a.id, a.name || ' ' || coalesce(a.title, '') || ' ' || coalesce(a.role, '') || ' ' || coalesce(a.country, '') || ' ' ||
       coalesce((SELECT group_concat(alias, ' ') FROM actor_aliases WHERE actor_id = a.id), '')
FROM actors a;

-- Named search_* like the other index triggers, so bulk loads that drop and recreate those find them.
CREATE TRIGGER search_actor_names_ai AFTER INSERT ON actors BEGIN
    INSERT INTO actor_names (rowid, text)
    VALUES (new.id, new.name || ' ' || coalesce(new.title, '') || ' ' || coalesce(new.role, '') || ' ' || coalesce(new.country, ''));
END;
-- Aliases reach this trigger through search_aliases_ai/ad of Migrations/0003, which touch the actor's name.
CREATE TRIGGER search_actor_names_au AFTER UPDATE OF name, title, role, country ON actors BEGIN
    DELETE FROM actor_names WHERE rowid = old.id;
    INSERT INTO actor_names (rowid, text)
    VALUES (new.id, new.name || ' ' || coalesce(new.title, '') || ' ' || coalesce(new.role, '') || ' ' || coalesce(new.country, '') || ' ' ||
            coalesce((SELECT group_concat(alias, ' ') FROM actor_aliases WHERE actor_id = new.id), ''));
END;
CREATE TRIGGER search_actor_names_ad AFTER DELETE ON actors BEGIN
    DELETE FROM actor_names WHERE rowid = old.id;
END;
