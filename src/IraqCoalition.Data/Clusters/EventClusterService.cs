using Dapper;
using IraqCoalition.Core.Clustering;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Audit;
using IraqCoalition.Data.Editing;
using IraqCoalition.Data.Storage;
using System.Data.Common;

namespace IraqCoalition.Data.Clusters;

/// <summary>One real-world event as the pages show it: its lead report and how widely it was reported.</summary>
public sealed class EventCluster
{
    public long Id { get; init; }
    public long? LeadEventId { get; init; }
    public string DateStart { get; init; } = "";
    public string DateEnd { get; init; } = "";
    public int ReportCount { get; init; }
    public int ArticleCount { get; init; }
    public int SourceCount { get; init; }
    public bool Edited { get; init; }
    public int Version { get; init; }
}

/// <summary>One report of an event, with where it was published, for the event's detail.</summary>
public sealed class ClusterReport
{
    public long Id { get; init; }
    public long ArticleId { get; init; }
    public string? ArticleTitle { get; init; }
    public string? Outlet { get; init; }
    public string? Published { get; init; }
    public string Code { get; init; } = "";
    public string Label { get; init; } = "";
    public string? SourceName { get; init; }
    public string? TargetName { get; init; }
    public string DateValue { get; init; } = "";
    public string DatePrecision { get; init; } = "";
    public string? DateText { get; init; }
    public int EvidenceStart { get; init; }
    public int EvidenceEnd { get; init; }
    public string EvidenceText { get; init; } = "";
    public string Status { get; init; } = "";
    public bool Lead { get; init; }
    public bool ClusterPinned { get; init; }
    public string? ClusterReason { get; init; }
    public int Version { get; init; }
}

/// <summary>
/// Reads event clusters and lets editors correct them: move a report to another event, split
/// reports off into an event of their own, merge two events. Edited reports are pinned (matching
/// never moves them again) and marked edited (re-extraction keeps them), and every edit is audited.
/// </summary>
public sealed class EventClusterService(ConnectionFactory factory)
{
    public ClusterMatcher Matcher { get; init; } = new();

    public async Task<EventCluster?> GetAsync(long clusterId, CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<EventCluster>(new CommandDefinition("""
            SELECT id, lead_event_id, date_start, date_end, report_count, article_count, source_count, edited, version
            FROM event_clusters WHERE id = @clusterId
            """, new { clusterId }, cancellationToken: ct));
    }

    /// <summary>How many reports and events are stored, and how many events two or more sources reported.</summary>
    public async Task<(int Reports, int Events, int Corroborated)> StatsAsync(CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        return await c.QuerySingleAsync<(int, int, int)>(new CommandDefinition("""
            SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM event_clusters WHERE report_count > 0),
                   (SELECT count(*) FROM event_clusters WHERE source_count >= 2)
            """, cancellationToken: ct));
    }

    /// <summary>Every report of the event, earliest published first.</summary>
    public async Task<IReadOnlyList<ClusterReport>> ReportsAsync(long clusterId, CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        return (await c.QueryAsync<ClusterReport>(new CommandDefinition("""
            SELECT e.id, e.article_id, a.title AS article_title, a.source AS outlet, a.published, e.code, e.label,
                   s.name AS source_name, t.name AS target_name, e.date_value, e.date_precision, e.date_text,
                   e.evidence_start, e.evidence_end, e.evidence_text, e.status, e.lead, e.cluster_pinned, e.cluster_reason, e.version
            FROM events e
            JOIN articles a ON a.id = e.article_id
            LEFT JOIN actors s ON s.id = e.source_actor_id
            LEFT JOIN actors t ON t.id = e.target_actor_id
            WHERE e.cluster_id = @clusterId
            ORDER BY e.lead DESC, a.published, e.article_id, e.evidence_start
            """, new { clusterId }, cancellationToken: ct))).ToList();
    }

