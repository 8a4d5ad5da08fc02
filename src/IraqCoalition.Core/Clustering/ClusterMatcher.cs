using System.Globalization;

namespace IraqCoalition.Core.Clustering;

/// <summary>Whether a report joins an existing cluster, and why (shown to editors beside the report).</summary>
public sealed record ClusterDecision(long? ClusterId, double Score, string Reason)
{
    public bool Joins => ClusterId is not null;
}

/// <summary>
/// Decides whether a new event report is another report of an event already known. Two reports
/// can only be one event when their roots are compatible and their dates can be the same day;
/// among those candidates, a score weighs who acted (the same actor counts more than the same
/// country), on whom, how precisely the dates agree, and how much of the wording they share. The
/// weights and threshold were set on the sample corpus' cluster gold (docs/event-clusters.md).
/// </summary>
public sealed class ClusterMatcher(RootCompatibility? roots = null)
{
    private readonly RootCompatibility _roots = roots ?? RootCompatibility.Default;

    /// <summary>The lowest score at which a report joins a cluster rather than founding one.</summary>
    public double Threshold { get; init; } = 0.55;

    /// <summary>How far (days) back from a report's interval a cluster may start and still be a candidate.</summary>
    public const int LookBackDays = 40;

    /// <summary>How much wording reports with different (compatible) roots must share.</summary>
    public double MinTextAcrossRoots { get; init; } = 0.4;

    /// <summary>Reports or clusters dated to a span longer than this (days) are vague.</summary>
    public int VagueDays { get; init; } = 7;

    /// <summary>How much wording a vague report must share with a cluster (or a report with a vague cluster).</summary>
    public double MinTextWhenVague { get; init; } = 0.3;

    public double SourceWeight { get; init; } = 0.3;
    public double TargetWeight { get; init; } = 0.3;
    public double TextWeight { get; init; } = 0.25;
    public double DateWeight { get; init; } = 0.15;

    public ClusterDecision Decide(EventReport report, IEnumerable<ClusterProfile> candidates)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(candidates);
        (ClusterProfile Cluster, double Score, string Why)? best = null;
        var refusals = 0;
        foreach (var c in candidates)
        {
            var (score, why) = Score(report, c);
            if (score is null)
            {
                refusals++;
                continue;
            }

            if (best is null || score > best.Value.Score || (score == best.Value.Score && c.Id < best.Value.Cluster.Id))
            {
                best = (c, score.Value, why);
            }
        }

        if (best is { } b && b.Score >= Threshold)
        {
            return new ClusterDecision(b.Cluster.Id, Math.Round(b.Score, 3), $"joined event {b.Cluster.Id} (score {F(b.Score)} >= {F(Threshold)}): {b.Why}");
        }

        var reason = best is { } nb
            ? $"new event: the closest, event {nb.Cluster.Id}, scored {F(nb.Score)} < {F(Threshold)} ({nb.Why})"
            : refusals > 0 ? $"new event: {refusals} candidate(s) with incompatible code or dates" : "new event: no earlier event with a compatible code and date";
        return new ClusterDecision(null, best is { } x ? Math.Round(x.Score, 3) : 0, reason);
    }

    /// <summary>The match score of a report against a cluster, or null when they cannot be one event.</summary>
    public (double? Score, string Why) Score(EventReport r, ClusterProfile c)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(c);
        var rootFactor = c.Roots.Contains(r.Root) ? 1.0 : c.Roots.Any(x => _roots.Compatible(r.Root, x)) ? 0.9 : 0;
        if (rootFactor == 0)
        {
            return (null, $"root {r.Root} does not meet {string.Join("/", c.Roots)}");
        }

        // An overnight raid is "late Sunday" in one report and "Monday" in another.
        var slack = r.Start == r.End && c.Start == c.End ? 1 : 0;
        if (r.Start.AddDays(-slack) > c.End || r.End.AddDays(slack) < c.Start)
        {
            return (null, "dates cannot be the same day");
        }

        var vague = Days(r.Start, r.End) > VagueDays || Days(c.Start, c.End) > VagueDays;
        var date = r.Start == r.End && c.Start == c.End ? (r.Start == c.Start ? 1.0 : 0.6) : vague ? 0.3 : 0.7;
        var (source, sourceWhy) = Side(r.SourceActor, r.SourceCountry, c.Sources, "source");
        var (target, targetWhy) = Side(r.TargetActor, r.TargetCountry, c.Targets, "target");
        var text = r.Terms.Count == 0 || c.Terms.Count == 0 ? 0 : r.Terms.Count(c.Terms.Contains) / (double)Math.Min(r.Terms.Count, c.Terms.Count);
        if (vague && text < MinTextWhenVague)
        {
            // "in January" holds every January event: only the wording can say which one it is.
            return (null, $"a date vaguer than {VagueDays} days and wording that shares too little ({F(text)})");
        }

        if (rootFactor < 1 && text < MinTextAcrossRoots)
        {
            // "met" and "praised" by the same man on one day are two events; "struck" and "attacked"
            // are one only when the reports also share what was struck.
            return (null, $"roots {r.Root} and {string.Join("/", c.Roots)} differ and the wording shares too little ({F(text)})");
        }

        var score = rootFactor * (SourceWeight * source + TargetWeight * target + TextWeight * text + DateWeight * date);
        var why = string.Join("; ",
            rootFactor == 1 ? $"same root {r.Root}" : $"compatible roots {r.Root}~{string.Join("/", c.Roots)}",
            sourceWhy, targetWhy,
            $"wording {F(text)}",
            date == 1.0 ? "same day" : date == 0.6 ? "adjacent days" : "dates overlap");
        return (score, why);
    }

    private static (double Score, string Why) Side(long? actor, string? country, IReadOnlySet<string> cluster, string side)
    {
        if (actor is { } a && cluster.Contains(SideKeys.ActorKey(a)))
        {
            return (1.0, $"same {side} actor");
        }

        var code = string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant();
        if (code is not null && cluster.Contains(code))
        {
            return (0.7, $"same {side} country {code}");
        }

        // Unknown on either side: neither for nor against.
        if (code is null || !cluster.Any(k => !SideKeys.IsActor(k)))
        {
            return (0.35, $"{side} unknown");
        }

        return (0, $"{side} {code} differs");
    }

    private static int Days(DateOnly a, DateOnly b) => b.DayNumber - a.DayNumber;

    private static string F(double x) => x.ToString("0.00", CultureInfo.InvariantCulture);
}
