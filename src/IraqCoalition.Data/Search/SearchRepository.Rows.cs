using System.Data.Common;
using Dapper;
using IraqCoalition.Data.Storage;
using IraqCoalition.Core.Actors;
using IraqCoalition.Core.Statements;

namespace IraqCoalition.Data.Search;

/// <summary>
/// A hit shows its row, not the index: the index's body column is a bag of words made for matching
/// (an actor's title, role, country and aliases run together), unreadable as a snippet.
/// </summary>
public sealed partial class SearchRepository
{
    // Classes with properties, not positional records: Dapper maps columns to properties by name (snake_case included) and converts 0/1 to bool.
    private sealed class ArticleRow
    {
        public long Id { get; init; }
        public string Body { get; init; } = "";
        public string? Published { get; init; }
        public string? Source { get; init; }
    }

    private sealed class StatementRow
    {
        public long Id { get; init; }
        public string Text { get; init; } = "";
        public bool Direct { get; init; }
        public string? DateValue { get; init; }
    }

    private sealed class EventRow
    {
        public long Id { get; init; }
        public string EvidenceText { get; init; } = "";
        public string? Summary { get; init; }
        public string DateValue { get; init; } = "";
        public long? SourceId { get; init; }
        public string? SourceName { get; init; }
        public long? TargetId { get; init; }
        public string? TargetName { get; init; }
    }

    private sealed class ActorRow
    {
        public long Id { get; init; }
        public string Kind { get; init; } = "";
        public string? Agent { get; init; }
        public string? Country { get; init; }
        public string? Title { get; init; }
        public string? Role { get; init; }
        public string? Aliases { get; init; }
    }

    private static async Task ReadRowsAsync(DbConnection c, IReadOnlyList<SearchHit> hits, IReadOnlyList<string> words, CancellationToken ct)
    {
        long[] Ids(string kind) => hits.Where(h => h.Kind == kind).Select(h => h.RefId).ToArray();
        IEnumerable<SearchHit> Of(string kind, long id) => hits.Where(h => h.Kind == kind && h.RefId == id);

        if (Ids("article") is { Length: > 0 } articles)
        {
            foreach (var a in await c.QueryAsync<ArticleRow>(new CommandDefinition(
                $"SELECT id, body, published, source FROM articles WHERE {SqlDialect.Of(c).In("id", "@articles")}", new { articles }, cancellationToken: ct)))
            {
                foreach (var h in Of("article", a.Id))
                {
                    (h.Text, h.Date, h.Source) = (SearchTerms.Sentence(a.Body, words), a.Published, a.Source);
                }
            }
        }

        if (Ids("statement") is { Length: > 0 } statements)
        {
            // The speaker is the hit's title already (the index's title column).
            foreach (var s in await c.QueryAsync<StatementRow>(new CommandDefinition(
                $"SELECT id, text, direct, date_value FROM statements WHERE {SqlDialect.Of(c).In("id", "@statements")}", new { statements }, cancellationToken: ct)))
            {
                foreach (var h in Of("statement", s.Id))
                {
                    (h.Text, h.Date) = (StatementWording.Display(s.Text, s.Direct).ToString(), s.DateValue);
                }
            }
        }

        if (Ids("event") is { Length: > 0 } events)
        {
            foreach (var e in await c.QueryAsync<EventRow>(new CommandDefinition($"""
                SELECT e.id, e.evidence_text, e.summary, e.date_value, e.source_actor_id AS source_id, sa.name AS source_name, e.target_actor_id AS target_id, ta.name AS target_name
                FROM events e
                LEFT JOIN actors sa ON sa.id = e.source_actor_id
                LEFT JOIN actors ta ON ta.id = e.target_actor_id
                WHERE {SqlDialect.Of(c).In("e.id", "@events")}
                """, new { events }, cancellationToken: ct)))
            {
                // The evidence sentence, unless only the editor's summary holds the words.
                var text = SearchTerms.Find(e.EvidenceText, words).Count == 0 && !string.IsNullOrWhiteSpace(e.Summary) ? e.Summary : e.EvidenceText;
                foreach (var h in Of("event", e.Id))
                {
                    (h.Text, h.Date, h.Source, h.SourceId, h.Target, h.TargetId) = (SearchTerms.Sentence(text, words, max: 400), e.DateValue, e.SourceName, e.SourceId, e.TargetName, e.TargetId);
                }
            }
        }

        if (Ids("actor") is { Length: > 0 } actors)
        {
            var sql = SqlDialect.Of(c);
            foreach (var a in await c.QueryAsync<ActorRow>(new CommandDefinition($"""
                SELECT a.id, a.kind, a.agent, a.country, a.title, a.role,
                       (SELECT {sql.Concat("alias", sql.Character(31))} FROM actor_aliases WHERE actor_id = a.id) AS aliases
                FROM actors a WHERE {sql.In("a.id", "@actors")}
                """, new { actors }, cancellationToken: ct)))
            {
                foreach (var h in Of("actor", a.Id))
                {
                    h.Text = ActorText(a, h.Title, words);
                }
            }
        }
    }

    /// <summary>"person · RUS · Ambassador · also Maksimov": the aliases only when the search matched one, so the reader sees why the actor came up.</summary>
    private static string ActorText(ActorRow a, string name, IReadOnlyList<string> words)
    {
        var parts = new List<string> { ActorWording.Describe(a.Kind, a.Agent) };
        parts.AddRange(new[] { a.Country, a.Title, a.Role }.Where(x => !string.IsNullOrWhiteSpace(x))!);
        var aliases = (a.Aliases ?? "").Split('\u001f', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(x => !name.Contains(x, StringComparison.OrdinalIgnoreCase) && SearchTerms.Find(x, words).Count > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(5)
            .ToList();
        if (aliases.Count > 0)
        {
            parts.Add("also " + string.Join(", ", aliases));
        }

        return string.Join(" · ", parts.Distinct(StringComparer.OrdinalIgnoreCase));
    }
}
