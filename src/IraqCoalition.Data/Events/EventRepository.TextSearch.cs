using System.Data;
using System.Globalization;
using Dapper;
using IraqCoalition.Data.Search;
using IraqCoalition.Data.Storage;

namespace IraqCoalition.Data.Events;

public sealed partial class EventRepository
{
    /// <summary>Tags with more actors than this are left to the SQL path: their facet expression would be too long.</summary>
    internal const int MaxTagActorsInFacets = 100;

    /// <summary>Words naming more actors than this are left to the SQL path, for the same reason.</summary>
    internal const int MaxTextActorsInFacets = 100;

    /// <summary>
    /// A timeline query with free text, said as one expression on the event_search index
    /// (Migrations/0004_event_search.sql) and a rowid range, or null when it has no text.
    /// </summary>
    /// <param name="Match">The FTS5 expression; null when the filters can match nothing.</param>
    internal sealed record TextSearch(string? Match, string Range, DynamicParameters Parameters);

    /// <summary>
    /// Builds the <see cref="TextSearch"/> for <paramref name="q"/>: the words must be in the event's
    /// text and every filter becomes a facet token; the date range and the keyset cursor become a range
    /// of rowids, which are (julian day of date_value &lt;&lt; 32) | id, so rowid order is timeline order.
    /// </summary>
    internal static async Task<TextSearch?> BuildTextSearchAsync(IDbConnection c, TimelineQuery q, CancellationToken ct)
    {
        if (!FullText.Of(c).HasEventFacets || SearchRepository.ToFtsQuery(q.Text) is not { } terms)
        {
            return null;
        }

        var p = new DynamicParameters();
        // A person's name is often not in the sentence ("he", "the general"): events whose source or
        // target actor is named by the words (name, aliases, title, role) match as well.
        var named = (await c.QueryAsync<long>(new CommandDefinition(
            $"{FullText.Sqlite.ActorsNamed("@text")} LIMIT {MaxTextActorsInFacets + 1}", new { text = terms }, cancellationToken: ct))).ToList();
        if (named.Count > MaxTextActorsInFacets)
        {
            return null;
        }

        var words = named.Count == 0
            ? $"body : ({terms})"
            : $"(body : ({terms}) OR facets : ({string.Join(" OR ", named.SelectMany(a => new[] { Number("sa", a), Number("ta", a) }))}))";
        var parts = new List<string> { words };
        var nothing = false;
        void Facet(params string[] alternatives) => parts.Add($"facets : ({string.Join(" OR ", alternatives)})");

        if (!string.IsNullOrEmpty(q.CountryA) && !string.IsNullOrEmpty(q.CountryB))
        {
            var dyad = DyadKey(q.CountryA, q.CountryB).Replace("-", "", StringComparison.Ordinal);
            nothing |= !IsToken(dyad);
            Facet("dy" + dyad);
        }
        else if ((q.CountryA ?? q.CountryB) is { Length: > 0 } country)
        {
            var cc = country.Trim().ToUpperInvariant();
            nothing |= !IsToken(cc);
            Facet("sc" + cc, "tc" + cc);
        }

        if (q.ActorId is { } actor)
        {
            Facet(Number("sa", actor), Number("ta", actor));
        }

        if (q.TagId is { } tag)
        {
            var actors = (await c.QueryAsync<long>(new CommandDefinition(
                $"SELECT actor_id FROM actor_tags WHERE tag_id = @tag ORDER BY actor_id LIMIT {MaxTagActorsInFacets + 1}",
                new { tag }, cancellationToken: ct))).ToList();
            if (actors.Count > MaxTagActorsInFacets)
            {
                return null;
            }

            nothing |= actors.Count == 0;
            Facet(actors.SelectMany(a => new[] { Number("sa", a), Number("ta", a) }).DefaultIfEmpty("sa0").ToArray());
        }

        if (q.Root is { Length: > 0 } root)
        {
            nothing |= !IsToken(root);
            Facet("rt" + root);
        }

        if (q.QuadClass is { } quad)
        {
            Facet(Number("qc", quad));
        }

        if (q.ArticleId is { } article)
        {
            Facet(Number("ar", article));
        }

        if (!q.Reports)
        {
            Facet("ld1");
        }

        if (q.Corroborated)
        {
            // Corroboration lives in event_clusters, which the index does not hold.
            return null;
        }

        var match = string.Join(" AND ", parts);
        if (!q.IncludeRejected)
        {
            match = $"({match}) NOT facets : (strejected)";
        }

        p.Add("match", match);
        var range = new List<string>();
        if (q.From is { } from)
        {
            p.Add("from", from);
            range.Add("rowid >= (CAST(julianday(@from) AS INTEGER) << 32)");
        }

        if (q.To is { } to)
        {
            p.Add("to", to);
            range.Add("rowid < ((CAST(julianday(@to) AS INTEGER) + 1) << 32)");
        }

        if (q.After is { } after)
        {
            p.Add("afterDate", after.DateValue);
            p.Add("afterId", after.Id);
            range.Add($"rowid {(q.Descending ? "<" : ">")} ((CAST(julianday(@afterDate) AS INTEGER) << 32) | @afterId)");
        }

        return new TextSearch(nothing ? null : match, string.Concat(range.Select(r => " AND " + r)), p);
    }

    private static async Task<IReadOnlyList<TimelineEvent>> PageByTextAsync(IDbConnection c, TimelineQuery q, TextSearch search, CancellationToken ct)
    {
        if (search.Match is null)
        {
            return [];
        }

        var p = search.Parameters;
        p.Add("take", Math.Clamp(q.Take, 1, 1000));
        p.Add("skip", Math.Max(0, q.Skip));
        var (order, rowidOrder) = q.Descending ? ("e.date_value DESC, e.id DESC", "rowid DESC") : ("e.date_value, e.id", "rowid");
        // The index hands out rowids in timeline order and stops after the page; the low 32 bits are the event id.
        var items = await c.QueryAsync<TimelineEvent>(new CommandDefinition($"""
            SELECT {SelectColumns} {FromJoins}
            WHERE e.id IN (SELECT rowid & 4294967295 FROM event_search
                           WHERE event_search MATCH @match{search.Range}
                           ORDER BY {rowidOrder} LIMIT @take OFFSET @skip)
            ORDER BY {order}
            """, p, cancellationToken: ct));
        return items.ToList();
    }

    private static Task<(int Total, bool Capped)> CountByTextAsync(IDbConnection c, TextSearch search, CancellationToken ct) =>
        search.Match is null
            ? Task.FromResult((0, false))
            : Counting.CountAsync(c, $"FROM event_search WHERE event_search MATCH @match{search.Range}", search.Parameters, ct);

    private static string Number(string prefix, long value) => prefix + value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Facet values are single tokens of letters and digits; anything else cannot be a stored value.</summary>
    private static bool IsToken(string value) => value.Length > 0 && value.All(char.IsAsciiLetterOrDigit);
}
