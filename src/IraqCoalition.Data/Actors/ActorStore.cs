using Dapper;
using IraqCoalition.Core.Extraction;
using System.Data.Common;

namespace IraqCoalition.Data.Actors;

/// <summary>
/// Maps the actors of one article onto the database's actors, so that "Lavrov" in one article and
/// "Sergey Lavrov" in another become one actor. Identity is, in order: the dictionary key; an
/// existing actor of the same kind with this name as an alias and no conflicting country; a new actor.
/// Merged actors resolve to their survivor.
/// </summary>
internal static class ActorStore
{
    public static string IdentityKey(ExtractedActor a) =>
        a.DictionaryKey is { Length: > 0 } key
            ? "dict:" + key.ToLowerInvariant()
            : $"name:{a.Kind}:{a.Country?.ToUpperInvariant() ?? "-"}:{NameKey.Normalize(a.Name)}";

    public static async Task<IReadOnlyDictionary<string, long>> ResolveAsync(
        DbConnection c, DbTransaction tx, long articleId, IReadOnlyList<ExtractedActor> actors)
    {
        var map = new Dictionary<string, long>(StringComparer.Ordinal);
        var now = Clock.Now();
        foreach (var a in actors)
        {
            if (await RejectedAsync(c, tx, a))
            {
                // Its events and statements are stored without this side, as after the editor's deletion.
                continue;
            }

            var id = await FindAsync(c, tx, a);
            if (id is null)
            {
                id = await c.ExecuteScalarAsync<long>("""
                    INSERT INTO actors (identity_key, name, kind, country, title, role, agent, dictionary_key, created_at, updated_at)
                    VALUES (@Key, @Name, @Kind, @Country, @Title, @Role, @Agent, @DictionaryKey, @now, @now)
                    RETURNING id
                    """,
                    new { Key = IdentityKey(a), a.Name, a.Kind, a.Country, a.Title, a.Role, a.Agent, a.DictionaryKey, now }, tx);
            }
            else
            {
                // Fill gaps the machine learned from this article; never overwrite what an editor set.
                await c.ExecuteAsync("""
                    UPDATE actors SET
                        country = COALESCE(country, @Country),
                        title   = COALESCE(title, @Title),
                        role    = COALESCE(role, @Role),
                        agent   = COALESCE(agent, @Agent)
                    WHERE id = @id AND edited = 0
                    """, new { id, a.Country, a.Title, a.Role, a.Agent }, tx);
            }

            map[a.Id] = id.Value;
            foreach (var alias in a.Aliases.Append(a.Name).Concat(a.Mentions.Select(m => m.Text)).Distinct(StringComparer.Ordinal))
            {
                var normalized = NameKey.Normalize(alias);
                if (normalized.Length == 0 || IsPronoun(normalized))
                {
                    continue;
                }

                await c.ExecuteAsync("""
                    INSERT INTO actor_aliases (actor_id, alias, normalized, origin) VALUES (@id, @alias, @normalized, 'extracted')
                    ON CONFLICT (actor_id, normalized) DO NOTHING
                    """, new { id, alias, normalized }, tx);
            }

            foreach (var m in a.Mentions)
            {
                await c.ExecuteAsync("""
                    INSERT INTO mentions (article_id, actor_id, start_offset, end_offset, text)
                    VALUES (@articleId, @id, @Start, @End, @Text)
                    """, new { articleId, id, m.Start, m.End, m.Text }, tx);
            }
        }

        return map;
    }

    /// <summary>An editor deleted this actor: its identity, or its name, is on the rejected lists.</summary>
    private static async Task<bool> RejectedAsync(DbConnection c, DbTransaction tx, ExtractedActor a) =>
        await c.ExecuteScalarAsync<int>("""
            SELECT EXISTS (SELECT 1 FROM rejected_actor_keys WHERE identity_key = @key)
                OR EXISTS (SELECT 1 FROM rejected_actor_names WHERE normalized = @name)
            """, new { key = IdentityKey(a), name = NameKey.Normalize(a.Name) }, tx) == 1;

    private static async Task<long?> FindAsync(DbConnection c, DbTransaction tx, ExtractedActor a)
    {
        // An entry the dictionary learned from an editor names its database row directly.
        if (a.DictionaryKey is { } dk && dk.StartsWith(Editing.DictionaryLearning.DatabaseKeyPrefix, StringComparison.Ordinal)
            && long.TryParse(dk.AsSpan(Editing.DictionaryLearning.DatabaseKeyPrefix.Length), out var rowId)
            && await c.ExecuteScalarAsync<long?>("SELECT id FROM actors WHERE id = @rowId", new { rowId }, tx) is { } known)
        {
            return await SurvivorAsync(c, tx, known);
        }

        // An alias an editor confirmed (added, merged or split out) decides first: human judgement beats the dictionary.
        var id = await c.ExecuteScalarAsync<long?>("""
            SELECT actor_id FROM actor_aliases WHERE normalized = @name AND origin IN ('editor', 'merge') ORDER BY id DESC LIMIT 1
            """, new { name = NameKey.Normalize(a.Name) }, tx);
        id ??= await c.ExecuteScalarAsync<long?>("SELECT id FROM actors WHERE identity_key = @key", new { key = IdentityKey(a) }, tx);
        if (id is null && a.DictionaryKey is null && a.Kind is ActorKinds.Person or ActorKinds.Organization or ActorKinds.ArmedGroup or ActorKinds.Media)
        {
            // Full names only: a bare surname or "the ministry" is too ambiguous across articles.
            var name = NameKey.Normalize(a.Name);
            if (name.Contains(' ', StringComparison.Ordinal))
            {
                id = await c.ExecuteScalarAsync<long?>("""
                    SELECT a.id FROM actor_aliases al JOIN actors a ON a.id = al.actor_id
                    WHERE al.normalized = @name AND a.kind = @Kind AND (a.country IS NULL OR @Country IS NULL OR a.country = @Country)
                    ORDER BY a.id LIMIT 1
                    """, new { name, a.Kind, a.Country }, tx);
            }
        }

        return id is null ? null : await SurvivorAsync(c, tx, id.Value);
    }

    /// <summary>Follows merges to the surviving actor (bounded: merge chains are short, cycles are refused on merge).</summary>
    private static async Task<long?> SurvivorAsync(DbConnection c, DbTransaction tx, long start)
    {
        long? id = start;
        for (var hops = 0; id is not null && hops < 16; hops++)
        {
            var next = await c.ExecuteScalarAsync<long?>("SELECT merged_into_id FROM actors WHERE id = @id", new { id }, tx);
            if (next is null)
            {
                break;
            }

            id = next;
        }

        return id;
    }

    private static bool IsPronoun(string s) => s is "he" or "she" or "they" or "it" or "him" or "her" or "them" or "his" or "its" or "their";
}
