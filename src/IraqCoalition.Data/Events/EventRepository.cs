using System.Globalization;
using Dapper;
using IraqCoalition.Core.Dyads;
using IraqCoalition.Data.Search;
using IraqCoalition.Data.Storage;

namespace IraqCoalition.Data.Events;

/// <summary>Reads events for the timeline, event detail and dyad charts; every query is paged or aggregated in SQL.</summary>
public sealed partial class EventRepository(ConnectionFactory factory)
{
    private const string SelectColumns = """
        e.id, e.article_id, ar.title AS article_title, e.code, e.root, e.label, e.goldstein, e.quad_class,
        e.source_actor_id, s.name AS source_name, s.kind AS source_kind, e.source_country,
        e.target_actor_id, t.name AS target_name, t.kind AS target_kind, e.target_country,
        e.date_value, e.date_start, e.date_end, e.date_precision, e.date_text, e.location, e.summary,
        e.evidence_start, e.evidence_end, e.evidence_text, e.negated, e.modality, e.status, e.edited, e.version,
        e.cluster_id, coalesce(ec.report_count, 1) AS report_count, coalesce(ec.source_count, 1) AS source_count, e.lead,
        e.origin, e.review_note
        """;

    private const string FromJoins = """
        FROM events e
        JOIN articles ar ON ar.id = e.article_id
        LEFT JOIN actors s ON s.id = e.source_actor_id
        LEFT JOIN actors t ON t.id = e.target_actor_id
        LEFT JOIN event_clusters ec ON ec.id = e.cluster_id
        """;

    /// <summary>One page of the timeline and the (capped) number of events matching the filters.</summary>
    public async Task<Page<TimelineEvent>> QueryTimelineAsync(TimelineQuery q, CancellationToken ct = default)
    {
        var items = await PageTimelineAsync(q, ct);
        var (total, capped) = await CountTimelineAsync(q, ct);
        return new Page<TimelineEvent>(items, total, capped);
    }

    /// <summary>
    /// The events of one page in timeline order, without counting: the list asks for the count once
    /// per filter and then only for rows, usually after a <see cref="TimelineQuery.After"/> cursor.
    /// </summary>
    public async Task<IReadOnlyList<TimelineEvent>> PageTimelineAsync(TimelineQuery q, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(q);
        var order = q.Descending ? "e.date_value DESC, e.id DESC" : "e.date_value, e.id";
        await using var c = await factory.OpenAsync(ct);
        if (await BuildTextSearchAsync(c, q, ct) is { } search)
        {
            return await PageByTextAsync(c, q, search, ct);
        }

        var common = await IsCommonTextAsync(c, q.Text, ct);
        var fullText = FullText.Of(c);
        string where;
        DynamicParameters p;
        if (SplitFilter(q) == Side.Either)
        {
            (where, p) = BuildWhere(q, Side.Either, common, fullText);
        }
        else
        {
            // "Source or target is X" cannot walk one index in date order. Each side can, so take the
            // first skip+take rows of each side in date order and merge them.
            (var source, p) = BuildWhere(q, Side.Source, common, fullText);
            var (target, _) = BuildWhere(q, Side.Target, common, fullText);
            p.Add("k", Math.Max(0, q.Skip) + Math.Clamp(q.Take, 1, 1000));
            where = $"""
                WHERE e.id IN (
                    SELECT id FROM (SELECT e.id FROM events e {source} ORDER BY {order} LIMIT @k) AS by_source
                    UNION
                    SELECT id FROM (SELECT e.id FROM events e {target} ORDER BY {order} LIMIT @k) AS by_target)
                """;
        }

        p.Add("take", Math.Clamp(q.Take, 1, 1000));
        p.Add("skip", Math.Max(0, q.Skip));
        var items = await c.QueryAsync<TimelineEvent>(new CommandDefinition(
            $"SELECT {SelectColumns} {FromJoins} {where} ORDER BY {order} LIMIT @take OFFSET @skip", p, cancellationToken: ct));
        return items.ToList();
    }

    /// <summary>How many events match the filters (cursor and paging ignored), stopping at <see cref="Counting.Cap"/>.</summary>
    public async Task<(int Total, bool Capped)> CountTimelineAsync(TimelineQuery q, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(q);
        await using var c = await factory.OpenAsync(ct);
        return await CountAsync(c, q with { After = null, Skip = 0 }, ct);
    }

