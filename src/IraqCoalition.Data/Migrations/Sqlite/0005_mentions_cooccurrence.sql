-- "Most often appears with" on the actor page reads, for each article that mentions the actor, the
-- other actors mentioned there. With (article_id, actor_id) in one index that is an index-only walk;
-- through ix_mentions_article (article_id, start_offset) it cost a table read per mention:
-- 1.6 s instead of 0.33 s for an actor in 13,500 of 100,000 synthetic articles
-- (ActorRepository.CoOccurringAsync also bounds the articles it reads).
CREATE INDEX ix_mentions_article_actor ON mentions(article_id, actor_id);
