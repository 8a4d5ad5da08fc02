using Dapper;
using IraqCoalition.Data.Actors;

namespace IraqCoalition.Data.Tests;

public sealed class CoOccurrenceTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Companions_are_counted_once_per_article_over_the_actors_latest_articles()
    {
        var articles = ActorRepository.CoOccurrenceWindow + 100;
        await using (var c = await _db.Factory.OpenAsync())
        {
            await c.ExecuteAsync("""
                INSERT INTO actors (id, identity_key, name, kind, country, created_at, updated_at) VALUES
                  (1, 't:a', 'Hub', 'country', 'IRQ', '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z'),
                  (2, 't:b', 'Early companion', 'person', 'IRQ', '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z'),
                  (3, 't:c', 'Late companion', 'person', 'USA', '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z'),
                  (4, 't:d', 'Stranger', 'person', 'RUS', '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z');
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @articles)
                INSERT INTO articles (id, content_hash, title, source, published, body, word_count, sentence_count, extractor_version, ingested_at)
                SELECT i, 'h' || i, 'A' || i, 'test', '2020-01-01', 'body', 1, 1, 't', '2020-01-01T00:00:00.000Z' FROM n;
                -- The hub twice in every article; the early companion in articles 1-200 (twice each), the late one in the last 50.
                INSERT INTO mentions (article_id, actor_id, start_offset, end_offset, text)
                SELECT id, 1, 0, 3, 'Hub' FROM articles UNION ALL SELECT id, 1, 10, 13, 'Hub' FROM articles
                UNION ALL SELECT id, 2, 20, 25, 'Early' FROM articles WHERE id <= 200
                UNION ALL SELECT id, 2, 30, 35, 'Early' FROM articles WHERE id <= 200
                UNION ALL SELECT id, 3, 40, 44, 'Late' FROM articles WHERE id > @articles - 50;
                INSERT INTO mentions (article_id, actor_id, start_offset, end_offset, text) VALUES (1, 4, 50, 58, 'Stranger');
                """, new { articles });
        }

        var repo = new ActorRepository(_db.Factory);
        var companions = await repo.CoOccurringAsync(1);

        // Articles 101-2100 are the hub's latest 2,000: the early companion shares 100 of them, the late one 50;
        // the stranger's only article (1) lies outside the window.
        Assert.Equal([(2L, "Early companion", (string?)"IRQ", 100), (3L, "Late companion", "USA", 50)], companions);
        // Seen from the early companion (200 articles, all within its window), the hub shares all of them.
        Assert.Equal((1L, "Hub", (string?)"IRQ", 200), (await repo.CoOccurringAsync(2)).First());
        Assert.Equal([(2L, "Early companion", (string?)"IRQ", 1), (1L, "Hub", "IRQ", 1)], await repo.CoOccurringAsync(4));
    }

    [Fact]
    public async Task Article_counts_follow_inserts_deletes_and_mentions_moved_between_actors()
    {
        await using var c = await _db.Factory.OpenAsync();
        await c.ExecuteAsync("""
            INSERT INTO actors (id, identity_key, name, kind, created_at, updated_at) VALUES
              (1, 't:a', 'A', 'person', '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z'),
              (2, 't:b', 'B', 'person', '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z');
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4)
            INSERT INTO articles (id, content_hash, title, body, word_count, sentence_count, extractor_version, ingested_at)
            SELECT i, 'h' || i, 'A' || i, 'body', 1, 1, 't', '2020-01-01T00:00:00.000Z' FROM n;
            -- A: twice in 1, once in 2 and 3. B: once in 3 and 4.
            INSERT INTO mentions (id, article_id, actor_id, start_offset, end_offset, text) VALUES
              (1, 1, 1, 0, 1, 'A'), (2, 1, 1, 5, 6, 'A'), (3, 2, 1, 0, 1, 'A'), (4, 3, 1, 0, 1, 'A'),
              (5, 3, 2, 5, 6, 'B'), (6, 4, 2, 0, 1, 'B');
            """);
        async Task<(long, long)> Counts() => (
            await c.ExecuteScalarAsync<long>("SELECT article_count FROM actors WHERE id = 1"),
            await c.ExecuteScalarAsync<long>("SELECT article_count FROM actors WHERE id = 2"));

        Assert.Equal((3L, 2L), await Counts());
        await c.ExecuteAsync("DELETE FROM mentions WHERE id = 1");      // A keeps article 1 through mention 2
        Assert.Equal((3L, 2L), await Counts());
        await c.ExecuteAsync("UPDATE mentions SET actor_id = 1 WHERE actor_id = 2"); // B merged into A: A gains 4, not 3
        Assert.Equal((4L, 0L), await Counts());
        await c.ExecuteAsync("UPDATE mentions SET actor_id = 1 WHERE id = 3");       // unchanged actor: no change
        Assert.Equal((4L, 0L), await Counts());
        await c.ExecuteAsync("DELETE FROM articles WHERE id IN (1, 2)");             // cascades to the mentions
        Assert.Equal((2L, 0L), await Counts());
        Assert.Equal(2L, await c.ExecuteScalarAsync<long>("SELECT count(DISTINCT article_id) FROM mentions WHERE actor_id = 1"));
    }
}
