using Dapper;
using IraqCoalition.Data.Storage;

namespace IraqCoalition.Data.Search;

public sealed class SearchHit
{
    public string Kind { get; init; } = "";
    public long RefId { get; init; }
    public long? ArticleId { get; init; }
    public string Title { get; init; } = "";

    /// <summary>
    /// What the hit shows, read from its row: the matching sentence of an article, the statement as
    /// StatementWording shows it, an event's evidence sentence, an actor's kind, country, title and
    /// matching aliases. Plain text; the page marks the search words in it (SearchTerms.Find).
    /// </summary>
    public string Text { get; set; } = "";

    /// <summary>The article's published day, the event's or the statement's date.</summary>
    public string? Date { get; set; }

    /// <summary>Who acted and on whom (events), the outlet (articles).</summary>
    public string? Source { get; set; }

    public string? Target { get; set; }

    public long? SourceId { get; set; }

    public long? TargetId { get; set; }

    public double Rank { get; init; }
}

/// <summary>One page of search hits.</summary>
/// <param name="ByRelevance">
/// False when more than <see cref="SearchRepository.RankLimit"/> rows match: the hits are then the
/// newest matches first, because scoring every match by relevance would take far too long.
/// </param>
public sealed record SearchResults(IReadOnlyList<SearchHit> Items, int Total, bool Capped, bool ByRelevance);

/// <summary>One box across articles, statements, events and actors, on the engine's full-text index (<see cref="FullText"/>).</summary>
public sealed partial class SearchRepository(ConnectionFactory factory)
{
    /// <summary>
    /// Most matches that are ranked by bm25. FTS5 scores every match before it sorts, about a
    /// microsecond each: 150,000 matches of a common name took 180 ms on the synthetic database.
    /// </summary>
    public const int RankLimit = 5_000;

    public static readonly IReadOnlyList<string> Kinds = ["article", "statement", "event", "actor"];

    /// <summary>
    /// Turns what a user typed into a safe FTS5 query: every word becomes a quoted prefix term, so
    /// operators and punctuation in the input are searched for, never interpreted.
    /// </summary>
    public static string? ToFtsQuery(string? text) => FullText.Sqlite.Query(text);

    public async Task<SearchResults> SearchAsync(string? text, string? kind = null, int skip = 0, int take = 20, CancellationToken ct = default)
    {
        if (SearchTerms.Words(text).Count == 0)
        {
            return new SearchResults([], 0, false, true);
        }

        await using var c = await factory.OpenAsync(ct);
        var fullText = FullText.Of(c);
        var query = fullText.Query(text);
        // rowid = id * 4 + kind (Migrations/Sqlite/0003_search.sql): filtering on rowid arithmetic reads only the
        // FTS doclists, while the kind/ref_id columns would cost a content-table read per match.
        var w = new SqlWhere().And(fullText.SearchMatch("@query"));
        if (kind is not null)
        {
            var k = Kinds.ToList().IndexOf(kind);
            w.AndIf(k < 0 ? throw new ArgumentException($"Unknown kind '{kind}'.", nameof(kind)) : k, "rowid % 4 = @kind", "kind");
        }

        w.Parameters.Add("query", query);
        w.Parameters.Add("skip", Math.Max(0, skip));
        w.Parameters.Add("take", Math.Clamp(take, 1, 100));
        // Rejected events/statements and merged actors are left out, as everywhere else.
        const string visible = """
            AND NOT (rowid % 4 = 2 AND rowid / 4 IN (SELECT id FROM events WHERE status = 'rejected'))
            AND NOT (rowid % 4 = 1 AND rowid / 4 IN (SELECT id FROM statements WHERE status = 'rejected'))
            AND NOT (rowid % 4 = 3 AND rowid / 4 IN (SELECT id FROM actors WHERE merged_into_id IS NOT NULL))
            """;
        var many = await c.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT count(*) FROM (SELECT 1 FROM search_index {w} LIMIT {RankLimit + 1}) AS matches", w.Parameters, cancellationToken: ct)) > RankLimit;
        // Newest first walks the match list backwards and stops after one page; ranking cannot stop early.
        var items = await c.QueryAsync<SearchHit>(new CommandDefinition($"""
            SELECT kind, ref_id, article_id, title, {(many ? "0.0" : fullText.SearchRank("@query"))} AS rank
            FROM search_index {w} {visible}
            ORDER BY {(many ? "rowid DESC" : "rank, rowid DESC")} LIMIT @take OFFSET @skip
            """, w.Parameters, cancellationToken: ct));
        var (total, capped) = await Counting.CountAsync(c, $"FROM search_index {w} {visible}", w.Parameters, ct);
        var hits = items.ToList();
        await ReadRowsAsync(c, hits, SearchTerms.Words(text), ct);
        return new SearchResults(hits, total, capped, !many);
    }
}
