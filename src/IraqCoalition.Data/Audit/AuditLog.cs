using System.Text.Encodings.Web;
using System.Text.Json;
using Dapper;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Sqlite;
using Microsoft.Data.Sqlite;

namespace IraqCoalition.Data.Audit;

public sealed class AuditEntry
{
    public long Id { get; init; }
    public string At { get; init; } = "";
    public string? UserName { get; init; }
    public string Action { get; init; } = "";
    public string EntityType { get; init; } = "";
    public long? EntityId { get; init; }
    public string? BeforeJson { get; init; }
    public string? AfterJson { get; init; }
}

public sealed record AuditQuery
{
    public string? UserName { get; init; }
    public string? EntityType { get; init; }
    public long? EntityId { get; init; }
    public string? Action { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 50;
}

/// <summary>
/// Every change is recorded in the same transaction as the change itself, so the trail can never
/// disagree with the data: who, when, what, and the values before and after.
/// </summary>
public sealed class AuditLog(SqliteConnectionFactory factory)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static Task WriteAsync(SqliteConnection c, SqliteTransaction tx, UserContext user, string action, string entityType, long? entityId, object? before, object? after) =>
        c.ExecuteAsync("""
            INSERT INTO audit_log (at, user_name, action, entity_type, entity_id, before_json, after_json)
            VALUES (@at, @user, @action, @entityType, @entityId, @before, @after)
            """,
            new
            {
                at = Clock.Now(),
                user = user.UserName,
                action,
                entityType,
                entityId,
                before = before is null ? null : JsonSerializer.Serialize(before, Json),
                after = after is null ? null : JsonSerializer.Serialize(after, Json),
            }, tx);

    public async Task<Page<AuditEntry>> QueryAsync(AuditQuery q, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(q);
        var w = new SqlWhere()
            .AndIf(q.UserName, "user_name = @user", "user")
            .AndIf(q.EntityType, "entity_type = @type", "type")
            .AndIf(q.EntityId, "entity_id = @id", "id")
            .AndIf(q.Action, "action = @action", "action")
            .AndIf(q.From, "at >= @from", "from")
            .AndIf(q.To?.AddDays(1), "at < @to", "to");
        w.Parameters.Add("skip", Math.Max(0, q.Skip));
        w.Parameters.Add("take", Math.Clamp(q.Take, 1, 500));
        await using var c = await factory.OpenAsync(ct);
        var items = await c.QueryAsync<AuditEntry>(new CommandDefinition(
            $"SELECT id, at, user_name, action, entity_type, entity_id, before_json, after_json FROM audit_log {w} ORDER BY at DESC, id DESC LIMIT @take OFFSET @skip",
            w.Parameters, cancellationToken: ct));
        var (total, capped) = await Counting.CountAsync(c, $"FROM audit_log {w}", w.Parameters, ct);
        return new Page<AuditEntry>(items.ToList(), total, capped);
    }
}
