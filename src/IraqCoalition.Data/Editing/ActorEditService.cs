using Dapper;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Actors;
using IraqCoalition.Data.Audit;
using IraqCoalition.Data.Clusters;
using IraqCoalition.Data.Storage;
using System.Data.Common;

namespace IraqCoalition.Data.Editing;

/// <summary>The editable fields of an actor; <see cref="Version"/> is the version the editor read.</summary>
public sealed record ActorChanges
{
    public required int Version { get; init; }
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public string? Country { get; init; }
    public string? Title { get; init; }
    public string? Role { get; init; }
    public bool Verified { get; init; }
}

/// <summary>
/// Editors' changes to actors. Updates use optimistic concurrency (a version column checked in the
/// UPDATE), merges and splits move mentions, events and statements in one transaction, and every
/// change lands in the audit log with its before and after values.
/// </summary>
public sealed class ActorEditService(ConnectionFactory factory, DictionaryLearning? learning = null)
{
    private sealed class Snapshot
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Kind { get; init; } = "";
        public string? Country { get; init; }
        public string? Title { get; init; }
        public string? Role { get; init; }
        public bool Verified { get; init; }
        public int Version { get; init; }
        public long? MergedIntoId { get; init; }
    }

    public Task UpdateAsync(UserContext user, long actorId, ActorChanges changes, CancellationToken ct = default)
    {
        Authorization.Require(user, Roles.Editor, "edit actors");
        ArgumentNullException.ThrowIfNull(changes);
        var name = changes.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            throw new ArgumentException("An actor needs a name of 1 to 200 characters.", nameof(changes));
        }

        if (!ActorKinds.All.Contains(changes.Kind))
        {
            throw new ArgumentException($"Unknown kind '{changes.Kind}'.", nameof(changes));
        }

        var country = string.IsNullOrWhiteSpace(changes.Country) ? null : changes.Country.Trim().ToUpperInvariant();
        if (country is not null && (country.Length != 3 || !country.All(char.IsAsciiLetterUpper)))
        {
            throw new ArgumentException("A country is an ISO 3166-1 alpha-3 code such as IRQ.", nameof(changes));
        }

        return Learned(actorId, factory.InTransactionAsync(async (c, tx) =>
        {
            var before = await GetAsync(c, tx, actorId);
            var updated = await c.ExecuteAsync("""
                UPDATE actors SET name = @name, kind = @Kind, country = @country, title = @Title, role = @Role,
                                  verified = @Verified, edited = 1, version = version + 1, updated_at = @now
                WHERE id = @actorId AND version = @Version
                """, new { name, changes.Kind, country, Title = Blank(changes.Title), Role = Blank(changes.Role), changes.Verified, now = Clock.Now(), actorId, changes.Version }, tx);
            if (updated == 0)
            {
                throw await ConflictAsync(c, tx, "actor", actorId, changes.Version, before.Version);
            }

            await AddAliasRowAsync(c, tx, actorId, name, "editor");
            // Events carry the countries of their actors for fast dyad queries; keep them in step.
            await c.ExecuteAsync("UPDATE events SET source_country = @country WHERE source_actor_id = @actorId", new { country, actorId }, tx);
            await c.ExecuteAsync("UPDATE events SET target_country = @country WHERE target_actor_id = @actorId", new { country, actorId }, tx);
            await ClusterStore.RecountAsync(c, tx, await ClusterStore.OfActorAsync(c, tx, actorId));
            await AuditLog.WriteAsync(c, tx, user, "actor.update", "actor", actorId, before, await GetAsync(c, tx, actorId));
            return 0;
        }, ct), ct);
    }

    public Task AddAliasAsync(UserContext user, long actorId, string alias, CancellationToken ct = default)
    {
        Authorization.Require(user, Roles.Editor, "add aliases");
        alias = alias?.Trim() ?? "";
        if (NameKey.Normalize(alias).Length == 0)
        {
            throw new ArgumentException("An alias cannot be empty.", nameof(alias));
        }

        return Learned(actorId, factory.InTransactionAsync(async (c, tx) =>
        {
            await GetAsync(c, tx, actorId);
            if (await AddAliasRowAsync(c, tx, actorId, alias, "editor"))
            {
                await Touch(c, tx, actorId);
                await AuditLog.WriteAsync(c, tx, user, "actor.alias.add", "actor", actorId, null, new { alias });
            }

            return 0;
        }, ct), ct);
    }

    public Task RemoveAliasAsync(UserContext user, long actorId, long aliasId, CancellationToken ct = default)
    {
        Authorization.Require(user, Roles.Editor, "remove aliases");
        return factory.InTransactionAsync(async (c, tx) =>
        {
            var alias = await c.QuerySingleOrDefaultAsync<string>("SELECT alias FROM actor_aliases WHERE id = @aliasId AND actor_id = @actorId", new { aliasId, actorId }, tx)
                ?? throw new KeyNotFoundException($"Actor {actorId} has no alias {aliasId}.");
            await c.ExecuteAsync("DELETE FROM actor_aliases WHERE id = @aliasId", new { aliasId }, tx);
            await Touch(c, tx, actorId);
            await AuditLog.WriteAsync(c, tx, user, "actor.alias.remove", "actor", actorId, new { alias }, null);
            return 0;
        }, ct);
    }

    /// <summary>
    /// Merges <paramref name="mergedId"/> into <paramref name="survivorId"/>: mentions, events,
    /// statements, aliases and tags follow the survivor; the merged actor stays as a pointer so
    /// later articles that name it resolve to the survivor.
    /// </summary>
    public Task MergeAsync(UserContext user, long survivorId, long mergedId, CancellationToken ct = default)
    {
        Authorization.Require(user, Roles.Editor, "merge actors");
        if (survivorId == mergedId)
        {
            throw new ArgumentException("An actor cannot be merged into itself.", nameof(mergedId));
        }

        return Learned(survivorId, factory.InTransactionAsync(async (c, tx) =>
        {
            var survivor = await GetAsync(c, tx, survivorId);
            var merged = await GetAsync(c, tx, mergedId);
            if (survivor.MergedIntoId is not null || merged.MergedIntoId is not null)
            {
                throw new InvalidOperationException("One of these actors was already merged into another; merge into the surviving actor instead.");
            }

            var p = new { survivorId, mergedId, now = Clock.Now(), country = survivor.Country };
            var clusters = await ClusterStore.OfActorAsync(c, tx, mergedId);
            var moved = new
            {
                mentions = await c.ExecuteAsync("UPDATE mentions SET actor_id = @survivorId WHERE actor_id = @mergedId", p, tx),
                eventsAsSource = await c.ExecuteAsync("UPDATE events SET source_actor_id = @survivorId, source_country = @country WHERE source_actor_id = @mergedId", p, tx),
                eventsAsTarget = await c.ExecuteAsync("UPDATE events SET target_actor_id = @survivorId, target_country = @country WHERE target_actor_id = @mergedId", p, tx),
                statements = await c.ExecuteAsync("UPDATE statements SET speaker_actor_id = @survivorId WHERE speaker_actor_id = @mergedId", p, tx),
            };
            // The events' profiles name the merged actor; later reports must meet the survivor there.
            await ClusterStore.RecountAsync(c, tx, clusters);
            await c.ExecuteAsync("""
                INSERT INTO actor_aliases (actor_id, alias, normalized, origin)
                SELECT @survivorId, alias, normalized, origin FROM actor_aliases WHERE actor_id = @mergedId
                ON CONFLICT (actor_id, normalized) DO NOTHING
                """, p, tx);
            await c.ExecuteAsync("""
                INSERT INTO actor_tags (actor_id, tag_id, added_at, added_by)
                SELECT @survivorId, tag_id, added_at, added_by FROM actor_tags WHERE actor_id = @mergedId
                ON CONFLICT (actor_id, tag_id) DO NOTHING
                """, p, tx);
            await c.ExecuteAsync("DELETE FROM actor_tags WHERE actor_id = @mergedId", p, tx);
            await AddAliasRowAsync(c, tx, survivorId, merged.Name, "merge");
            await c.ExecuteAsync("UPDATE actors SET merged_into_id = @survivorId, version = version + 1, updated_at = @now WHERE id = @mergedId", p, tx);
            await c.ExecuteAsync("UPDATE actors SET merged_into_id = @survivorId WHERE merged_into_id = @mergedId", p, tx);
            await Touch(c, tx, survivorId);
            await AuditLog.WriteAsync(c, tx, user, "actor.merge", "actor", survivorId, new { survivor, merged }, moved);
            await AuditLog.WriteAsync(c, tx, user, "actor.merged-into", "actor", mergedId, merged, new { mergedInto = survivorId });
            return 0;
        }, ct), ct);
    }

    /// <summary>
    /// Splits an alias out of an actor into a new actor: the alias and every mention with that text
    /// move, and events and statements whose evidence is one of those mentions follow.
    /// </summary>
    public Task<long> SplitAliasAsync(UserContext user, long actorId, long aliasId, string? kind = null, string? country = null, CancellationToken ct = default)
    {
        Authorization.Require(user, Roles.Editor, "split actors");
        return factory.InTransactionAsync(async (c, tx) =>
        {
            var from = await GetAsync(c, tx, actorId);
            var alias = await c.QuerySingleOrDefaultAsync<(string Alias, string Normalized)?>(
                "SELECT alias, normalized FROM actor_aliases WHERE id = @aliasId AND actor_id = @actorId", new { aliasId, actorId }, tx)
                ?? throw new KeyNotFoundException($"Actor {actorId} has no alias {aliasId}.");
            if (alias.Normalized == NameKey.Normalize(from.Name))
            {
                throw new InvalidOperationException("The actor's own name cannot be split off; rename the actor first.");
            }

            var now = Clock.Now();
            var newKind = kind ?? from.Kind;
            var newCountry = country ?? from.Country;
            var newId = await c.ExecuteScalarAsync<long>("""
                INSERT INTO actors (identity_key, name, kind, country, edited, created_at, updated_at)
                VALUES (@key, @name, @newKind, @newCountry, 1, @now, @now) RETURNING id
                """, new { key = $"split:{actorId}:{aliasId}:{now}", name = alias.Alias, newKind, newCountry, now }, tx);
            await c.ExecuteAsync("UPDATE actor_aliases SET actor_id = @newId, origin = 'editor' WHERE id = @aliasId", new { newId, aliasId }, tx);

            var mentions = (await c.QueryAsync<(long Id, string Text)>("SELECT id, text FROM mentions WHERE actor_id = @actorId", new { actorId }, tx))
                .Where(m => NameKey.Normalize(m.Text) == alias.Normalized).Select(m => m.Id).ToList();
            await c.ExecuteAsync($"UPDATE mentions SET actor_id = @newId WHERE {SqlDialect.Of(c).In("id", "@mentions")}", new { newId, mentions }, tx);
            // Statements whose speaker span is one of the moved mentions change speaker.
            var statements = await c.ExecuteAsync($"""
                UPDATE statements SET speaker_actor_id = @newId
                WHERE speaker_actor_id = @actorId AND EXISTS (
                    SELECT 1 FROM mentions m WHERE {SqlDialect.Of(c).In("m.id", "@mentions")} AND m.article_id = statements.article_id
                      AND m.start_offset = statements.speaker_start AND m.end_offset = statements.speaker_end)
                """, new { newId, actorId, mentions }, tx);
            await AuditLog.WriteAsync(c, tx, user, "actor.split", "actor", actorId, new { alias = alias.Alias }, new { newActorId = newId, mentions = mentions.Count, statements });
            await AuditLog.WriteAsync(c, tx, user, "actor.create", "actor", newId, null, new { name = alias.Alias, kind = newKind, country = newCountry, splitFrom = actorId });
            return newId;
        }, ct);
    }

    /// <summary>
    /// Deletes an actor that is not one ("reporters", a misread fragment): its mentions go, its events
    /// and statements lose that side and are flagged for review, and its names are remembered as
    /// rejected so the machine does not make the actor again. A wrong actor that is someone else is
    /// merged instead (<see cref="MergeAsync"/>), which keeps its name as an alias of the right one.
    /// </summary>
    public Task DeleteAsync(UserContext user, long actorId, int version, CancellationToken ct = default)
    {
        Authorization.Require(user, Roles.Editor, "delete actors");
        return factory.InTransactionAsync(async (c, tx) =>
        {
            var before = await GetAsync(c, tx, actorId);
            if (before.Version != version)
            {
                throw await ConflictAsync(c, tx, "actor", actorId, version, before.Version);
            }

            var key = await c.ExecuteScalarAsync<string>("SELECT identity_key FROM actors WHERE id = @actorId", new { actorId }, tx);
            var aliases = (await c.QueryAsync<(string Alias, string Normalized)>(
                "SELECT alias, normalized FROM actor_aliases WHERE actor_id = @actorId", new { actorId }, tx)).ToList();
            var clusters = await ClusterStore.OfActorAsync(c, tx, actorId);
            var now = Clock.Now();
            var p = new { actorId, now, note = $"Its actor \"{before.Name}\" was deleted; check who this was." };
            var effect = new
            {
                eventsAsSource = await c.ExecuteAsync("""
                    UPDATE events SET source_actor_id = NULL, source_country = NULL, review_note = @note, version = version + 1, updated_at = @now
                    WHERE source_actor_id = @actorId
                    """, p, tx),
                eventsAsTarget = await c.ExecuteAsync("""
                    UPDATE events SET target_actor_id = NULL, target_country = NULL, review_note = @note, version = version + 1, updated_at = @now
                    WHERE target_actor_id = @actorId
                    """, p, tx),
                statements = await c.ExecuteAsync("""
                    UPDATE statements SET speaker_actor_id = NULL, speaker_start = NULL, speaker_end = NULL, review_note = @note,
                                          version = version + 1, updated_at = @now
                    WHERE speaker_actor_id = @actorId
                    """, p, tx),
                mentions = await c.ExecuteAsync("DELETE FROM mentions WHERE actor_id = @actorId", p, tx),
                aliases = aliases.Count,
            };
            await c.ExecuteAsync("INSERT INTO rejected_actor_keys (identity_key, rejected_at) VALUES (@key, @now) ON CONFLICT DO NOTHING", new { key, now }, tx);
            foreach (var alias in aliases.Append((before.Name, NameKey.Normalize(before.Name))).DistinctBy(a => a.Item2))
            {
                await c.ExecuteAsync("""
                    INSERT INTO rejected_actor_names (normalized, name, rejected_by, rejected_at) VALUES (@normalized, @name, @by, @now)
                    ON CONFLICT DO NOTHING
                    """, new { normalized = alias.Item2, name = alias.Item1, by = user.UserName, now }, tx);
            }

            await c.ExecuteAsync("DELETE FROM actors WHERE id = @actorId", p, tx);
            await ClusterStore.RecountAsync(c, tx, clusters);
            await AuditLog.WriteAsync(c, tx, user, "actor.delete", "actor", actorId,
                new { before.Name, before.Kind, before.Country, before.Title, aliases = string.Join(", ", aliases.Select(a => a.Alias)) }, effect);
            return 0;
        }, ct);
    }

    /// <summary>After a committed change, the live extraction dictionary learns the actor's confirmed names.</summary>
    private async Task Learned(long actorId, Task<int> change, CancellationToken ct)
    {
        await change;
        if (learning is not null)
        {
            await learning.LearnActorAsync(actorId, ct);
        }
    }

    private static async Task<Snapshot> GetAsync(DbConnection c, DbTransaction tx, long id) =>
        await c.QuerySingleOrDefaultAsync<Snapshot>(
            "SELECT id, name, kind, country, title, role, verified, version, merged_into_id FROM actors WHERE id = @id", new { id }, tx)
        ?? throw new KeyNotFoundException($"No actor {id}.");

    private static Task Touch(DbConnection c, DbTransaction tx, long id) =>
        c.ExecuteAsync("UPDATE actors SET edited = 1, version = version + 1, updated_at = @now WHERE id = @id", new { id, now = Clock.Now() }, tx);

    internal static async Task<bool> AddAliasRowAsync(DbConnection c, DbTransaction tx, long actorId, string alias, string origin) =>
        await c.ExecuteAsync("""
            INSERT INTO actor_aliases (actor_id, alias, normalized, origin) VALUES (@actorId, @alias, @normalized, @origin)
            ON CONFLICT (actor_id, normalized) DO NOTHING
            """, new { actorId, alias, normalized = NameKey.Normalize(alias), origin }, tx) > 0;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    internal static async Task<ConcurrencyException> ConflictAsync(DbConnection c, DbTransaction tx, string entity, long id, int expected, int current)
    {
        var by = await c.QuerySingleOrDefaultAsync<string>(
            "SELECT user_name FROM audit_log WHERE entity_type = @entity AND entity_id = @id ORDER BY id DESC LIMIT 1", new { entity, id }, tx);
        return new ConcurrencyException(entity, id, expected, current, by);
    }
}
