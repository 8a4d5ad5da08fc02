using Dapper;
using IraqCoalition.Core.Articles;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Audit;
using IraqCoalition.Data.Clusters;
using IraqCoalition.Data.Editing;
using IraqCoalition.Data.Events;

namespace IraqCoalition.Data.Tests;

/// <summary>Event clusters on a real database with the real extraction: one event, many reports.</summary>
public sealed class ClusterTests : IAsyncLifetime
{
    private static readonly UserContext Editor = new("eve", Roles.Editor);
    private static readonly UserContext Analyst = new("ann", Roles.Analyst);

    private readonly TempDatabase _db = new();
    private long _wire, _gulf, _march;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        var ingestion = _db.Ingestion();
        _wire = (await ingestion.IngestAsync(new Article
        {
            Source = "Tigris Wire", Title = "Drone strike kills Soleimani", Published = new DateOnly(2020, 1, 3),
            Body = "BAGHDAD — A U.S. drone strike near Baghdad International Airport killed Iranian Gen. Qassem Soleimani early Friday, the Pentagon said.",
        })).ArticleId;
        _gulf = (await ingestion.IngestAsync(new Article
        {
            Source = "Gulf Observer", Title = "Iran mourns its general", Published = new DateOnly(2020, 1, 4),
            Body = "The United States killed Qassem Soleimani in a drone strike at Baghdad airport on Friday. Iran's supreme leader Ali Khamenei vowed revenge on Saturday.",
        })).ArticleId;
        _march = (await ingestion.IngestAsync(new Article
        {
            Source = "Tigris Wire", Title = "U.S. strikes militia depots", Published = new DateOnly(2020, 3, 13),
            Body = "WASHINGTON — U.S. aircraft struck Kataib Hezbollah weapons depots in Iraq on Thursday, the Pentagon said.",
        })).ArticleId;
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private EventRepository Events => new(_db.Factory);
    private EventClusterService Clusters => new(_db.Factory);

    private async Task<IReadOnlyList<TimelineEvent>> Timeline(TimelineQuery? q = null) =>
        (await Events.QueryTimelineAsync(q ?? new TimelineQuery { Take = 100 })).Items;

    /// <summary>The January strike's event: the one holding the wire's report (which an editor never moves here).</summary>
    private async Task<TimelineEvent> Strike()
    {
        await using var c = await _db.Factory.OpenAsync();
        var cluster = await c.ExecuteScalarAsync<long>("SELECT cluster_id FROM events WHERE article_id = @_wire AND root IN ('18', '19')", new { _wire });
        return (await Timeline()).Single(e => e.ClusterId == cluster);
    }

    [Fact]
    public async Task Two_outlets_reporting_the_strike_make_one_event_with_two_reports_and_two_sources()
    {
        var strike = await Strike();
        Assert.Equal(2, strike.ReportCount);
        Assert.Equal(2, strike.SourceCount);
        var reports = await Clusters.ReportsAsync(strike.ClusterId!.Value);
        Assert.Equal([_wire, _gulf], reports.Select(r => r.ArticleId).Order());
        Assert.Single(reports, r => r.Lead);
        Assert.Contains(reports, r => r.ClusterReason!.StartsWith("joined event", StringComparison.Ordinal));

        // Three events on the timeline (strike, Khamenei's vow, the March strikes); four reports in all.
        Assert.Equal(3, (await Timeline()).Count);
        Assert.Equal(4, (await Timeline(new TimelineQuery { Reports = true })).Count);
        var corroborated = await Timeline(new TimelineQuery { Corroborated = true });
        Assert.Equal(strike.Id, Assert.Single(corroborated).Id);
        Assert.Equal(strike.Id, Assert.Single(await Timeline(new TimelineQuery { Text = "Soleimani", Corroborated = true })).Id);
    }

    [Fact]
    public async Task The_relationship_series_counts_events_or_reports()
    {
        var events = await Events.DyadSeriesAsync("USA", "IRN");
        var reports = await Events.DyadSeriesAsync("USA", "IRN", reports: true);
        Assert.True(reports.Sum(w => w.Events) > events.Sum(w => w.Events), "the strike is one event but two reports");
    }

