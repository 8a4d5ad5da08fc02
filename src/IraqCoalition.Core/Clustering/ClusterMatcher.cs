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

    /// <summary>
    /// Wording share at or above which, on the same day, one side naming another actor no longer
    /// refuses the match: extraction misreads one side of a report far more often than two
    /// same-day events share most of their words (docs/event-clusters.md).
    /// </summary>
    public double StrongText { get; init; } = 0.6;

    /// <summary>Credit for each side when the report names the cluster's target as source and its source as target.</summary>
    public double SwappedSides { get; init; } = 0.5;

    /// <summary>
    /// The roots where swapped sides can be one event: a meeting is mutual ("Iraq met Russia",
    /// "Russia met Iraq"), and a strike's victim is often read as its actor ("Soleimani was killed
    /// in a U.S. strike"). Not demands, threats or accusations, which two sides trade on one day.
    /// </summary>
    public IReadOnlySet<string> SwapRoots { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "04", "18", "19", "20" };

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
        var date = DateScore(r, c.Start, c.End);
        var (source, sourceWhy) = Side(r.SourceActor, r.SourceCountry, c.Sources, "source");
        var (target, targetWhy) = Side(r.TargetActor, r.TargetCountry, c.Targets, "target");
        var text = r.Terms.Count == 0 || c.Terms.Count == 0 ? 0 : r.Terms.Count(c.Terms.Contains) / (double)Math.Min(r.Terms.Count, c.Terms.Count);
        if (source < 0.7 && target < 0.7 && SwapRoots.Contains(r.Root)
            && SideScore(r.SourceActor, r.SourceCountry, SideKeys.Join(c.Targets)) >= 0.7
            && SideScore(r.TargetActor, r.TargetCountry, SideKeys.Join(c.Sources)) >= 0.7)
        {
            // "Soleimani was killed by a U.S. strike" read with Soleimani as the actor.
            (source, target) = (SwappedSides, SwappedSides);
            (sourceWhy, targetWhy) = ("source and target swapped", "");
        }
        else if (date == 1.0 && text >= StrongText && (source == 0) != (target == 0))
        {
            (source, sourceWhy, target, targetWhy) = source == 0
                ? (0.35, sourceWhy + ", outweighed by the wording", target, targetWhy)
                : (source, sourceWhy, 0.35, targetWhy + ", outweighed by the wording");
        }

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
        string[] parts =
        [
            rootFactor == 1 ? $"same root {r.Root}" : $"compatible roots {r.Root}~{string.Join("/", c.Roots)}",
            sourceWhy, targetWhy,
            $"wording {F(text)}",
            date == 1.0 ? "same day" : date == 0.6 ? "adjacent days" : "dates overlap",
        ];
        var why = string.Join("; ", parts.Where(part => part.Length > 0));
        return (score, why);
    }

    /// <summary>
    /// The highest score the report could reach against a cluster with these sides and interval,
    /// whatever their codes and wording: candidates below <see cref="Threshold"/> by this bound need
    /// not be read whole. Never below <see cref="Score"/> (ClusterMatcherTests).
    /// </summary>
    public double MaxScore(EventReport r, string sources, string targets, DateOnly start, DateOnly end)
    {
        ArgumentNullException.ThrowIfNull(r);
        var date = DateScore(r, start, end);
        var source = SideScore(r.SourceActor, r.SourceCountry, sources);
        var target = SideScore(r.TargetActor, r.TargetCountry, targets);
        var swapped = SwapRoots.Contains(r.Root) && SideScore(r.SourceActor, r.SourceCountry, targets) >= 0.7 && SideScore(r.TargetActor, r.TargetCountry, sources) >= 0.7
            ? SwappedSides : 0;
        var sides = Math.Max(SourceWeight * source + TargetWeight * target, (SourceWeight + TargetWeight) * swapped);
        if (date == 1.0 && (source == 0) != (target == 0))
        {
            sides = Math.Max(sides, SourceWeight * Math.Max(source, 0.35) + TargetWeight * Math.Max(target, 0.35));
        }

        return sides + TextWeight + DateWeight * date;
    }

    private double DateScore(EventReport r, DateOnly start, DateOnly end) =>
        r.Start == r.End && start == end ? (r.Start == start ? 1.0 : 0.6)
        : Days(r.Start, r.End) > VagueDays || Days(start, end) > VagueDays ? 0.3 : 0.7;

    private static (double Score, string Why) Side(long? actor, string? country, IReadOnlySet<string> cluster, string side)
    {
        var score = SideScore(actor, country, SideKeys.Join(cluster));
        return (score, score switch
        {
            1.0 => $"same {side} actor",
            0.7 => $"same {side} country {country!.Trim().ToUpperInvariant()}",
            0.35 => $"{side} unknown",
            _ => $"{side} {country!.Trim().ToUpperInvariant()} differs",
        });
    }

    /// <summary>
    /// Same actor 1, same country 0.7, either side unknown 0.35, another country 0; read from the
    /// stored, space-separated keys without allocating, since matching asks it of thousands of
    /// candidate clusters per report on a large record.
    /// </summary>
    private static double SideScore(long? actor, string? country, string stored)
    {
        var code = country.AsSpan().Trim();
        bool sameCountry = false, clusterHasCountry = false;
        foreach (var range in stored.AsSpan().Split(' '))
        {
            var key = stored.AsSpan()[range];
            if (key.IsEmpty)
            {
                continue;
            }

            if (SideKeys.IsActor(key))
            {
                if (actor is { } a && long.TryParse(key[1..], System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id == a)
                {
                    return 1.0;
                }
            }
            else
            {
                clusterHasCountry = true;
                sameCountry |= !code.IsEmpty && key.Equals(code, StringComparison.OrdinalIgnoreCase);
            }
        }

        // Unknown on either side: neither for nor against.
        return sameCountry ? 0.7 : code.IsEmpty || !clusterHasCountry ? 0.35 : 0;
    }

    private static int Days(DateOnly a, DateOnly b) => b.DayNumber - a.DayNumber;

    private static string F(double x) => x.ToString("0.00", CultureInfo.InvariantCulture);
}
