using Dapper;
using IraqCoalition.Core.Events;
using IraqCoalition.Data.Storage;

namespace IraqCoalition.Data.Quality;

/// <summary>The period a report covers: reviews (and editors' additions) from <see cref="From"/> to <see cref="To"/>, both days included.</summary>
public sealed record QualityQuery
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
}

/// <summary>
/// Editors' verdicts on a set of items. Precision and recall are null when their denominator is 0,
/// so nothing shows a ratio of nothing as 0 % or 100 %.
/// </summary>
public sealed record QualityCounts(int Verified, int Corrected, int Rejected, int Added)
{
    public static QualityCounts None { get; } = new(0, 0, 0, 0);

    /// <summary>Machine items with a verdict: the denominator of both precisions.</summary>
    public int Judged => Verified + Corrected + Rejected;

    /// <summary>What the machine found plus what it missed: the denominator of recall.</summary>
    public int Relevant => Verified + Corrected + Added;

    public int Count(string verdict) => verdict switch
    {
        QualityService.Verified => Verified,
        QualityService.Corrected => Corrected,
        QualityService.Rejected => Rejected,
        QualityService.Added => Added,
        _ => throw new ArgumentException($"Unknown verdict '{verdict}'.", nameof(verdict)),
    };

    /// <summary>Share of judged machine items that were really there (details right or not).</summary>
    public double? Precision => Ratio(Verified + Corrected, Judged);

    /// <summary>Share of judged machine items that were right in every detail.</summary>
    public double? ExactPrecision => Ratio(Verified, Judged);

    /// <summary>Share of the items there that the machine found.</summary>
    public double? Recall => Ratio(Verified + Corrected, Relevant);

    private static double? Ratio(int n, int d) => d == 0 ? null : (double)n / d;
}

public sealed record StageQuality(string Stage, QualityCounts Counts);

/// <summary>A pattern's verdicts. Additions have no pattern (the machine did not fire), so <see cref="QualityCounts.Added"/> is 0 here.</summary>
public sealed record RuleQuality(string Stage, string Rule, QualityCounts Counts);

public sealed record RootQuality(string Root, string Label, QualityCounts Counts);

/// <summary>One calendar month (yyyy-MM, UTC) of one stage.</summary>
public sealed record MonthQuality(string Stage, string Month, QualityCounts Counts);

public sealed record QualityReport(
    IReadOnlyList<StageQuality> Stages,
    IReadOnlyList<RuleQuality> Rules,
    IReadOnlyList<RootQuality> Roots,
    IReadOnlyList<MonthQuality> Months,
    IReadOnlyList<RuleQuality> MostRejected)
{
    public QualityCounts Stage(string stage) => Stages.FirstOrDefault(s => s.Stage == stage)?.Counts ?? QualityCounts.None;
}

/// <summary>Which items are behind a number of the report; every filter is optional.</summary>
public sealed record QualityItemQuery
{
    public string? Stage { get; init; }
    public string? Verdict { get; init; }

    /// <summary>A pattern as <see cref="RuleQuality.Rule"/> names it (<see cref="QualityService.UnrecordedRule"/> for none).</summary>
    public string? Rule { get; init; }
    public string? Root { get; init; }

    /// <summary>yyyy-MM.</summary>
    public string? Month { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 50;
}

/// <summary>One reviewed item with where it stands in its article, so the reader can highlight it.</summary>
public sealed class QualityItem
{
    public string Stage { get; init; } = "";
    public long Id { get; init; }
    public long ArticleId { get; init; }
    public string? ArticleTitle { get; init; }
    public int SpanStart { get; init; }
    public int SpanEnd { get; init; }

    /// <summary>The event's evidence or the statement's text.</summary>
    public string Text { get; init; } = "";
    public string? Code { get; init; }
    public string? Label { get; init; }
    public string Rule { get; init; } = "";
    public string Verdict { get; init; } = "";

    /// <summary>When it was judged, or for an addition when it was added (ISO-8601 UTC).</summary>
    public string At { get; init; } = "";
}

/// <summary>
/// How good the machine's extraction is, measured from editors' verdicts (docs/quality.md). Only
/// reviewed rows are read, through the partial indexes on reviewed_at, so the cost follows the
/// number of reviews, not the size of the corpus.
/// </summary>
public sealed class QualityService(ConnectionFactory factory, CameoCodebook codebook)
{
    public const string Events = "events";
    public const string Statements = "statements";
    public static readonly IReadOnlyList<string> AllStages = [Events, Statements];

    public const string Verified = "verified";
    public const string Corrected = "corrected";
    public const string Rejected = "rejected";
    public const string Added = "added";
    public static readonly IReadOnlyList<string> AllVerdicts = [Verified, Corrected, Rejected, Added];

    /// <summary>How machine items from before patterns were recorded are grouped.</summary>
    public const string UnrecordedRule = "(not recorded)";

    private const int MostRejectedCount = 10;

    // The verdicts, defined here and nowhere else. A machine item is rejected over anything else;
    // corrected whatever its status; verified only untouched. An editor's own item is a miss of the
    // machine's unless the editors withdrew it. A review taken back leaves reviewed_at NULL, and a
    // reviewed machine item still 'extracted' and uncorrected has no verdict: neither counts.
    // An addition is dated when it was added: a later correction of it does not move the miss.
    internal const string Judged = """
        FROM (
            SELECT stage, id, article_id, rule, root, code, label, span_start, span_end, text,
                   CASE WHEN origin = 'editor' THEN CASE WHEN status <> 'rejected' THEN 'added' END
                        WHEN status = 'rejected' THEN 'rejected'
                        WHEN corrected = 1 THEN 'corrected'
                        WHEN status = 'verified' THEN 'verified' END AS verdict,
                   CASE WHEN origin = 'editor' THEN created_at ELSE reviewed_at END AS at
            FROM (
                SELECT 'events' AS stage, id, article_id, rule, root, code, label, evidence_start AS span_start, evidence_end AS span_end,
                       evidence_text AS text, origin, status, corrected, reviewed_at, created_at
                FROM events WHERE reviewed_at IS NOT NULL
                UNION ALL
                SELECT 'statements', id, article_id, rule, NULL, NULL, NULL, content_start, content_end,
                       text, origin, status, corrected, reviewed_at, created_at
                FROM statements WHERE reviewed_at IS NOT NULL) AS items) j
        """;

