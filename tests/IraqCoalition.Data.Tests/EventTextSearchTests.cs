using Dapper;
using IraqCoalition.Core.Events;
using IraqCoalition.Data.Events;
using IraqCoalition.Data.Synthetic;

namespace IraqCoalition.Data.Tests;

/// <summary>
/// The timeline's free text with filters runs on the event_search index (Migrations/0004): its answers
/// must equal a plain SQL reading of the same filters over events and search_index, also after the
/// rows it indexed were edited, rejected, re-assigned or deleted (which its triggers must follow).
/// </summary>
public sealed class EventTextSearchTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private List<string> _words = [];
    private long _actor;
    private long _article;
    private long _tag;
    private long _aliased;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await new SyntheticSeeder(_db.Factory, CameoCodebook.Default.Codes.ToList())
            .SeedAsync(new SyntheticOptions { Articles = 60, Actors = 80, Events = 1_500, From = new(2019, 12, 1), To = new(2020, 2, 29) });

        await using var c = await _db.Factory.OpenAsync();
        // Edits after the bulk load go through the triggers: reject some, move some to other actors and
        // dates, rewrite some evidence, delete an article with its events.
        await c.ExecuteAsync("UPDATE events SET status = 'rejected' WHERE id % 7 = 0");
        await c.ExecuteAsync("UPDATE events SET source_actor_id = (SELECT min(id) FROM actors), date_value = '2020-01-03' WHERE id % 11 = 0");
        await c.ExecuteAsync("UPDATE events SET evidence_text = 'Ministers quarrelled over the pipeline tariff.' WHERE id % 13 = 0");
        await c.ExecuteAsync("DELETE FROM articles WHERE id = (SELECT max(article_id) FROM events)");
        _actor = await c.ExecuteScalarAsync<long>("SELECT source_actor_id FROM events WHERE source_actor_id IS NOT NULL GROUP BY source_actor_id ORDER BY count(*) DESC LIMIT 1");
        _article = await c.ExecuteScalarAsync<long>("SELECT article_id FROM events GROUP BY article_id ORDER BY count(*) DESC LIMIT 1");
        _tag = await c.ExecuteScalarAsync<long>("INSERT INTO tags (name, created_at) VALUES ('watch', '2020-01-01T00:00:00.000Z') RETURNING id");
        await c.ExecuteAsync("INSERT INTO actor_tags (actor_id, tag_id, added_at) SELECT id, @tag, '2020-01-01T00:00:00.000Z' FROM actors WHERE id % 9 = 0", new { tag = _tag });

        // An alias found only on the actor's row: its events must be found by it, though no sentence says it.
        _aliased = await c.ExecuteScalarAsync<long>("SELECT target_actor_id FROM events WHERE target_actor_id IS NOT NULL GROUP BY target_actor_id ORDER BY count(*) DESC LIMIT 1 OFFSET 3");
        await c.ExecuteAsync("INSERT INTO actor_aliases (actor_id, alias, normalized) VALUES (@a, 'Abu Zorbal', 'abu zorbal')", new { a = _aliased });
        await c.ExecuteAsync("UPDATE actors SET title = 'Quartermaster' WHERE id IN (SELECT source_actor_id FROM events WHERE source_actor_id IS NOT NULL ORDER BY id LIMIT 2)");

        // Words that occur in many events, in some, and in none; an alias, a word of actors' names, a title.
        var bodies = await c.QueryAsync<string>("SELECT evidence_text FROM events ORDER BY id LIMIT 300");
        _words = bodies.SelectMany(b => b.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(w => new string(w.Where(char.IsLetter).ToArray())).Where(w => w.Length > 3)
            .GroupBy(w => w, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).Select(g => g.Key)
            .Where((_, i) => i % 5 == 0).Take(6).Append("quarrelled").Append("pipel").Append("nosuchwordanywhere")
            .Append("Zorbal").Append("parliament").Append("Quartermaster").ToList();
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private EventRepository Events => new(_db.Factory);

    private IEnumerable<TimelineQuery> Queries()
    {
        foreach (var word in _words)
        {
            var q = new TimelineQuery { Text = word, Take = 40 };
            yield return q;
            yield return q with { Descending = true };
            yield return q with { CountryA = "IRQ", CountryB = "USA" };
            yield return q with { CountryA = "RUS" };
            yield return q with { ActorId = _actor };
            yield return q with { TagId = _tag };
            yield return q with { Root = "04", From = new DateOnly(2020, 1, 1) };
            yield return q with { QuadClass = 4, To = new DateOnly(2020, 1, 15) };
            yield return q with { ArticleId = _article };
            yield return q with { IncludeRejected = true, From = new DateOnly(2020, 1, 3), To = new DateOnly(2020, 1, 3) };
            yield return q with { Skip = 15, Take = 10 };
            // Corroboration is not in the index: these run on the SQL path.
            yield return q with { Corroborated = true };
            yield return q with { Corroborated = true, ActorId = _actor };
        }
    }

    [Fact]
    public async Task Pages_and_counts_equal_a_plain_sql_reading_of_the_filters()
    {
        var nonEmpty = 0;
        foreach (var q in Queries())
        {
            var expected = await ExpectedAsync(q);
            var page = await Events.PageTimelineAsync(q);
            var (total, capped) = await Events.CountTimelineAsync(q);

            Assert.False(capped);
            Assert.True(expected.Count == total, $"count for {Describe(q)}: expected {expected.Count}, got {total}");
            Assert.True(expected.Skip(q.Skip).Take(q.Take).SequenceEqual(page.Select(e => e.Id)), $"page for {Describe(q)}");
            nonEmpty += page.Count > 0 ? 1 : 0;
        }

        // The comparison means something only if most queries found events.
        Assert.True(nonEmpty > Queries().Count() / 2, $"only {nonEmpty} queries found events");
    }

    [Fact]
    public async Task An_alias_finds_the_actors_events_on_every_path()
    {
        var q = new TimelineQuery { Text = "zorbal", Take = 1000 };
        var expected = await ExpectedAsync(q);
        await using var c = await _db.Factory.OpenAsync();
        var ofActor = await c.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM events WHERE lead = 1 AND status <> 'rejected' AND (source_actor_id = @a OR target_actor_id = @a)", new { a = _aliased });
        Assert.Equal(ofActor, expected.Count);
        Assert.True(expected.Count > 3);

        // The event_search path (text with filters) and the SQL path, in its small-corpus and common-word forms.
        Assert.Equal(expected, (await Events.PageTimelineAsync(q)).Select(e => e.Id));
        foreach (var common in new[] { false, true })
        {
            var (where, p) = EventRepository.BuildWhere(q, EventRepository.Side.Either, common, Search.FullText.Of(c));
            var ids = await c.QueryAsync<long>($"SELECT e.id FROM events e {where} ORDER BY e.date_value, e.id", p);
            Assert.Equal(expected, ids);
        }
    }

    [Fact]
    public async Task Keyset_cursor_walks_the_whole_match_list_in_both_directions()
    {
        foreach (var q in new[] { new TimelineQuery { Text = _words[0], Take = 7 }, new TimelineQuery { Text = _words[0], Take = 7, Descending = true, CountryA = "IRQ" } })
        {
            var expected = await ExpectedAsync(q);
            var walked = new List<long>();
            TimelineCursor? after = null;
            while (true)
            {
                var page = await Events.PageTimelineAsync(q with { After = after });
                if (page.Count == 0)
                {
                    break;
                }

                walked.AddRange(page.Select(e => e.Id));
                after = page[^1].Cursor;
            }

            Assert.True(expected.Count > 14);
            Assert.Equal(expected, walked);
        }
    }

    [SqliteFact]
    public async Task Index_holds_exactly_one_row_per_event_after_the_edits()
    {
        await using var c = await _db.Factory.OpenAsync();
        var events = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM events");
        // A contentless index cannot be listed, but every event carries an 'ar<article>' facet token once.
        var indexed = 0L;
        foreach (var article in await c.QueryAsync<long>("SELECT id FROM articles"))
        {
            indexed += await c.ExecuteScalarAsync<long>("SELECT count(*) FROM event_search WHERE event_search MATCH @m", new { m = $"facets : ar{article}" });
        }

        Assert.Equal(events, indexed);
        var stale = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM event_search WHERE event_search MATCH 'facets : strejected'");
        Assert.Equal(await c.ExecuteScalarAsync<long>("SELECT count(*) FROM events WHERE status = 'rejected'"), stale);
    }

    /// <summary>Event ids in timeline order, by the old SQL path: filters on events, words on search_index.</summary>
    private async Task<List<long>> ExpectedAsync(TimelineQuery q)
    {
        await using var c = await _db.Factory.OpenAsync();
        // The words are in the event's text, or name its source or target actor (name, aliases, title,
        // role): read from search_index on either engine (FTS5 or tsvector), not from the tables the
        // timeline's own paths use.
        var text = Search.FullText.Of(c);
        var named = $"SELECT rowid / 4 FROM search_index WHERE {text.SearchMatch("@fts")} AND rowid % 4 = 3";
        var where = new List<string>
        {
            $"(e.id IN (SELECT rowid / 4 FROM search_index WHERE {text.SearchMatch("@fts")} AND rowid % 4 = 2) OR e.source_actor_id IN ({named}) OR e.target_actor_id IN ({named}))",
        };
        if (q.Corroborated) where.Add("e.cluster_id IN (SELECT id FROM event_clusters WHERE source_count >= 2)");
        if (!q.IncludeRejected) where.Add("e.status <> 'rejected'");
        // The timeline lists one lead report per event unless asked for every report.
        if (!q.Reports) where.Add("e.lead = 1");
        if (q.CountryA is not null && q.CountryB is not null) where.Add("e.dyad = @dyad");
        else if (q.CountryA is not null) where.Add("(e.source_country = @ca OR e.target_country = @ca)");
        if (q.ActorId is not null) where.Add("(e.source_actor_id = @actor OR e.target_actor_id = @actor)");
        if (q.TagId is not null) where.Add("(e.source_actor_id IN (SELECT actor_id FROM actor_tags WHERE tag_id = @tag) OR e.target_actor_id IN (SELECT actor_id FROM actor_tags WHERE tag_id = @tag))");
        if (q.Root is not null) where.Add("e.root = @root");
        if (q.QuadClass is not null) where.Add("e.quad_class = @quad");
        if (q.ArticleId is not null) where.Add("e.article_id = @article");
        if (q.From is not null) where.Add("e.date_value >= @from");
        if (q.To is not null) where.Add("e.date_value <= @to");
        var order = q.Descending ? "e.date_value DESC, e.id DESC" : "e.date_value, e.id";
        return (await c.QueryAsync<long>($"SELECT e.id FROM events e WHERE {string.Join(" AND ", where)} ORDER BY {order}", new
        {
            fts = text.Query(q.Text),
            dyad = q.CountryA is not null && q.CountryB is not null ? EventRepository.DyadKey(q.CountryA, q.CountryB) : null,
            ca = q.CountryA, actor = q.ActorId, tag = q.TagId, root = q.Root, quad = q.QuadClass, article = q.ArticleId,
            from = q.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            to = q.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        })).ToList();
    }

    private static string Describe(TimelineQuery q) => q.ToString();
}
