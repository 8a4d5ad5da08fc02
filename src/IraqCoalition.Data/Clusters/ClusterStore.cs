using Dapper;
using IraqCoalition.Data.Storage;
using IraqCoalition.Core.Clustering;
using System.Data.Common;

namespace IraqCoalition.Data.Clusters;

/// <summary>
/// Puts event reports into event clusters and keeps each cluster's profile, counts and lead in step
/// with its reports. Runs inside the caller's transaction (ingestion, re-extraction, corrections,
/// editors' cluster edits), so a cluster never disagrees with its reports.
/// </summary>
internal static class ClusterStore
{
    private sealed class ReportRow
    {
        public long Id { get; init; }
        public long ArticleId { get; init; }
        public string? Outlet { get; init; }
        public string? Published { get; init; }
        public string Root { get; init; } = "";
        public long? SourceActorId { get; init; }
        public string? SourceCountry { get; init; }
        public long? TargetActorId { get; init; }
        public string? TargetCountry { get; init; }
        public string DateStart { get; init; } = "";
        public string DateEnd { get; init; } = "";
        public string DatePrecision { get; init; } = "";
        public string EvidenceText { get; init; } = "";
        public string Status { get; init; } = "";
        public long? ClusterId { get; init; }

        public EventReport ToReport() => new()
        {
            Id = Id, ArticleId = ArticleId, Outlet = Outlet, Root = Root,
            SourceActor = SourceActorId, SourceCountry = SourceCountry,
            TargetActor = TargetActorId, TargetCountry = TargetCountry,
            Start = EventReport.Day(DateStart), End = EventReport.Day(DateEnd), Precision = DatePrecision,
            Terms = EvidenceTerms.Of(EvidenceText),
        };
    }

    private sealed class ProfileRow
    {
        public long Id { get; init; }
        public string Roots { get; init; } = "";
        public string Sources { get; init; } = "";
        public string Targets { get; init; } = "";
        public string Terms { get; init; } = "";
        public string DateStart { get; init; } = "";
        public string DateEnd { get; init; } = "";
        public int Reports { get; init; }
    }

    private const string ReportColumns = """
        e.id, e.article_id, coalesce(nullif(trim(a.source), ''), 'article ' || a.id) AS outlet, a.published,
        e.root, e.source_actor_id, e.source_country, e.target_actor_id, e.target_country,
        e.date_start, e.date_end, e.date_precision, e.evidence_text, e.status, e.cluster_id
        FROM events e JOIN articles a ON a.id = e.article_id
        """;

    /// <summary>Clusters every report of the article that has none yet, in text order, so a later report can join an earlier one of the same article.</summary>
    public static async Task<int> AssignAsync(DbConnection c, DbTransaction tx, long articleId, ClusterMatcher matcher)
    {
        var rows = (await c.QueryAsync<ReportRow>(
            $"SELECT {ReportColumns} WHERE e.article_id = @articleId AND e.cluster_id IS NULL ORDER BY e.evidence_start, e.id",
            new { articleId }, tx)).ToList();
        var touched = new HashSet<long>();
        foreach (var row in rows)
        {
            var report = row.ToReport();
            var candidates = await CandidatesAsync(c, tx, report, matcher);
            var decision = matcher.Decide(report, candidates);
            var clusterId = decision.ClusterId ?? await FoundAsync(c, tx, report);
            await c.ExecuteAsync(
                "UPDATE events SET cluster_id = @clusterId, cluster_reason = @Reason WHERE id = @Id",
                new { clusterId, decision.Reason, row.Id }, tx);
            // The profile changes with each report, so the next report of this article sees it.
            await RecountAsync(c, tx, [clusterId]);
            touched.Add(clusterId);
        }

        return touched.Count;
    }

    /// <summary>
    /// The clusters a report could join: a compatible root and a start no more than
    /// <see cref="ClusterMatcher.LookBackDays"/> before the report's interval. One indexed pass
    /// (ix_clusters_window, which carries the dates and sides) finds them without reading table rows;
    /// only those whose sides and dates could still reach the threshold
    /// (<see cref="ClusterMatcher.MaxScore"/>) are read whole, so a report meeting thousands of
    /// same-week clusters on a large record reads a few hundred (bench-ingest: median 982 in the window, 226 read).
    /// </summary>
    public static async Task<IReadOnlyList<ClusterProfile>> CandidatesAsync(DbConnection c, DbTransaction? tx, EventReport report, ClusterMatcher matcher)
    {
        var roots = RootCompatibility.Default.With(report.Root).ToArray();
        var window = await c.QueryAsync<(long Id, string Sources, string Targets, string DateStart, string DateEnd)>($"""
            SELECT id, sources, targets, date_start, date_end
            FROM event_clusters
            WHERE {SqlDialect.Of(c).In("root", "@roots")} AND date_start >= @lo AND date_start <= @hi AND date_end >= @start AND report_count > 0
            """,
            new
            {
                roots,
                lo = Clock.Day(report.Start.AddDays(-ClusterMatcher.LookBackDays)),
                hi = Clock.Day(report.End.AddDays(1)),
                start = Clock.Day(report.Start.AddDays(-1)),
            }, tx);
        var ids = window
            .Where(w => matcher.MaxScore(report, w.Sources, w.Targets, EventReport.Day(w.DateStart), EventReport.Day(w.DateEnd)) >= matcher.Threshold)
            .Select(w => w.Id)
            .ToList();
        var profiles = new List<ClusterProfile>(ids.Count);
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await c.QueryAsync<ProfileRow>($"""
                SELECT id, roots, sources, targets, terms, date_start, date_end, report_count AS reports FROM event_clusters WHERE {SqlDialect.Of(c).In("id", "@chunk")}
                """, new { chunk }, tx);
            profiles.AddRange(rows.Select(r => new ClusterProfile
            {
                Id = r.Id,
                Roots = SideKeys.Parse(r.Roots),
                Sources = SideKeys.Parse(r.Sources),
                Targets = SideKeys.Parse(r.Targets),
                Terms = SideKeys.Parse(r.Terms),
                Start = EventReport.Day(r.DateStart),
                End = EventReport.Day(r.DateEnd),
                Reports = r.Reports,
            }));
        }

