using System.Globalization;
using Dapper;
using IraqCoalition.Data.Sqlite;

namespace IraqCoalition.Data.Events;

/// <summary>Reads events for the timeline, event detail and dyad charts; every query is paged or aggregated in SQL.</summary>
public sealed class EventRepository(SqliteConnectionFactory factory)
{
    private const string SelectColumns = """
        e.id, e.article_id, ar.title AS article_title, e.code, e.root, e.label, e.goldstein, e.quad_class,
        e.source_actor_id, s.name AS source_name, e.source_country,
        e.target_actor_id, t.name AS target_name, e.target_country,
        e.date_value, e.date_start, e.date_end, e.date_precision, e.date_text, e.location, e.summary,
        e.evidence_start, e.evidence_end, e.evidence_text, e.negated, e.modality, e.status, e.edited, e.version
        """;

    private const string FromJoins = """
        FROM events e
        JOIN articles ar ON ar.id = e.article_id
        LEFT JOIN actors s ON s.id = e.source_actor_id
        LEFT JOIN actors t ON t.id = e.target_actor_id
        """;

    public async Task<Page<TimelineEvent>> QueryTimelineAsync(TimelineQuery q, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(q);
        var (where, p) = BuildWhere(q);
        var order = q.Descending ? "e.date_value DESC, e.id DESC" : "e.date_value, e.id";
        p.Add("take", Math.Clamp(q.Take, 1, 1000));
        p.Add("skip", Math.Max(0, q.Skip));
        await using var c = await factory.OpenAsync(ct);
        var items = await c.QueryAsync<TimelineEvent>(new CommandDefinition(
            $"SELECT {SelectColumns} {FromJoins} {where} ORDER BY {order} LIMIT @take OFFSET @skip", p, cancellationToken: ct));
        var (total, capped) = await Counting.CountAsync(c, $"FROM events e {where}", p, ct);
        return new Page<TimelineEvent>(items.ToList(), total, capped);
    }

    public async Task<TimelineEvent?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<TimelineEvent>(new CommandDefinition(
            $"SELECT {SelectColumns} {FromJoins} WHERE e.id = @id", new { id }, cancellationToken: ct));
    }

    /// <summary>Events of one article in text order (for the reader's highlights).</summary>
    public async Task<IReadOnlyList<TimelineEvent>> ForArticleAsync(long articleId, CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        return (await c.QueryAsync<TimelineEvent>(new CommandDefinition(
            $"SELECT {SelectColumns} {FromJoins} WHERE e.article_id = @articleId ORDER BY e.evidence_start", new { articleId }, cancellationToken: ct))).ToList();
    }

    /// <summary>
    /// Weekly buckets (weeks start on Monday) of events between two countries, in either direction.
    /// </summary>
    public async Task<IReadOnlyList<DyadWeek>> DyadSeriesAsync(string countryA, string countryB, DateOnly? from = null, DateOnly? to = null, CancellationToken ct = default)
    {
        var (where, p) = BuildWhere(new TimelineQuery { CountryA = countryA, CountryB = countryB, From = from, To = to });
        await using var c = await factory.OpenAsync(ct);
        // Aggregate per day in SQL (few rows), bucket into weeks here: week arithmetic is dialect-specific SQL.
        var days = await c.QueryAsync<(string Day, int QuadClass, int N, double Sum)>(new CommandDefinition($"""
            SELECT e.date_value, e.quad_class, count(*), sum(e.goldstein)
            FROM events e {where}
            GROUP BY e.date_value, e.quad_class
            ORDER BY e.date_value
            """, p, cancellationToken: ct));
        return days
            .GroupBy(d => WeekStart(d.Day))
            .Select(g => new DyadWeek
            {
                WeekStart = g.Key,
                Events = g.Sum(x => x.N),
                VerbalCooperation = g.Where(x => x.QuadClass == 1).Sum(x => x.N),
                MaterialCooperation = g.Where(x => x.QuadClass == 2).Sum(x => x.N),
                VerbalConflict = g.Where(x => x.QuadClass == 3).Sum(x => x.N),
                MaterialConflict = g.Where(x => x.QuadClass == 4).Sum(x => x.N),
                MeanGoldstein = Math.Round(g.Sum(x => x.Sum) / g.Sum(x => x.N), 2),
            })
            .OrderBy(w => w.WeekStart, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Monday of the ISO week holding <paramref name="day"/> (yyyy-MM-dd).</summary>
    public static string WeekStart(string day)
    {
        var d = DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var offset = ((int)d.DayOfWeek + 6) % 7;
        return d.AddDays(-offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>The unordered pair key stored in events.dyad: "IRQ-USA" for (USA, IRQ) and (IRQ, USA).</summary>
    public static string DyadKey(string a, string b)
    {
        a = a.Trim().ToUpperInvariant();
        b = b.Trim().ToUpperInvariant();
        return string.CompareOrdinal(a, b) <= 0 ? $"{a}-{b}" : $"{b}-{a}";
    }

    internal static (string Where, DynamicParameters Params) BuildWhere(TimelineQuery q)
    {
        var w = new SqlWhere();
        if (!q.IncludeRejected)
        {
            w.And("e.status <> 'rejected'");
        }

        w.AndIf(q.From, "e.date_value >= @from", "from")
         .AndIf(q.To, "e.date_value <= @to", "to");
        if (!string.IsNullOrEmpty(q.CountryA) && !string.IsNullOrEmpty(q.CountryB))
        {
            w.AndIf(DyadKey(q.CountryA, q.CountryB), "e.dyad = @dyad", "dyad");
        }
        else
        {
            w.AndIf((q.CountryA ?? q.CountryB)?.ToUpperInvariant(), "(e.source_country = @ca OR e.target_country = @ca)", "ca");
        }

        w.AndIf(q.ActorId, "(e.source_actor_id = @actor OR e.target_actor_id = @actor)", "actor")
         .AndIf(q.Root, "e.root = @root", "root")
         .AndIf(q.QuadClass, "e.quad_class = @quad", "quad")
         .AndIf(q.ArticleId, "e.article_id = @article", "article")
         .AndIf(q.TagId, "(e.source_actor_id IN (SELECT actor_id FROM actor_tags WHERE tag_id = @tag) OR e.target_actor_id IN (SELECT actor_id FROM actor_tags WHERE tag_id = @tag))", "tag")
         .AndIf(Search.SearchRepository.ToFtsQuery(q.Text), "e.id IN (SELECT ref_id FROM search_index WHERE search_index MATCH @text AND kind = 'event')", "text");
        return (w.ToString(), w.Parameters);
    }
}
