using Dapper;
using IraqCoalition.Core.Events;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Audit;
using IraqCoalition.Data.Clusters;
using IraqCoalition.Data.Sqlite;
using Microsoft.Data.Sqlite;

namespace IraqCoalition.Data.Editing;

/// <summary>An editor's correction of an event; null fields are left as they are.</summary>
public sealed record EventCorrection
{
    public required int Version { get; init; }
    public string? Code { get; init; }
    public long? SourceActorId { get; init; }
    public long? TargetActorId { get; init; }
    public DateOnly? Date { get; init; }
    public DateOnly? DateStart { get; init; }
    public DateOnly? DateEnd { get; init; }
    public string? Summary { get; init; }
}

/// <summary>
/// Corrections to extracted events and statements. A corrected, verified or rejected row is marked
/// edited (or keeps its status) so that re-running extraction on the article leaves it alone.
/// </summary>
public sealed class CorrectionService(SqliteConnectionFactory factory, CameoCodebook codebook)
{
    public const string Extracted = "extracted";
    public const string Verified = "verified";
    public const string Rejected = "rejected";

    private sealed class EventSnapshot
    {
        public long Id { get; init; }
        public string Code { get; init; } = "";
        public string Label { get; init; } = "";
        public double Goldstein { get; init; }
        public int QuadClass { get; init; }
        public long? SourceActorId { get; init; }
        public long? TargetActorId { get; init; }
        public string DateValue { get; init; } = "";
        public string DateStart { get; init; } = "";
        public string DateEnd { get; init; } = "";
        public string DatePrecision { get; init; } = "";
        public string? Summary { get; init; }
        public string Status { get; init; } = "";
        public int Version { get; init; }
    }

    public Task UpdateEventAsync(UserContext user, long eventId, EventCorrection fix, CancellationToken ct = default)
    {
        Authorization.Require(user, Roles.Editor, "correct events");
        ArgumentNullException.ThrowIfNull(fix);
        CameoCode? code = null;
        if (fix.Code is not null)
        {
            code = codebook.TryGet(fix.Code.Trim(), out var known) ? known : throw new ArgumentException($"'{fix.Code}' is not a CAMEO event code.", nameof(fix));
        }

        return factory.InTransactionAsync(async (c, tx) =>
        {
            var before = await GetEventAsync(c, tx, eventId);
            var start = fix.DateStart ?? fix.Date;
            var end = fix.DateEnd ?? fix.Date;
            if (start is { } s && end is { } e && e < s)
            {
                throw new ArgumentException("The date range ends before it starts.", nameof(fix));
            }

            var value = fix.Date ?? start;
            var updated = await c.ExecuteAsync("""
                UPDATE events SET
                    code = COALESCE(@Code, code), root = COALESCE(@Root, root), label = COALESCE(@Label, label),
                    goldstein = COALESCE(@Goldstein, goldstein), quad_class = COALESCE(@QuadClass, quad_class),
                    source_actor_id = COALESCE(@SourceActorId, source_actor_id),
                    target_actor_id = COALESCE(@TargetActorId, target_actor_id),
                    source_country = CASE WHEN @SourceActorId IS NULL THEN source_country ELSE (SELECT country FROM actors WHERE id = @SourceActorId) END,
                    target_country = CASE WHEN @TargetActorId IS NULL THEN target_country ELSE (SELECT country FROM actors WHERE id = @TargetActorId) END,
                    date_value = COALESCE(@DateValue, date_value), date_start = COALESCE(@DateStart, date_start),
                    date_end = COALESCE(@DateEnd, date_end),
                    date_precision = CASE WHEN @DateValue IS NULL THEN date_precision WHEN @DateStart = @DateEnd THEN 'day' ELSE 'range' END,
                    date_text = CASE WHEN @DateValue IS NULL THEN date_text ELSE NULL END,
                    summary = COALESCE(@Summary, summary),
                    edited = 1, version = version + 1, updated_at = @now
                WHERE id = @eventId AND version = @Version
                """,
                new
                {
                    code?.Code, code?.Root, code?.Label, Goldstein = code?.Goldstein, QuadClass = code?.QuadClass,
                    fix.SourceActorId, fix.TargetActorId,
                    DateValue = value is { } v ? Clock.Day(v) : null,
                    DateStart = start is { } ds ? Clock.Day(ds) : null,
                    DateEnd = end is { } de ? Clock.Day(de) : null,
                    Summary = string.IsNullOrWhiteSpace(fix.Summary) ? null : fix.Summary.Trim(),
                    now = Clock.Now(), eventId, fix.Version,
                }, tx);
            if (updated == 0)
            {
                throw await ActorEditService.ConflictAsync(c, tx, "event", eventId, fix.Version, before.Version);
            }

            await RecountClusterAsync(c, tx, eventId);
            await AuditLog.WriteAsync(c, tx, user, "event.update", "event", eventId, before, await GetEventAsync(c, tx, eventId));
            return 0;
        }, ct);
    }