    /// <summary>Counts the matches of <paramref name="q"/>, after its cursor when it has one.</summary>
    private static async Task<(int Total, bool Capped)> CountAsync(System.Data.IDbConnection c, TimelineQuery q, CancellationToken ct)
    {
        if (await BuildTextSearchAsync(c, q, ct) is { } search)
        {
            return await CountByTextAsync(c, search, ct);
        }

        var common = await IsCommonTextAsync(c, q.Text, ct);
        var fullText = FullText.Of(c);
        string from;
        DynamicParameters p;
        if (SplitFilter(q) == Side.Either)
        {
            (var where, p) = BuildWhere(q, Side.Either, common, fullText);
            from = $"FROM events e {where}";
        }
        else
        {
            (var source, p) = BuildWhere(q, Side.Source, common, fullText);
            var (target, _) = BuildWhere(q, Side.Target, common, fullText);
            from = $"""
                FROM (SELECT id FROM (SELECT e.id FROM events e {source} LIMIT {Counting.Cap + 1}) AS by_source
                      UNION
                      SELECT id FROM (SELECT e.id FROM events e {target} LIMIT {Counting.Cap + 1}) AS by_target) AS either
                """;
        }

        return await Counting.CountAsync(c, from, p, ct);
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
    /// <param name="reports">Count every report instead of every event (coverage rather than happenings).</param>
    public async Task<IReadOnlyList<DyadWeek>> DyadSeriesAsync(string countryA, string countryB, DateOnly? from = null, DateOnly? to = null, bool reports = false, CancellationToken ct = default)
    {
        var (where, p) = BuildWhere(new TimelineQuery { CountryA = countryA, CountryB = countryB, From = from, To = to, Reports = reports });
        await using var c = await factory.OpenAsync(ct);
        // Aggregate per day in SQL (few rows), bucket into weeks here: week arithmetic is dialect-specific SQL.
        // One group per day in index order (no sort): the dyad index is (dyad, date_value, ...). Tones.Of is
        // the one rule for an event's tone; the SQL only splits each quad class at its neutral score, passed
        // in from Tones, so the two cannot drift apart (grouping by score and classifying here cost a sort
        // and four times the time: docs/performance.md).
        p.Add("neutral", Tones.NeutralGoldstein);
        var days = await c.QueryAsync<DayRow>(new CommandDefinition($"""
            SELECT e.date_value AS Day, count(*) AS N,
                   count(*) FILTER (WHERE e.quad_class = 1 AND e.goldstein <> @neutral) AS Q1,
                   count(*) FILTER (WHERE e.quad_class = 2 AND e.goldstein <> @neutral) AS Q2,
                   count(*) FILTER (WHERE e.quad_class = 3 AND e.goldstein <> @neutral) AS Q3,
                   count(*) FILTER (WHERE e.quad_class = 4 AND e.goldstein <> @neutral) AS Q4,
                   count(*) FILTER (WHERE e.goldstein = @neutral) AS Neutral, sum(e.goldstein) AS Sum
            FROM events e {where}
            GROUP BY e.date_value
            ORDER BY e.date_value
            """, p, cancellationToken: ct));
        return days
            .GroupBy(d => WeekStart(d.Day))
            .Select(g => new DyadWeek
            {
                WeekStart = g.Key,
                Events = g.Sum(x => x.N),
                VerbalCooperation = g.Sum(x => x.Q1),
                MaterialCooperation = g.Sum(x => x.Q2),
                VerbalConflict = g.Sum(x => x.Q3),
                MaterialConflict = g.Sum(x => x.Q4),
                Neutral = g.Sum(x => x.Neutral),
                MeanGoldstein = Math.Round(g.Sum(x => x.Sum) / g.Sum(x => x.N), 2),
            })
            .OrderBy(w => w.WeekStart, StringComparer.Ordinal)
            .ToList();
    }

    private sealed class DayRow
    {
        public string Day { get; init; } = "";
        public int N { get; init; }
        public int Q1 { get; init; }
        public int Q2 { get; init; }
        public int Q3 { get; init; }
        public int Q4 { get; init; }
        public int Neutral { get; init; }
        public double Sum { get; init; }
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

    /// <summary>Whether free text matches more events than are worth sorting (an FTS count, capped, a few ms).</summary>
    private static async Task<bool> IsCommonTextAsync(System.Data.IDbConnection c, string? text, CancellationToken ct)
    {
        var fullText = FullText.Of(c);
        if (fullText.Query(text) is not { } fts)
        {
            return false;
        }

        const int threshold = 2_000;
        var n = await c.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT count(*) FROM ({fullText.EventsWithWords("@fts")} LIMIT {threshold}) AS matched",
            new { fts }, cancellationToken: ct));
        if (n >= threshold)
        {
            return true;
        }

        // A country's or a busy person's name is common through the events of the actors it names.
        var byActor = await c.ExecuteScalarAsync<int>(new CommandDefinition($"""
            SELECT count(*) FROM (SELECT 1 FROM events
                                  WHERE source_actor_id IN ({fullText.ActorsNamed("@text")}) OR target_actor_id IN ({fullText.ActorsNamed("@text")})
                                  LIMIT {threshold}) AS named
            """, new { text = fts }, cancellationToken: ct));
        return n + byActor >= threshold;
    }

