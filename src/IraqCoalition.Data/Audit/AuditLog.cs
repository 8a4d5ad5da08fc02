using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Storage;
using System.Data.Common;

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
public sealed class AuditLog(ConnectionFactory factory)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Records a change in the caller's transaction (null for a write that has none, such as a failed
    /// sign-in). When both sides are objects only the fields that differ are kept, so a row reads as
    /// the change itself; snapshots carry names beside ids so the trail reads without lookups.
    /// </summary>
    internal static Task WriteAsync(DbConnection c, DbTransaction? tx, UserContext user, string action, string entityType, long? entityId, object? before, object? after)
    {
        ArgumentNullException.ThrowIfNull(user);
        var (b, a) = Changed(before is null ? null : JsonSerializer.SerializeToNode(before, Json), after is null ? null : JsonSerializer.SerializeToNode(after, Json));
        return c.ExecuteAsync("""
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
                before = b?.ToJsonString(Json),
                after = a?.ToJsonString(Json),
            }, tx);
    }

    /// <summary>Drops the fields equal on both sides; an object whose fields are all equal stays whole, as the change is then its action.</summary>
    internal static (JsonNode? Before, JsonNode? After) Changed(JsonNode? before, JsonNode? after)
    {
        if (before is not JsonObject b || after is not JsonObject a)
        {
            return (before, after);
        }

        var same = b.Where(p => a.ContainsKey(p.Key) && JsonNode.DeepEquals(p.Value, a[p.Key])).Select(p => p.Key).ToList();
        if (same.Count == b.Count && same.Count == a.Count)
        {
            return (before, after);
        }

        foreach (var key in same)
        {
            b.Remove(key);
            a.Remove(key);
        }

        return (b, a);
    }

    public async Task<Page<AuditEntry>> QueryAsync(AuditQuery q, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(q);
        var w = new SqlWhere()
            .AndIf(q.UserName, "user_name = @user", "user")
            .AndIf(q.EntityType, "entity_type = @type", "type")
            .AndIf(q.EntityId, "entity_id = @id", "id")
            // "event" finds every event.* action ('/' sorts just after '.', so this is an index range); "event.update" finds that one.
            .AndIf(q.Action, "(action = @action OR (action > @action || '.' AND action < @action || '/'))", "action")
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