        return profiles;
    }

    private static Task<long> FoundAsync(DbConnection c, DbTransaction tx, EventReport report)
    {
        var now = Clock.Now();
        return c.ExecuteScalarAsync<long>("""
            INSERT INTO event_clusters (root, roots, date_start, date_end, created_at, updated_at)
            VALUES (@Root, @Root, @start, @end, @now, @now)
            RETURNING id
            """, new { report.Root, start = Clock.Day(report.Start), end = Clock.Day(report.End), now }, tx);
    }

    /// <summary>
    /// Recomputes profile, counts and lead of these clusters from their reports; a cluster left
    /// without reports is deleted. The lead is the report a reader should see first: not rejected,
    /// the most precise date, then the earliest, then one naming both sides, then the earliest article.
    /// </summary>
    public static async Task RecountAsync(DbConnection c, DbTransaction tx, IEnumerable<long> clusterIds)
    {
        foreach (var id in clusterIds.Distinct())
        {
            var reports = (await c.QueryAsync<ReportRow>(
                $"SELECT {ReportColumns} WHERE e.cluster_id = @id", new { id }, tx)).ToList();
            if (reports.Count == 0)
            {
                await c.ExecuteAsync("DELETE FROM event_clusters WHERE id = @id", new { id }, tx);
                continue;
            }

            var lead = reports
                .OrderBy(r => r.Status == "rejected" ? 1 : 0)
                .ThenBy(r => EventReport.Day(r.DateEnd).DayNumber - EventReport.Day(r.DateStart).DayNumber)
                .ThenBy(r => r.DateStart, StringComparer.Ordinal)
                .ThenBy(r => (r.SourceActorId is null ? 1 : 0) + (r.TargetActorId is null ? 1 : 0))
                .ThenBy(r => r.Published ?? "9999", StringComparer.Ordinal)
                .ThenBy(r => r.Id)
                .First();
            var live = reports.Where(r => r.Status != "rejected").DefaultIfEmpty(lead).ToList();
            var profile = ClusterProfile.Of(id, live.Select(r => r.ToReport()).ToList());
            var outlets = live.Select(r => r.Outlet).Distinct(StringComparer.OrdinalIgnoreCase).Count();
            await c.ExecuteAsync("""
                UPDATE event_clusters SET
                    lead_event_id = @leadId, root = @root, roots = @roots, sources = @sources, targets = @targets, terms = @terms,
                    date_start = @start, date_end = @end, report_count = @reports, article_count = @articles, source_count = @outlets,
                    updated_at = @now
                WHERE id = @id
                """,
                new
                {
                    leadId = lead.Id, root = lead.Root, roots = SideKeys.Join(profile.Roots),
                    sources = SideKeys.Join(profile.Sources), targets = SideKeys.Join(profile.Targets), terms = SideKeys.Join(profile.Terms),
                    start = Clock.Day(profile.Start), end = Clock.Day(profile.End),
                    reports = live.Count, articles = live.Select(r => r.ArticleId).Distinct().Count(),
                    outlets,
                    now = Clock.Now(), id,
                }, tx);
            // Only rows whose flag changes are written: each write re-indexes the row for search.
            await c.ExecuteAsync(
                "UPDATE events SET lead = CASE WHEN id = @leadId THEN 1 ELSE 0 END WHERE cluster_id = @id AND lead <> CASE WHEN id = @leadId THEN 1 ELSE 0 END",
                new { leadId = lead.Id, id }, tx);
            var corroborated = outlets >= 2 ? 1 : 0;
            await c.ExecuteAsync(
                "UPDATE events SET corroborated = @corroborated WHERE cluster_id = @id AND corroborated <> @corroborated",
                new { corroborated, id }, tx);
        }
    }

    /// <summary>The clusters of an article's reports (before they are deleted or changed).</summary>
    public static async Task<IReadOnlyList<long>> OfArticleAsync(DbConnection c, DbTransaction tx, long articleId) =>
        (await c.QueryAsync<long>(
            "SELECT DISTINCT cluster_id FROM events WHERE article_id = @articleId AND cluster_id IS NOT NULL",
            new { articleId }, tx)).ToList();

    /// <summary>The clusters with a report by or on this actor.</summary>
    public static async Task<IReadOnlyList<long>> OfActorAsync(DbConnection c, DbTransaction tx, long actorId) =>
        (await c.QueryAsync<long>("""
            SELECT cluster_id FROM events WHERE source_actor_id = @actorId AND cluster_id IS NOT NULL
            UNION
            SELECT cluster_id FROM events WHERE target_actor_id = @actorId AND cluster_id IS NOT NULL
            """, new { actorId }, tx)).ToList();

    public static async Task<long?> OfEventAsync(DbConnection c, DbTransaction tx, long eventId) =>
        await c.ExecuteScalarAsync<long?>("SELECT cluster_id FROM events WHERE id = @eventId", new { eventId }, tx);
}
