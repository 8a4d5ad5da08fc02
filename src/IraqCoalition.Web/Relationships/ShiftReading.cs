using System.Globalization;
using IraqCoalition.Core.Dyads;

namespace IraqCoalition.Web.Relationships;

/// <summary>A detected shift to draw on the chart: its first week and the words beside the line.</summary>
public sealed record ShiftMark(DateOnly Week, string Label);

/// <summary>The change-point estimate of a dyad's weekly net cooperation (docs/change-point.md), as the page shows it.</summary>
public sealed record ShiftReading(ChangePointEstimate Estimate, DateOnly Week)
{
    /// <summary>
    /// On the weeks from the first event to the last, quiet ones included: the chart's margins around
    /// key events are axis, not data. Null when there are too few weeks for two segments.
    /// </summary>
    public static ShiftReading? Of(IEnumerable<WeekBucket> buckets)
    {
        var weeks = WeeklySeries.FillGaps(buckets);
        return ChangePoint.Estimate(weeks.Select(w => w.Net).ToList()) is { } estimate ? new ShiftReading(estimate, weeks[estimate.Index].WeekStart) : null;
    }

    public bool Significant => Estimate.IsSignificant();

    /// <summary>What the chart draws: only a significant shift.</summary>
    public ShiftMark? Mark => Significant ? new ShiftMark(Week, $"shift {Day} ({PValue})") : null;

    public string Sentence =>
        (Significant ? "Estimated shift" : "No significant shift; the best split is")
        + $" from the week of {Day}: net cooperation {Score(Estimate.MeanBefore)} a week before, {Score(Estimate.MeanAfter)} after"
        + $" ({PValue}, {Estimate.Permutations} shuffles of the weeks; see docs/change-point.md).";

    private string Day => Week.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    // The smallest p-value a permutation test can give is 1/(shuffles + 1): no shuffle split as well.
    private string PValue =>
        (Estimate.PValue <= 1.0 / (Estimate.Permutations + 1) + 1e-12 ? "p ≤ " : "p = ")
        + Estimate.PValue.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Score(double v) => v.ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture);
}
