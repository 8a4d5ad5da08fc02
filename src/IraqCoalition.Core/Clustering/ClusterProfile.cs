namespace IraqCoalition.Core.Clustering;

/// <summary>
/// What an existing event cluster looks like to a new report: every root, source and target its
/// reports carry, the evidence words they share, and the interval all of them allow (the
/// intersection, so a "last week" report that joined a dated strike does not widen it).
/// </summary>
public sealed record ClusterProfile
{
    /// <summary>The most terms a profile keeps; beyond this a big cluster would match anything.</summary>
    public const int MaxTerms = 80;

    public long Id { get; init; }
    public IReadOnlySet<string> Roots { get; init; } = new HashSet<string>();
    public IReadOnlySet<string> Sources { get; init; } = new HashSet<string>();
    public IReadOnlySet<string> Targets { get; init; } = new HashSet<string>();
    public DateOnly Start { get; init; }
    public DateOnly End { get; init; }
    public IReadOnlySet<string> Terms { get; init; } = new HashSet<string>();
    public int Reports { get; init; }

    /// <summary>The profile of a cluster made of these reports (at least one).</summary>
    public static ClusterProfile Of(long id, IReadOnlyCollection<EventReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (reports.Count == 0)
        {
            throw new ArgumentException("a cluster has at least one report", nameof(reports));
        }

        // The interval every report allows; when reports disagree (an editor put them together),
        // fall back to the span of the most precise one so the cluster still has a date.
        var start = reports.Max(r => r.Start);
        var end = reports.Min(r => r.End);
        if (start > end)
        {
            var precise = reports.MinBy(r => r.End.DayNumber - r.Start.DayNumber)!;
            (start, end) = (precise.Start, precise.End);
        }

        // Terms that several reports share come first, so the cap drops one report's incidental words.
        var terms = reports.SelectMany(r => r.Terms)
            .GroupBy(t => t, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(MaxTerms)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        return new ClusterProfile
        {
            Id = id,
            Roots = reports.Select(r => r.Root).ToHashSet(StringComparer.Ordinal),
            Sources = reports.SelectMany(r => r.SourceKeys).ToHashSet(StringComparer.Ordinal),
            Targets = reports.SelectMany(r => r.TargetKeys).ToHashSet(StringComparer.Ordinal),
            Start = start,
            End = end,
            Terms = terms,
            Reports = reports.Count,
        };
    }
}