    /// <summary>Moves a report to another event; it stays there whatever matching would say.</summary>
    public Task MoveAsync(UserContext user, long eventId, int eventVersion, long toClusterId, CancellationToken ct = default)
    {
        Authorization.Require(user, Roles.Editor, "move event reports");
        return factory.InTransactionAsync(async (c, tx) =>
        {
            var from = await PinAsync(c, tx, eventId, eventVersion, toClusterId);
            await ClusterStore.RecountAsync(c, tx, [from, toClusterId]);
            await MarkEditedAsync(c, tx, [toClusterId]);
            await AuditLog.WriteAsync(c, tx, user, "cluster.move", "event", eventId,
                new { cluster = from, @event = await DescribeAsync(c, tx, eventId) }, new { cluster = toClusterId });
            return 0;
        }, ct);
    }

    /// <summary>Takes these reports out of their events into one new event of their own; returns its id.</summary>
    public Task<long> SplitAsync(UserContext user, IReadOnlyDictionary<long, int> eventVersions, CancellationToken ct = default)
    {
        Authorization.Require(user, Roles.Editor, "split events");
        ArgumentNullException.ThrowIfNull(eventVersions);
        if (eventVersions.Count == 0)
        {
            throw new ArgumentException("Choose at least one report to split off.", nameof(eventVersions));
        }

        return factory.InTransactionAsync(async (c, tx) =>
        {
            var first = eventVersions.Keys.Min();
            var row = await c.QuerySingleOrDefaultAsync<(string Root, string Start, string End)?>(
                "SELECT root, date_start, date_end FROM events WHERE id = @first", new { first }, tx)
                ?? throw new KeyNotFoundException($"No event {first}.");
            var now = Clock.Now();
            var newId = await c.ExecuteScalarAsync<long>("""
                INSERT INTO event_clusters (root, roots, date_start, date_end, edited, created_at, updated_at)
                VALUES (@Root, @Root, @Start, @End, 1, @now, @now) RETURNING id
                """, new { row.Root, row.Start, row.End, now }, tx);
            var froms = new List<long>();
            foreach (var (id, version) in eventVersions)
            {
                froms.Add(await PinAsync(c, tx, id, version, newId));
            }

            await ClusterStore.RecountAsync(c, tx, [.. froms, newId]);
            await MarkEditedAsync(c, tx, froms);
            await AuditLog.WriteAsync(c, tx, user, "cluster.split", "cluster", newId,
                new { clusters = froms.Distinct().ToList() }, new { cluster = newId, reports = eventVersions.Keys.Order().ToList() });
            return newId;
        }, ct);
    }

    /// <summary>Merges event <paramref name="fromClusterId"/> into <paramref name="intoClusterId"/> (all its reports move).</summary>
    public Task MergeAsync(UserContext user, long intoClusterId, int intoVersion, long fromClusterId, int fromVersion, CancellationToken ct = default)
    {
        Authorization.Require(user, Roles.Editor, "merge events");
        if (intoClusterId == fromClusterId)
        {
            throw new ArgumentException("An event cannot be merged into itself.", nameof(fromClusterId));
        }

        return factory.InTransactionAsync(async (c, tx) =>
        {
            await CheckVersionAsync(c, tx, intoClusterId, intoVersion);
            await CheckVersionAsync(c, tx, fromClusterId, fromVersion);
            var moved = (await c.QueryAsync<long>("SELECT id FROM events WHERE cluster_id = @fromClusterId", new { fromClusterId }, tx)).ToList();
            await c.ExecuteAsync("""
                UPDATE events SET cluster_id = @intoClusterId, cluster_pinned = 1, edited = 1,
                                  cluster_reason = 'merged by an editor', version = version + 1, updated_at = @now
                WHERE cluster_id = @fromClusterId
                """, new { intoClusterId, fromClusterId, now = Clock.Now() }, tx);
            // The surviving event's own reports are pinned too, so re-matching cannot pull the merge apart.
            await c.ExecuteAsync("UPDATE events SET cluster_pinned = 1, edited = 1 WHERE cluster_id = @intoClusterId", new { intoClusterId }, tx);
            await ClusterStore.RecountAsync(c, tx, [fromClusterId, intoClusterId]);
            await MarkEditedAsync(c, tx, [intoClusterId]);
            await AuditLog.WriteAsync(c, tx, user, "cluster.merge", "cluster", intoClusterId,
                new { merged = fromClusterId, reports = moved }, new { cluster = intoClusterId });
            return 0;
        }, ct);
    }