    [Fact]
    public async Task Re_extraction_keeps_one_event_per_happening_and_drops_emptied_clusters()
    {
        var before = await Timeline();
        await _db.Ingestion().ReextractAsync(_gulf);
        await _db.Ingestion().ReextractAsync(_wire);
        var after = await Timeline();
        Assert.Equal(before.Count, after.Count);
        Assert.Equal(2, (await Strike()).ReportCount);
        await using var c = await _db.Factory.OpenAsync();
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM event_clusters c WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.cluster_id = c.id)"));
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM event_clusters c WHERE (SELECT count(*) FROM events e WHERE e.cluster_id = c.id AND e.lead = 1) <> 1"));
    }

    [Fact]
    public async Task Rejecting_the_lead_hands_the_event_to_its_other_report()
    {
        var strike = await Strike();
        await new CorrectionService(_db.Factory, Core.Events.CameoCodebook.Default).SetEventStatusAsync(Editor, strike.Id, CorrectionService.Rejected, strike.Version);
        var now = await Strike();
        Assert.NotEqual(strike.Id, now.Id);
        Assert.Equal(strike.ClusterId, now.ClusterId);
        Assert.Equal(1, now.ReportCount);
    }

    [Fact]
    public async Task Editors_split_move_and_merge_and_the_edits_survive_re_extraction()
    {
        var strike = await Strike();
        var reports = await Clusters.ReportsAsync(strike.ClusterId!.Value);
        var gulfReport = reports.Single(r => r.ArticleId == _gulf);

        var split = await Clusters.SplitAsync(Editor, new Dictionary<long, int> { [gulfReport.Id] = gulfReport.Version });
        Assert.Equal(1, (await Strike()).ReportCount);
        Assert.Single(await Clusters.ReportsAsync(split));

        // Re-extraction does not pull the split report back.
        await _db.Ingestion().ReextractAsync(_gulf);
        Assert.Single(await Clusters.ReportsAsync(split));

        var into = (await Clusters.GetAsync(strike.ClusterId.Value))!;
        var from = (await Clusters.GetAsync(split))!;
        await Clusters.MergeAsync(Editor, into.Id, into.Version, from.Id, from.Version);
        Assert.Equal(2, (await Strike()).ReportCount);
        Assert.Null(await Clusters.GetAsync(split));

        // Move the March strike's report into the January event, then back out by a split.
        var march = (await Timeline()).Single(e => e.ArticleId == _march);
        await Clusters.MoveAsync(Editor, march.Id, march.Version, into.Id);
        Assert.Equal(3, (await Clusters.ReportsAsync(into.Id)).Count);

        var trail = (await new AuditLog(_db.Factory).QueryAsync(new AuditQuery { Take = 50 })).Items.Select(a => a.Action).ToList();
        Assert.Contains("cluster.split", trail);
        Assert.Contains("cluster.merge", trail);
        Assert.Contains("cluster.move", trail);
    }

    [Fact]
    public async Task Analysts_cannot_edit_clusters_and_stale_versions_conflict()
    {
        var strike = await Strike();
        var cluster = (await Clusters.GetAsync(strike.ClusterId!.Value))!;
        await Assert.ThrowsAsync<ForbiddenException>(() => Clusters.MoveAsync(Analyst, strike.Id, strike.Version, cluster.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => Clusters.SplitAsync(UserContext.Anonymous, new Dictionary<long, int> { [strike.Id] = strike.Version }));
        await Assert.ThrowsAsync<ForbiddenException>(() => Clusters.MergeAsync(Analyst, cluster.Id, cluster.Version, cluster.Id + 1, 1));
        await Assert.ThrowsAsync<ForbiddenException>(() => Clusters.ReclusterAllAsync(Analyst));

        var march = (await Timeline()).Single(e => e.ArticleId == _march);
        await Assert.ThrowsAsync<ConcurrencyException>(() => Clusters.MoveAsync(Editor, march.Id, march.Version - 1, cluster.Id));
        var other = (await Clusters.GetAsync(march.ClusterId!.Value))!;
        await Assert.ThrowsAsync<ConcurrencyException>(() => Clusters.MergeAsync(Editor, cluster.Id, cluster.Version + 5, other.Id, other.Version));
    }

    [Fact]
    public async Task Reclustering_everything_gives_the_same_events()
    {
        var before = (await Timeline()).Select(e => (e.DateValue, e.ReportCount)).ToList();
        await Clusters.ReclusterAllAsync(Editor);
        Assert.Equal(before, (await Timeline()).Select(e => (e.DateValue, e.ReportCount)).ToList());
        var stats = await Clusters.StatsAsync();
        Assert.Equal((4, 3, 1), stats);
    }
}