    public Task SetEventStatusAsync(UserContext user, long eventId, string status, int version, CancellationToken ct = default) =>
        SetStatusAsync(user, "event", "events", eventId, status, version, ct);

    public Task SetStatementStatusAsync(UserContext user, long statementId, string status, int version, CancellationToken ct = default) =>
        SetStatusAsync(user, "statement", "statements", statementId, status, version, ct);

    public Task ChangeSpeakerAsync(UserContext user, long statementId, long? speakerActorId, int version, CancellationToken ct = default)
    {
        Authorization.Require(user, Roles.Editor, "change statement speakers");
        return factory.InTransactionAsync(async (c, tx) =>
        {
            var before = await c.QuerySingleOrDefaultAsync<(long? Speaker, int Version)?>(
                "SELECT speaker_actor_id, version FROM statements WHERE id = @statementId", new { statementId }, tx)
                ?? throw new KeyNotFoundException($"No statement {statementId}.");
            if (speakerActorId is { } sid && await c.ExecuteScalarAsync<int>("SELECT count(*) FROM actors WHERE id = @sid", new { sid }, tx) == 0)
            {
                throw new KeyNotFoundException($"No actor {sid}.");
            }

            var updated = await c.ExecuteAsync("""
                UPDATE statements SET speaker_actor_id = @speakerActorId, edited = 1, version = version + 1, updated_at = @now
                WHERE id = @statementId AND version = @version
                """, new { speakerActorId, now = Clock.Now(), statementId, version }, tx);
            if (updated == 0)
            {
                throw await ActorEditService.ConflictAsync(c, tx, "statement", statementId, version, before.Version);
            }

            await AuditLog.WriteAsync(c, tx, user, "statement.speaker", "statement", statementId, new { speakerActorId = before.Speaker }, new { speakerActorId });
            return 0;
        }, ct);
    }

    private Task SetStatusAsync(UserContext user, string entity, string table, long id, string status, int version, CancellationToken ct)
    {
        var verb = status switch
        {
            Rejected => "reject",
            Verified => "verify",
            Extracted => "restore",
            _ => throw new ArgumentException($"Unknown status '{status}'.", nameof(status)),
        };
        Authorization.Require(user, Roles.Editor, $"{verb} {entity}s");
        return factory.InTransactionAsync(async (c, tx) =>
        {
            // table is one of two literals chosen by the public methods above.
            var before = await c.QuerySingleOrDefaultAsync<(string Status, int Version)?>(
                $"SELECT status, version FROM {table} WHERE id = @id", new { id }, tx)
                ?? throw new KeyNotFoundException($"No {entity} {id}.");
            var updated = await c.ExecuteAsync(
                $"UPDATE {table} SET status = @status, edited = 1, version = version + 1, updated_at = @now WHERE id = @id AND version = @version",
                new { status, now = Clock.Now(), id, version }, tx);
            if (updated == 0)
            {
                throw await ActorEditService.ConflictAsync(c, tx, entity, id, version, before.Version);
            }

            if (table == "events")
            {
                // A rejected lead hands the event to its next report.
                await RecountClusterAsync(c, tx, id);
            }

            await AuditLog.WriteAsync(c, tx, user, $"{entity}.{verb}", entity, id, new { status = before.Status }, new { status });
            return 0;
        }, ct);
    }

    private static async Task RecountClusterAsync(SqliteConnection c, SqliteTransaction tx, long eventId)
    {
        if (await ClusterStore.OfEventAsync(c, tx, eventId) is { } cluster)
        {
            await ClusterStore.RecountAsync(c, tx, [cluster]);
        }
    }

    private static async Task<EventSnapshot> GetEventAsync(SqliteConnection c, SqliteTransaction tx, long id) =>
        await c.QuerySingleOrDefaultAsync<EventSnapshot>("""
            SELECT id, code, label, goldstein, quad_class, source_actor_id, target_actor_id, date_value, date_start, date_end,
                   date_precision, summary, status, version
            FROM events WHERE id = @id
            """, new { id }, tx)
        ?? throw new KeyNotFoundException($"No event {id}.");
}
