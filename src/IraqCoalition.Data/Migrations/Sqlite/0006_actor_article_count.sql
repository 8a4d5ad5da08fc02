-- How many articles mention each actor, kept by triggers like mention_count: the actors grid showed
-- it as a per-row count(DISTINCT article_id), which for the 50 most mentioned actors of a 100,000
-- article corpus read 750,000 index entries per page (33 ms instead of 1 ms).
ALTER TABLE actors ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0;
UPDATE actors SET article_count = (SELECT count(DISTINCT article_id) FROM mentions WHERE actor_id = actors.id);

-- A mention adds an article when it is the actor's first in that article, and removes one when it
-- was the last (ix_mentions_actor makes each check one index probe).
CREATE TRIGGER mentions_articles_ai AFTER INSERT ON mentions
WHEN NOT EXISTS (SELECT 1 FROM mentions WHERE actor_id = new.actor_id AND article_id = new.article_id AND id <> new.id) BEGIN
    UPDATE actors SET article_count = article_count + 1 WHERE id = new.actor_id;
END;
CREATE TRIGGER mentions_articles_ad AFTER DELETE ON mentions
WHEN NOT EXISTS (SELECT 1 FROM mentions WHERE actor_id = old.actor_id AND article_id = old.article_id) BEGIN
    UPDATE actors SET article_count = article_count - 1 WHERE id = old.actor_id;
END;
-- Merges and splits move mentions between actors: the old side may lose an article, the new gain one.
CREATE TRIGGER mentions_articles_au_old AFTER UPDATE OF actor_id, article_id ON mentions
WHEN (old.actor_id <> new.actor_id OR old.article_id <> new.article_id)
 AND NOT EXISTS (SELECT 1 FROM mentions WHERE actor_id = old.actor_id AND article_id = old.article_id) BEGIN
    UPDATE actors SET article_count = article_count - 1 WHERE id = old.actor_id;
END;
CREATE TRIGGER mentions_articles_au_new AFTER UPDATE OF actor_id, article_id ON mentions
WHEN (old.actor_id <> new.actor_id OR old.article_id <> new.article_id)
 AND NOT EXISTS (SELECT 1 FROM mentions WHERE actor_id = new.actor_id AND article_id = new.article_id AND id <> new.id) BEGIN
    UPDATE actors SET article_count = article_count + 1 WHERE id = new.actor_id;
END;
