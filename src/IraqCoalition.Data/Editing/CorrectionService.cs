using Dapper;
using IraqCoalition.Core.Events;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Audit;
using IraqCoalition.Data.Clusters;
using IraqCoalition.Data.Storage;
using System.Data.Common;

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

    /// <summary>Where it happened; an empty string clears it.</summary>
    public string? Location { get; init; }
}

/// <summary>An editor's correction of a statement; null fields are left as they are.</summary>
public sealed record StatementCorrection
{
    public required int Version { get; init; }

    /// <summary>The new content span (both or neither): the statement's text becomes the article's text there.</summary>
    public int? ContentStart { get; init; }
    public int? ContentEnd { get; init; }

    /// <summary>The reporting verb ("said", "warned"); an empty string clears it.</summary>
    public string? Cue { get; init; }
    public bool? Direct { get; init; }
    public DateOnly? Date { get; init; }
}

/// <summary>
/// Corrections to extracted events and statements. A corrected, verified or rejected row is marked
/// edited (or keeps its status) so that re-running extraction on the article leaves it alone.
/// </summary>
public sealed class CorrectionService(ConnectionFactory factory, CameoCodebook codebook)
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
        public string? Source { get; init; }
        public string? Target { get; init; }
        public string DateValue { get; init; } = "";
        public string DateStart { get; init; } = "";
        public string DateEnd { get; init; } = "";
        public string DatePrecision { get; init; } = "";
        public string? Summary { get; init; }
        public string? Location { get; init; }
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
                    location = CASE WHEN @Location IS NULL THEN location ELSE NULLIF(@Location, '') END,
                    edited = 1, corrected = 1, reviewed_at = @now, review_note = NULL, version = version + 1, updated_at = @now
                WHERE id = @eventId AND version = @Version
                """,
                new
                {
                    code?.Code, code?.Root, code?.Label, Goldstein = code?.Goldstein, QuadClass = code?.QuadClass,
                    fix.SourceActorId, fix.TargetActorId,
                    DateValue = value is { } v ? Clock.Day(v) : null,
                    DateStart = start is { } ds ? Clock.Day(ds) : null,
                    DateEnd = end is { } de ? Clock.Day(de) : null,
                    Summary = string.IsNullOrWhiteSpace(fix.Summary) ? null : Limited(fix.Summary, 1000, "summary"),
                    Location = fix.Location is null ? null : Limited(fix.Location, 200, "location"),
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
                UPDATE statements SET speaker_actor_id = @speakerActorId, edited = 1, corrected = 1, reviewed_at = @now, review_note = NULL,
                                      version = version + 1, updated_at = @now
                WHERE id = @statementId AND version = @version
                """, new { speakerActorId, now = Clock.Now(), statementId, version }, tx);
            if (updated == 0)
            {
                throw await ActorEditService.ConflictAsync(c, tx, "statement", statementId, version, before.Version);
            }

            await AuditLog.WriteAsync(c, tx, user, "statement.speaker", "statement", statementId,
                new { speaker = await ActorNameAsync(c, tx, before.Speaker) }, new { speaker = await ActorNameAsync(c, tx, speakerActorId) });
            return 0;
        }, ct);
    }

    private sealed class StatementSnapshot
    {
        public long Id { get; init; }
        public long ArticleId { get; init; }
        public string Text { get; init; } = "";
        public bool Direct { get; init; }
        public string? Cue { get; init; }
        public int ContentStart { get; init; }
        public int ContentEnd { get; init; }
        public string? DateValue { get; init; }
        public int Version { get; init; }
    }

    /// <summary>
    /// Repairs a statement: its content span (a paraphrase that lost its end, a quotation cut short),
    /// cue, direct or reported, and date. The text always comes from the article at the new span, so a
    /// statement can never say what its source does not.
    /// </summary>
    public Task UpdateStatementAsync(UserContext user, long statementId, StatementCorrection fix, CancellationToken ct = default)
    {
        Authorization.Require(user, Roles.Editor, "correct statements");
        ArgumentNullException.ThrowIfNull(fix);
        if ((fix.ContentStart is null) != (fix.ContentEnd is null))
        {
            throw new ArgumentException("A content span needs both its start and its end.", nameof(fix));
        }

        return factory.InTransactionAsync(async (c, tx) =>
        {
            var before = await GetStatementAsync(c, tx, statementId);
            string? text = null;
            int? contentStart = null, contentEnd = null;
            if (fix.ContentStart is { } start && fix.ContentEnd is { } end)
            {
                var body = await c.ExecuteScalarAsync<string>("SELECT body FROM articles WHERE id = @ArticleId", new { before.ArticleId }, tx) ?? "";
                (contentStart, contentEnd) = Trimmed(body, start, end, quotes: true);
                text = body[contentStart.Value..contentEnd.Value];
            }

            var cue = fix.Cue is null ? null : Limited(fix.Cue, 60, "cue");
            var updated = await c.ExecuteAsync("""
                UPDATE statements SET
                    text = COALESCE(@text, text), content_start = COALESCE(@ContentStart, content_start), content_end = COALESCE(@ContentEnd, content_end),
                    cue = CASE WHEN @cue IS NULL THEN cue ELSE NULLIF(@cue, '') END,
                    cue_start = CASE WHEN @cue IS NULL THEN cue_start ELSE NULL END,
                    cue_end = CASE WHEN @cue IS NULL THEN cue_end ELSE NULL END,
                    direct = COALESCE(@Direct, direct), date_value = COALESCE(@DateValue, date_value),
                    edited = 1, corrected = 1, reviewed_at = @now, review_note = NULL, version = version + 1, updated_at = @now
                WHERE id = @statementId AND version = @Version
                """,
                new
                {
                    text, ContentStart = contentStart, ContentEnd = contentEnd, cue, fix.Direct,
                    DateValue = fix.Date is { } d ? Clock.Day(d) : null,
                    now = Clock.Now(), statementId, fix.Version,
                }, tx);
            if (updated == 0)
            {
                throw await ActorEditService.ConflictAsync(c, tx, "statement", statementId, fix.Version, before.Version);
            }

            await AuditLog.WriteAsync(c, tx, user, "statement.update", "statement", statementId, before, await GetStatementAsync(c, tx, statementId));
            return 0;
        }, ct);
    }

    /// <summary>The article's text at [start, end), trimmed; refuses a span outside the article or one that is blank.</summary>
    internal static string SpanText(string body, int start, int end)
    {
        if (start < 0 || end > body.Length || end <= start)
        {
            throw new ArgumentException($"The span {start}–{end} is not inside the article ({body.Length} characters).");
        }

        if (end - start > 5000)
        {
            throw new ArgumentException("A span of more than 5,000 characters is not one statement or event; select less.");
        }

        var text = body[start..end].Trim();
        return text.Length == 0 ? throw new ArgumentException("The selected span holds only spaces.") : text;
    }

    /// <summary>
    /// A selection made by hand, without the spaces (and, for what was said, the quotation marks) that
    /// a mouse catches at its ends, so the stored span starts and ends on the words.
    /// </summary>
    internal static (int Start, int End) Trimmed(string body, int start, int end, bool quotes = false)
    {
        SpanText(body, start, end);
        static bool Edge(char ch, bool quotes) => char.IsWhiteSpace(ch) || (quotes && ch is '"' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\'');
        while (start < end && Edge(body[start], quotes))
        {
            start++;
        }

        while (end > start && Edge(body[end - 1], quotes))
        {
            end--;
        }

        return end > start ? (start, end) : throw new ArgumentException("The selected span holds no words.");
    }

    internal static string Limited(string value, int max, string what)
    {
        var v = value.Trim();
        return v.Length <= max ? v : throw new ArgumentException($"The {what} is longer than {max} characters.");
    }

    internal static Task<string?> ActorNameAsync(DbConnection c, DbTransaction tx, long? id) =>
        id is null ? Task.FromResult<string?>(null) : c.QuerySingleOrDefaultAsync<string?>("SELECT name FROM actors WHERE id = @id", new { id }, tx);

    private static async Task<StatementSnapshot> GetStatementAsync(DbConnection c, DbTransaction tx, long id) =>
        await c.QuerySingleOrDefaultAsync<StatementSnapshot>(
            "SELECT id, article_id, text, direct, cue, content_start, content_end, date_value, version FROM statements WHERE id = @id", new { id }, tx)
        ?? throw new KeyNotFoundException($"No statement {id}.");

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
                // A verdict is a review; taking it back leaves only a correction's review standing.
                $"""
                UPDATE {table} SET status = @status, edited = 1, version = version + 1, updated_at = @now,
                    reviewed_at = CASE WHEN @status <> 'extracted' OR corrected = 1 OR origin = 'editor' THEN @now END,
                    review_note = CASE WHEN @status = 'extracted' THEN review_note END
                WHERE id = @id AND version = @version
                """,
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

    private static async Task RecountClusterAsync(DbConnection c, DbTransaction tx, long eventId)
    {
        if (await ClusterStore.OfEventAsync(c, tx, eventId) is { } cluster)
        {
            await ClusterStore.RecountAsync(c, tx, [cluster]);
        }
    }

    private static async Task<EventSnapshot> GetEventAsync(DbConnection c, DbTransaction tx, long id) =>
        await c.QuerySingleOrDefaultAsync<EventSnapshot>("""
            SELECT e.id, e.code, e.label, e.goldstein, e.quad_class, s.name AS source, t.name AS target,
                   e.date_value, e.date_start, e.date_end, e.date_precision, e.summary, e.location, e.status, e.version
            FROM events e
            LEFT JOIN actors s ON s.id = e.source_actor_id
            LEFT JOIN actors t ON t.id = e.target_actor_id
            WHERE e.id = @id
            """, new { id }, tx)
        ?? throw new KeyNotFoundException($"No event {id}.");
}
