using Dapper;
using IraqCoalition.Data.Sqlite;

namespace IraqCoalition.Data.Queries;

public sealed class TagRow
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Color { get; init; } = "";
    public int Actors { get; init; }
}

/// <summary>Read-only tag lookups for filters and the actor page (tag editing belongs to the editors' work).</summary>
public sealed class TagQueries(SqliteConnectionFactory factory)
{
    /// <summary>All tags with how many actors carry each; tags are few (a curated vocabulary), so no paging.</summary>
    public async Task<IReadOnlyList<TagRow>> ListAsync(CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        return (await c.QueryAsync<TagRow>(new CommandDefinition("""
            SELECT t.id, t.name, t.color, (SELECT count(*) FROM actor_tags at WHERE at.tag_id = t.id) AS actors
            FROM tags t ORDER BY t.name COLLATE NOCASE
            """, cancellationToken: ct))).ToList();
    }

    public async Task<IReadOnlyList<TagRow>> ForActorAsync(long actorId, CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        return (await c.QueryAsync<TagRow>(new CommandDefinition("""
            SELECT t.id, t.name, t.color, 0 AS actors
            FROM actor_tags at JOIN tags t ON t.id = at.tag_id
            WHERE at.actor_id = @actorId ORDER BY t.name COLLATE NOCASE
            """, new { actorId }, cancellationToken: ct))).ToList();
    }
}
