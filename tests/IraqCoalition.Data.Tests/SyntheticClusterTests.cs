using Dapper;
using IraqCoalition.Core.Events;
using IraqCoalition.Data.Events;
using IraqCoalition.Data.Synthetic;

namespace IraqCoalition.Data.Tests;

/// <summary>
/// The benchmark database has event clusters as ingestion would leave them: every report in exactly
/// one cluster with one lead, counts that agree with the reports, and news-like repeat rates.
/// </summary>
public sealed class SyntheticClusterTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await new SyntheticSeeder(_db.Factory, CameoCodebook.Default.Codes.ToList())
            .SeedAsync(new SyntheticOptions { Articles = 400, Actors = 150, Events = 4_000, From = new(2019, 10, 1), To = new(2020, 3, 31) });
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Every_report_is_in_one_cluster_whose_counts_agree_with_its_reports()
    {
        await using var c = await _db.Factory.OpenAsync();

        Assert.Equal(4_000, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM events WHERE cluster_id IS NOT NULL"));
        var wrong = await c.QueryAsync<long>("""
            SELECT k.id FROM event_clusters k
            WHERE k.report_count <> (SELECT count(*) FROM events e WHERE e.cluster_id = k.id)
               OR k.article_count <> (SELECT count(DISTINCT e.article_id) FROM events e WHERE e.cluster_id = k.id)
               OR k.source_count <> (SELECT count(DISTINCT a.source) FROM events e JOIN articles a ON a.id = e.article_id WHERE e.cluster_id = k.id)
               OR (SELECT count(*) FROM events e WHERE e.cluster_id = k.id AND e.lead = 1) <> 1
               OR k.lead_event_id <> (SELECT e.id FROM events e WHERE e.cluster_id = k.id AND e.lead = 1)
               OR EXISTS (SELECT 1 FROM events e WHERE e.cluster_id = k.id
                          AND (e.root <> k.root OR e.date_start < k.date_start OR e.date_end > k.date_end
                               OR e.source_actor_id <> (SELECT l.source_actor_id FROM events l WHERE l.id = k.lead_event_id)))
            """);
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Acts_repeat_as_news_does_and_the_timeline_lists_each_once()
    {
        await using var c = await _db.Factory.OpenAsync();
        var clusters = await c.ExecuteScalarAsync<int>("SELECT count(*) FROM event_clusters");
        var single = await c.ExecuteScalarAsync<int>("SELECT count(*) FROM event_clusters WHERE report_count = 1");
        var wide = await c.ExecuteScalarAsync<int>("SELECT count(*) FROM event_clusters WHERE report_count >= 5 AND source_count >= 3");

        var mean = 4_000.0 / clusters;
        Assert.InRange(mean, 1.8, 2.8);
        Assert.InRange(single / (double)clusters, 0.45, 0.65);
        Assert.True(wide > 0, "no act is reported widely");

        var timeline = await new EventRepository(_db.Factory).QueryTimelineAsync(new TimelineQuery { Take = 10 });
        Assert.Equal(clusters, timeline.Total);
    }
}