    /// <summary>
    /// The words are in the event's text, or name its source or target actor (as on the event_search
    /// path, <see cref="BuildTextSearchAsync"/>).
    /// </summary>
    private static string TextClause(FullText fullText, bool common)
    {
        // A common term matches too many events to fetch and sort them all: walk the date index and
        // probe the (materialised) match sets instead; "+" keeps SQLite from driving by the IN lists.
        var plus = common ? "+" : "";
        return $"""
            ({plus}e.id IN ({fullText.EventsWithWords("@text")})
             OR {plus}e.source_actor_id IN ({fullText.ActorsNamed("@text")}) OR {plus}e.target_actor_id IN ({fullText.ActorsNamed("@text")}))
            """;
    }

    internal enum Side
    {
        Either,
        Source,
        Target,
    }

    /// <summary>The one "source or target" filter that the query splits into two index walks, if any.</summary>
    private static Side SplitFilter(TimelineQuery q) =>
        q.ActorId is not null || q.TagId is not null || (string.IsNullOrEmpty(q.CountryA) != string.IsNullOrEmpty(q.CountryB))
            ? Side.Source
            : Side.Either;

    /// <param name="side">
    /// Either: "source or target" filters as OR. Source/Target: the first such filter (actor, else tag,
    /// else single country) is restricted to that side; the others stay OR.
    /// </param>
    internal static (string Where, DynamicParameters Params) BuildWhere(TimelineQuery q, Side side = Side.Either, bool commonText = false, FullText? fullText = null)
    {
        var w = new SqlWhere();
        if (!q.Reports)
        {
            // The literal term lets SQLite use the partial (lead-only) indexes of Migrations/0008.
            w.And("e.lead = 1");
        }

        if (q.Corroborated)
        {
            // The literal term lets SQLite use ix_events_corroborated (Migrations/0012).
            w.And("e.corroborated = 1");
        }

        if (!q.IncludeRejected)
        {
            w.And("e.status <> 'rejected'");
        }

        var sideTaken = side == Side.Either;
        string Pick(string source, string target, string either)
        {
            if (sideTaken)
            {
                return either;
            }

            sideTaken = true;
            return side == Side.Source ? source : target;
        }

        w.AndIf(q.From, "e.date_value >= @from", "from")
         .AndIf(q.To, "e.date_value <= @to", "to");
        if (q.After is { } after)
        {
            // A row-value comparison, so every (leading column, date_value, id) index seeks straight to the cursor.
            w.Parameters.Add("afterDate", after.DateValue);
            w.Parameters.Add("afterId", after.Id);
            w.And(q.Descending ? "(e.date_value, e.id) < (@afterDate, @afterId)" : "(e.date_value, e.id) > (@afterDate, @afterId)");
        }

        if (q.ActorId is not null)
        {
            w.AndIf(q.ActorId, Pick("e.source_actor_id = @actor", "e.target_actor_id = @actor", "(e.source_actor_id = @actor OR e.target_actor_id = @actor)"), "actor");
        }

        if (q.TagId is not null)
        {
            const string tagged = "(SELECT actor_id FROM actor_tags WHERE tag_id = @tag)";
            w.AndIf(q.TagId, Pick($"e.source_actor_id IN {tagged}", $"e.target_actor_id IN {tagged}", $"(e.source_actor_id IN {tagged} OR e.target_actor_id IN {tagged})"), "tag");
        }

        if (!string.IsNullOrEmpty(q.CountryA) && !string.IsNullOrEmpty(q.CountryB))
        {
            w.AndIf(DyadKey(q.CountryA, q.CountryB), "e.dyad = @dyad", "dyad");
        }
        else if ((q.CountryA ?? q.CountryB) is { Length: > 0 } country)
        {
            w.AndIf(country.ToUpperInvariant(), Pick("e.source_country = @ca", "e.target_country = @ca", "(e.source_country = @ca OR e.target_country = @ca)"), "ca");
        }

        w.AndIf(q.Root, "e.root = @root", "root")
         .AndIf(q.QuadClass, "e.quad_class = @quad", "quad")
         .AndIf(q.ArticleId, "e.article_id = @article", "article")
         .AndIf((fullText ?? FullText.Sqlite).Query(q.Text), TextClause(fullText ?? FullText.Sqlite, commonText), "text");
        return (w.ToString(), w.Parameters);
    }
}
