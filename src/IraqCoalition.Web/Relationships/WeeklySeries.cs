using IraqCoalition.Core.Dyads;

namespace IraqCoalition.Web.Relationships;

/// <summary>Events of one dyad in one week (weeks start on Monday), counted by tone (<see cref="Tones.Of"/>).</summary>
public sealed record WeekBucket(DateOnly WeekStart, int VerbalCooperation, int MaterialCooperation, int VerbalConflict, int MaterialConflict, double? MeanGoldstein, int Neutral = 0)
{
    public int Total => VerbalCooperation + MaterialCooperation + Neutral + VerbalConflict + MaterialConflict;
    public int Cooperation => VerbalCooperation + MaterialCooperation;
    public int Conflict => VerbalConflict + MaterialConflict;
    public DateOnly WeekEnd => WeekStart.AddDays(6);

    /// <summary>Net cooperation of the week: the sum of its Goldstein scores.</summary>
    public double Net => (MeanGoldstein ?? 0) * Total;

    public int Count(Tone tone) => tone switch
    {
        Tone.VerbalCooperation => VerbalCooperation,
        Tone.MaterialCooperation => MaterialCooperation,
        Tone.VerbalConflict => VerbalConflict,
        Tone.MaterialConflict => MaterialConflict,
        Tone.Neutral => Neutral,
        _ => throw new ArgumentOutOfRangeException(nameof(tone), tone, null),
    };

    public static WeekBucket Empty(DateOnly weekStart) => new(weekStart, 0, 0, 0, 0, null);
}

/// <summary>Summary of a dyad's events on one side of the pivot date.</summary>
/// <param name="Weeks">Calendar weeks in the period, empty ones included.</param>
/// <param name="GoldsteinSum">Sum of the events' Goldstein scores: the period's net cooperation.</param>
public sealed record PeriodSummary(int Events, int Cooperation, int Conflict, double? MeanGoldstein, int Weeks = 0, double GoldsteinSum = 0)
{
    public int Neutral => Events - Cooperation - Conflict;

    /// <summary>Events per calendar week of the period.</summary>
    public double? EventsPerWeek => Weeks == 0 ? null : Events / (double)Weeks;

    public double? ConflictShare => Events == 0 ? null : Conflict / (double)Events;

    /// <summary>
    /// Net cooperation per week: the Goldstein sum over the weeks of the period. Unlike the mean it
    /// weighs how much happens, so one mild dispute before and nine hostile acts after read as the
    /// cooling they are, although the mean conflict score of the nine is a little milder.
    /// </summary>
    public double? NetPerWeek => Weeks == 0 || Events == 0 ? null : GoldsteinSum / Weeks;
}

public sealed record PivotComparison(DateOnly Pivot, PeriodSummary Before, PeriodSummary After)
{
    /// <summary>Change of mean Goldstein across the pivot; null when either side has no events.</summary>
    public double? GoldsteinShift => Before.MeanGoldstein is { } b && After.MeanGoldstein is { } a ? a - b : null;

    /// <summary>Change of net cooperation per week across the pivot; null when either side has no events.</summary>
    public double? NetShift => Before.NetPerWeek is { } b && After.NetPerWeek is { } a ? a - b : null;

    /// <summary>A change of net cooperation per week smaller than this (Goldstein points) is called steady.</summary>
    public const double SteadyBand = 0.5;

    /// <summary>
    /// "cooling", "warming" or "steady", judged on the change of net cooperation per week (the
    /// volume-weighted Goldstein measure of event-data studies) rather than the mean alone.
    /// </summary>
    public string Trend => NetShift switch
    {
        null => "not enough events",
        <= -SteadyBand => "cooling",
        >= SteadyBand => "warming",
        _ => "steady",
    };
}

public static class WeeklySeries
{
    public static DateOnly WeekStartOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>Every week from the first to the last bucket, empty weeks included, so the x axis is time and not rank.</summary>
    public static IReadOnlyList<WeekBucket> FillGaps(IEnumerable<WeekBucket> buckets, DateOnly? from = null, DateOnly? to = null)
    {
        var byWeek = buckets.ToDictionary(b => WeekStartOf(b.WeekStart));
        if (byWeek.Count == 0 && (from is null || to is null))
        {
            return [];
        }

        var first = WeekStartOf(from ?? byWeek.Keys.Min());
        var last = WeekStartOf(to ?? byWeek.Keys.Max());
        var result = new List<WeekBucket>();
        for (var week = first; week <= last; week = week.AddDays(7))
        {
            result.Add(byWeek.TryGetValue(week, out var b) ? b with { WeekStart = week } : WeekBucket.Empty(week));
        }

        return result;
    }

    /// <summary>
    /// Weeks starting before the pivot's week count as before; the pivot's own week and later as after.
    /// Pass every week (<see cref="FillGaps"/>), so that quiet weeks count towards the weekly rates.
    /// </summary>
    public static PivotComparison Compare(IEnumerable<WeekBucket> buckets, DateOnly pivot)
    {
        var pivotWeek = WeekStartOf(pivot);
        var list = buckets.ToList();
        return new PivotComparison(pivot, Summarize(list.Where(b => b.WeekStart < pivotWeek)), Summarize(list.Where(b => b.WeekStart >= pivotWeek)));
    }

    public static PeriodSummary Summarize(IEnumerable<WeekBucket> buckets)
    {
        int events = 0, cooperation = 0, conflict = 0, weeks = 0;
        double goldsteinSum = 0;
        foreach (var b in buckets)
        {
            weeks++;
            events += b.Total;
            cooperation += b.Cooperation;
            conflict += b.Conflict;
            goldsteinSum += b.Net;
        }

        return new PeriodSummary(events, cooperation, conflict, events == 0 ? null : goldsteinSum / events, weeks, goldsteinSum);
    }
}