    private const string Sums = """
        count(*) FILTER (WHERE verdict = 'verified') AS verified, count(*) FILTER (WHERE verdict = 'corrected') AS corrected,
        count(*) FILTER (WHERE verdict = 'rejected') AS rejected, count(*) FILTER (WHERE verdict = 'added') AS added
        """;

    private sealed class Group
    {
        public string Stage { get; init; } = "";
        public string? Key { get; init; }
        public int Verified { get; init; }
        public int Corrected { get; init; }
        public int Rejected { get; init; }
        public int Added { get; init; }

        public QualityCounts Counts => new(Verified, Corrected, Rejected, Added);
    }

    public async Task<QualityReport> ReportAsync(QualityQuery q, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(q);
        var w = Period(new SqlWhere().And("verdict IS NOT NULL"), q.From, q.To);
        w.Parameters.Add("unrecorded", UnrecordedRule);
        await using var c = await factory.OpenAsync(ct);

        // The group-by keys are literals chosen here; only values travel as parameters.
        async Task<List<Group>> GroupAsync(string key, string? also)
        {
            var sql = $"SELECT stage, {key} AS key, {Sums} {Judged} {w}{also} GROUP BY stage, {key} ORDER BY stage, {key}";
            return (await c.QueryAsync<Group>(new CommandDefinition(sql, w.Parameters, cancellationToken: ct))).ToList();
        }

        // A typed NULL: PostgreSQL refuses a bare constant as a GROUP BY or ORDER BY key.
        var stages = await GroupAsync("CAST(NULL AS TEXT)", null);
        var rules = await GroupAsync("coalesce(rule, @unrecorded)", " AND verdict <> 'added'");
        var roots = await GroupAsync("root", " AND stage = 'events'");
        var months = await GroupAsync("substr(at, 1, 7)", null);

        var ruleRows = rules.Select(g => new RuleQuality(g.Stage, g.Key!, g.Counts)).ToList();
        return new QualityReport(
            AllStages.Select(s => new StageQuality(s, stages.FirstOrDefault(g => g.Stage == s)?.Counts ?? QualityCounts.None)).ToList(),
            ruleRows,
            roots.Select(g => new RootQuality(g.Key!, RootLabel(g.Key!), g.Counts)).ToList(),
            months.Select(g => new MonthQuality(g.Stage, g.Key!, g.Counts)).ToList(),
            ruleRows.Where(r => r.Stage == Events && r.Counts.Rejected > 0)
                .OrderByDescending(r => r.Counts.Rejected).ThenBy(r => r.Counts.Precision).ThenBy(r => r.Rule, StringComparer.Ordinal)
                .Take(MostRejectedCount).ToList());
    }

    /// <summary>The items behind one number of the report, latest verdict first.</summary>
    public async Task<Page<QualityItem>> ItemsAsync(QualityItemQuery q, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(q);
        if (q.Stage is { } stage && !AllStages.Contains(stage))
        {
            throw new ArgumentException($"Unknown stage '{stage}'.", nameof(q));
        }

        if (q.Verdict is { } verdict && !AllVerdicts.Contains(verdict))
        {
            throw new ArgumentException($"Unknown verdict '{verdict}'.", nameof(q));
        }

        var w = Period(new SqlWhere().And("verdict IS NOT NULL"), q.From, q.To)
            .AndIf(q.Stage, "stage = @stage", "stage")
            .AndIf(q.Verdict, "verdict = @verdict", "verdict")
            // As the pattern table counts: additions have no pattern.
            .AndIf(q.Rule, "coalesce(rule, @unrecorded) = @rule AND verdict <> 'added'", "rule")
            .AndIf(q.Root, "root = @root", "root")
            .AndIf(q.Month, "substr(at, 1, 7) = @month", "month");
        w.Parameters.Add("unrecorded", UnrecordedRule);
        w.Parameters.Add("skip", Math.Max(0, q.Skip));
        w.Parameters.Add("take", Math.Clamp(q.Take, 1, 500));
        await using var c = await factory.OpenAsync(ct);
        var items = await c.QueryAsync<QualityItem>(new CommandDefinition($"""
            SELECT j.stage, j.id, j.article_id, a.title AS article_title, j.span_start, j.span_end, j.text, j.code, j.label,
                   coalesce(j.rule, @unrecorded) AS rule, j.verdict, j.at
            {Judged}
            JOIN articles a ON a.id = j.article_id
            {w}
            ORDER BY j.at DESC, j.stage, j.id DESC LIMIT @take OFFSET @skip
            """, w.Parameters, cancellationToken: ct));
        var (total, capped) = await Counting.CountAsync(c, $"{Judged} {w}", w.Parameters, ct);
        return new Page<QualityItem>(items.ToList(), total, capped);
    }

    private string RootLabel(string root) => codebook.TryGet(root, out var code) ? code.Label : root;

    private static SqlWhere Period(SqlWhere w, DateOnly? from, DateOnly? to) =>
        w.AndIf(from, "at >= @from", "from").AndIf(to?.AddDays(1), "at < @to", "to");
}
