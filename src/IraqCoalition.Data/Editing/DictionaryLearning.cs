using Dapper;
using IraqCoalition.Core.Actors;
using IraqCoalition.Data.Storage;

namespace IraqCoalition.Data.Editing;

/// <summary>
/// Feeds what editors confirmed back into the live extraction dictionary, so later articles
/// recognise those actors and aliases: aliases editors added (or that came with a merge) join
/// the dictionary entry of their actor, and edited or verified actors that are not in the
/// dictionary become entries of their own (key <c>db:ID</c>, which ingestion maps back to the row).
/// </summary>
public sealed class DictionaryLearning(ConnectionFactory factory, ActorDictionary dictionary)
{
    public const string DatabaseKeyPrefix = "db:";

    private sealed class Row
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Kind { get; init; } = "";
        public string? Country { get; init; }
        public string? Title { get; init; }
        public string? Role { get; init; }
        public string? DictionaryKey { get; init; }
        public string? Aliases { get; init; }
    }

    /// <summary>Loads every confirmed actor; returns how many entries were added or extended.</summary>
    public Task<int> LearnAllAsync(CancellationToken ct = default) => LearnAsync(null, ct);

    /// <summary>Re-reads one actor after an edit.</summary>
    public Task<int> LearnActorAsync(long actorId, CancellationToken ct = default) => LearnAsync(actorId, ct);

    private async Task<int> LearnAsync(long? actorId, CancellationToken ct)
    {
        await using var c = await factory.OpenAsync(ct);
        // Joined with a separator that never occurs in names (unit separator).
        var sql = SqlDialect.Of(c);
        var rows = await c.QueryAsync<Row>(new CommandDefinition($"""
            SELECT a.id, a.name, a.kind, a.country, a.title, a.role, a.dictionary_key,
                   (SELECT {sql.Concat("al.alias", sql.Character(31))} FROM actor_aliases al
                    WHERE al.actor_id = a.id AND al.origin IN ('editor', 'merge')) AS aliases
            FROM actors a
            WHERE a.merged_into_id IS NULL AND (a.edited = 1 OR a.verified = 1)
              AND (@actorId IS NULL OR a.id = @actorId)
            """, new { actorId }, cancellationToken: ct));
        var learned = 0;
        foreach (var r in rows)
        {
            var aliases = (r.Aliases ?? "").Split('\u001f', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (r.DictionaryKey is { Length: > 0 } key && !key.StartsWith(DatabaseKeyPrefix, StringComparison.Ordinal))
            {
                foreach (var alias in aliases.Append(r.Name))
                {
                    dictionary.AddAlias(key, alias);
                }
            }
            else
            {
                var entry = new ActorEntry
                {
                    Key = DatabaseKeyPrefix + r.Id,
                    Name = r.Name,
                    Kind = r.Kind,
                    Country = r.Country,
                    Title = r.Title,
                    Role = r.Role,
                    Source = "editor",
                };
                entry.Aliases.AddRange(aliases.Where(a => !string.Equals(a, r.Name, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal));
                dictionary.Add(entry);
            }

            learned++;
        }

        return learned;
    }
}
