using System.Text.RegularExpressions;
using Dapper;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Audit;
using IraqCoalition.Data.Storage;
using System.Data.Common;

namespace IraqCoalition.Data.Tags;

public sealed class TagRow
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Color { get; init; } = "";
    public int Actors { get; init; }
}

/// <summary>Tags editors put on actors; analysts filter by them. Every change is role-checked and audited.</summary>
public sealed partial class TagService(ConnectionFactory factory)
{
    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColorPattern();

    public async Task<IReadOnlyList<TagRow>> ListAsync(CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        return (await c.QueryAsync<TagRow>(new CommandDefinition($"""
            SELECT t.id, t.name, t.color, (SELECT count(*) FROM actor_tags at WHERE at.tag_id = t.id) AS actors
            FROM tags t ORDER BY {factory.Dialect.NoCase("t.name")}
            """, cancellationToken: ct))).ToList();
    }

    public async Task<IReadOnlyList<TagRow>> ForActorAsync(long actorId, CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        return (await c.QueryAsync<TagRow>(new CommandDefinition($"""
            SELECT t.id, t.name, t.color FROM tags t JOIN actor_tags at ON at.tag_id = t.id
            WHERE at.actor_id = @actorId ORDER BY {factory.Dialect.NoCase("t.name")}
            """, new { actorId }, cancellationToken: ct))).ToList();
    }

    public async Task<TagRow> CreateAsync(UserContext user, string name, string? color = null, CancellationToken ct = default)
    {
        Authorization.Require(user, Roles.Editor, "create tags");
        name = ValidName(name);
        color = ValidColor(color ?? "#607d8b");
        return await factory.InTransactionAsync(async (c, tx) =>
        {
            if (await c.ExecuteScalarAsync<int>("SELECT count(*) FROM tags WHERE lower(name) = lower(@name)", new { name }, tx) > 0)
            {
                throw new InvalidOperationException($"A tag named '{name}' already exists.");
            }

            var id = await c.ExecuteScalarAsync<long>("INSERT INTO tags (name, color, created_at) VALUES (@name, @color, @now) RETURNING id",
                new { name, color, now = Clock.Now() }, tx);
            await AuditLog.WriteAsync(c, tx, user, "tag.create", "tag", id, null, new { name, color });
            return new TagRow { Id = id, Name = name, Color = color };
        }, ct);
    }

    public Task RenameAsync(UserContext user, long tagId, string name, CancellationToken ct = default)
    {
        Authorization.Require(user, Roles.Editor, "rename tags");
        name = ValidName(name);
        return UpdateAsync(user, tagId, "tag.rename", "name", name, ct);
    }

    public Task RecolorAsync(UserContext user, long tagId, string color, CancellationToken ct = default)
    {
        Authorization.Require(user, Roles.Editor, "recolour tags");
        return UpdateAsync(user, tagId, "tag.recolor", "color", ValidColor(color), ct);
    }

    public async Task DeleteAsync(UserContext user, long tagId, CancellationToken ct = default)
    {
        Authorization.Require(user, Roles.Editor, "delete tags");
        await factory.InTransactionAsync(async (c, tx) =>
        {
            var before = await Get(c, tx, tagId);
            var actors = (await c.QueryAsync<long>("SELECT actor_id FROM actor_tags WHERE tag_id = @tagId", new { tagId }, tx)).ToList();
            await c.ExecuteAsync("DELETE FROM tags WHERE id = @tagId", new { tagId }, tx);
            await AuditLog.WriteAsync(c, tx, user, "tag.delete", "tag", tagId, new { before.Name, before.Color, actors }, null);
            return 0;
        }, ct);
    }

    public async Task AddToActorAsync(UserContext user, long actorId, long tagId, CancellationToken ct = default)
    {
        Authorization.Require(user, Roles.Editor, "tag actors");
        await factory.InTransactionAsync(async (c, tx) =>
        {
            var tag = await Get(c, tx, tagId);
            if (await c.ExecuteScalarAsync<int>("SELECT count(*) FROM actors WHERE id = @actorId", new { actorId }, tx) == 0)
            {
                throw new KeyNotFoundException($"No actor {actorId}.");
            }

            var added = await c.ExecuteAsync("""
                INSERT INTO actor_tags (actor_id, tag_id, added_at, added_by) VALUES (@actorId, @tagId, @now, @by)
                ON CONFLICT (actor_id, tag_id) DO NOTHING
                """, new { actorId, tagId, now = Clock.Now(), by = user.UserName }, tx);
            if (added > 0)
            {
                await AuditLog.WriteAsync(c, tx, user, "actor.tag", "actor", actorId, null, new { tag = tag.Name });
            }

            return 0;
        }, ct);
    }

    public async Task RemoveFromActorAsync(UserContext user, long actorId, long tagId, CancellationToken ct = default)
    {
        Authorization.Require(user, Roles.Editor, "untag actors");
        await factory.InTransactionAsync(async (c, tx) =>
        {
            var tag = await Get(c, tx, tagId);
            if (await c.ExecuteAsync("DELETE FROM actor_tags WHERE actor_id = @actorId AND tag_id = @tagId", new { actorId, tagId }, tx) > 0)
            {
                await AuditLog.WriteAsync(c, tx, user, "actor.untag", "actor", actorId, new { tag = tag.Name }, null);
            }

            return 0;
        }, ct);
    }

    private async Task UpdateAsync(UserContext user, long tagId, string action, string column, string value, CancellationToken ct)
    {
        await factory.InTransactionAsync(async (c, tx) =>
        {
            var before = await Get(c, tx, tagId);
            if (column == "name" && await c.ExecuteScalarAsync<int>("SELECT count(*) FROM tags WHERE lower(name) = lower(@value) AND id <> @tagId", new { value, tagId }, tx) > 0)
            {
                throw new InvalidOperationException($"A tag named '{value}' already exists.");
            }

            // column is one of two literals chosen above, never user input.
            await c.ExecuteAsync($"UPDATE tags SET {column} = @value WHERE id = @tagId", new { value, tagId }, tx);
            await AuditLog.WriteAsync(c, tx, user, action, "tag", tagId,
                new Dictionary<string, string> { [column] = column == "name" ? before.Name : before.Color },
                new Dictionary<string, string> { [column] = value });
            return 0;
        }, ct);
    }

    private static async Task<TagRow> Get(DbConnection c, DbTransaction tx, long tagId) =>
        await c.QuerySingleOrDefaultAsync<TagRow>("SELECT id, name, color FROM tags WHERE id = @tagId", new { tagId }, tx)
        ?? throw new KeyNotFoundException($"No tag {tagId}.");

    private static string ValidName(string name)
    {
        name = name?.Trim() ?? "";
        return name.Length is >= 1 and <= 40 ? name : throw new ArgumentException("A tag name has 1 to 40 characters.", nameof(name));
    }

    private static string ValidColor(string color) =>
        ColorPattern().IsMatch(color ?? "") ? color!.ToLowerInvariant() : throw new ArgumentException("A colour is #rrggbb.", nameof(color));
}
