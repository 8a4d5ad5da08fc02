using System.Globalization;

namespace IraqCoalition.Web.Relationships;

/// <summary>
/// One sentence beside the trend badge saying why it reads as it does, from the comparison's own
/// numbers. The badge follows net cooperation per week, which is the mean Goldstein score times the
/// events per week, so the two can move apart; when they do, the sentence names the rate that moved.
/// </summary>
public static class TrendSentence
{
    public static string For(PivotComparison c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.NetShift is not { } netShift || c.Before.NetPerWeek is not { } netBefore || c.After.NetPerWeek is not { } netAfter
            || c.Before.MeanGoldstein is not { } meanBefore || c.After.MeanGoldstein is not { } meanAfter)
        {
            return "Not enough events: both sides of the pivot need events to compare.";
        }

        var day = c.Pivot.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        var meanShift = meanAfter - meanBefore;
        var head = c.Trend == "steady"
            ? $"Steady: net cooperation went from {S(netBefore)}/week before {day} to {S(netAfter)} after, a change of {S(netShift)} (under {S(PivotComparison.SteadyBand)} is steady)"
            : $"{Capitalised(c.Trend)}: net cooperation {Moved(netShift)} from {S(netBefore)}/week before {day} to {S(netAfter)} after";

        if (Math.Sign(meanShift) == 0 || Math.Sign(meanShift) == Math.Sign(netShift) || c.Trend == "steady")
        {
            return Math.Sign(meanShift) == 0
                ? $"{head}; mean Goldstein stayed at {S(meanAfter)}."
                : $"{head}; mean Goldstein {Moved(meanShift)} {(c.Trend == "steady" ? "" : "too, ")}from {S(meanBefore)} to {S(meanAfter)}.";
        }

        // Net and mean moved apart: then both means have the same sign and the event rate moved the net
        // against the mean (net = mean × events per week, see the class summary).
        var rateBefore = c.Before.EventsPerWeek!.Value;
        var rateAfter = c.After.EventsPerWeek!.Value;
        var rateWord = rateAfter > rateBefore ? "rose" : "fell";
        var sign = meanAfter < 0 ? "negative" : "positive";
        var many = rateAfter > rateBefore ? "more" : "fewer";
        var outcome = netShift < 0 ? "less" : "more";
        return $"{head}, although mean Goldstein {Moved(meanShift)} from {S(meanBefore)} to {S(meanAfter)}, because events per week {rateWord} from {R(rateBefore)} to {R(rateAfter)}: at a {sign} mean, {many} events mean {outcome} net cooperation.";
    }

    private static string Moved(double shift) => shift < 0 ? "fell" : shift > 0 ? "rose" : "stayed";

    private static string Capitalised(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static string S(double v) => v.ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture);

    private static string R(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
}