    /// <summary>
    /// Matches every report again that no editor placed (for databases stored before clustering, or
    /// after the matching rules changed), article by article in publication order.
    /// </summary>
    public async Task<int> ReclusterAllAsync(UserContext user, IProgress<(int Done, int Total)>? progress = null, CancellationToken ct = default)
    {
        Authorization.Require(user, Roles.Editor, "re-run event clustering");
        List<long> articles;
        await using (var c = await factory.OpenAsync(ct))
        {
            articles = (await c.QueryAsync<long>("SELECT id FROM articles ORDER BY published, id")).ToList();
        }

        await factory.InTransactionAsync(async (c, tx) =>
        {
            await c.ExecuteAsync("UPDATE events SET cluster_id = NULL, lead = 1 WHERE cluster_pinned = 0", transaction: tx);
            var left = (await c.QueryAsync<long>("SELECT id FROM event_clusters", transaction: tx)).ToList();
            await ClusterStore.RecountAsync(c, tx, left);
            return 0;
        }, ct);
        for (var i = 0; i < articles.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var articleId = articles[i];
            await factory.InTransactionAsync((c, tx) => ClusterStore.AssignAsync(c, tx, articleId, Matcher), ct);
            progress?.Report((i + 1, articles.Count));
        }

        await using (var c = await factory.OpenAsync(ct))
        await using (var tx = (DbTransaction)await c.BeginTransactionAsync(ct))
        {
            await AuditLog.WriteAsync(c, tx, user, "cluster.recluster", "cluster", null, null, new { articles = articles.Count });
            await tx.CommitAsync(ct);
        }

        return articles.Count;
    }

    private static async Task<long> PinAsync(DbConnection c, DbTransaction tx, long eventId, int version, long toClusterId)
    {
        if (await c.ExecuteScalarAsync<int>("SELECT count(*) FROM event_clusters WHERE id = @toClusterId", new { toClusterId }, tx) == 0)
        {
            throw new KeyNotFoundException($"No event cluster {toClusterId}.");
        }

        var before = await c.QuerySingleOrDefaultAsync<(long? Cluster, int Version)?>(
            "SELECT cluster_id, version FROM events WHERE id = @eventId", new { eventId }, tx)
            ?? throw new KeyNotFoundException($"No event {eventId}.");
        var updated = await c.ExecuteAsync("""
            UPDATE events SET cluster_id = @toClusterId, cluster_pinned = 1, edited = 1, cluster_reason = 'placed by an editor',
                              version = version + 1, updated_at = @now
            WHERE id = @eventId AND version = @version
            """, new { toClusterId, eventId, version, now = Clock.Now() }, tx);
        if (updated == 0)
        {
            throw await ActorEditService.ConflictAsync(c, tx, "event", eventId, version, before.Version);
        }

        return before.Cluster ?? toClusterId;
    }

    private static async Task CheckVersionAsync(DbConnection c, DbTransaction tx, long clusterId, int version)
    {
        var current = await c.ExecuteScalarAsync<int?>("SELECT version FROM event_clusters WHERE id = @clusterId", new { clusterId }, tx)
            ?? throw new KeyNotFoundException($"No event cluster {clusterId}.");
        if (current != version)
        {
            throw await ActorEditService.ConflictAsync(c, tx, "event cluster", clusterId, version, current);
        }
    }

    private static Task MarkEditedAsync(DbConnection c, DbTransaction tx, IEnumerable<long> clusterIds) =>
        c.ExecuteAsync($"UPDATE event_clusters SET edited = 1, version = version + 1 WHERE {SqlDialect.Of(c).In("id", "@ids")}", new { ids = clusterIds.Distinct().ToList() }, tx);

    private static Task<string?> DescribeAsync(DbConnection c, DbTransaction tx, long eventId) =>
        c.ExecuteScalarAsync<string?>("""
            SELECT e.label || ' (' || e.date_value || ', ' || coalesce(a.title, 'article ' || a.id) || ')'
            FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id = @eventId
            """, new { eventId }, tx);
}
