using System.Globalization;

namespace IraqCoalition.Web.Actors;

/// <summary>One bar: the mentions in [<see cref="Start"/>, <see cref="End"/>].</summary>
public sealed record MentionBar(DateOnly Start, DateOnly End, int Mentions, string Label);

/// <summary>A month's label under the first bar that falls in it.</summary>
public sealed record MonthTick(int Bar, string Label);

/// <summary>
/// The actor page's "mentions over time": bars per week when the mentions span up to
/// <see cref="WeeklyUpTo"/> weeks, per month beyond that, over whole months with the empty ones
/// drawn (so one busy month still reads as a month of weeks, not one block), a count axis with
/// round ticks and a label for each month.
/// </summary>
public sealed class MentionChart
{
    /// <summary>Beyond this many weeks the bars are months: 26 weekly bars are already thin at phone width.</summary>
    public const int WeeklyUpTo = 26;

    public required bool Weekly { get; init; }
    public required IReadOnlyList<MentionBar> Bars { get; init; }

    /// <summary>The top of the count axis, a round number at or above the largest bar.</summary>
    public required int AxisMax { get; init; }

    /// <summary>Counts with a grid line, from 0 to <see cref="AxisMax"/>.</summary>
    public required IReadOnlyList<int> CountTicks { get; init; }

    public required IReadOnlyList<MonthTick> MonthTicks { get; init; }

    public int Total => Bars.Sum(b => b.Mentions);

    /// <summary>Null when no mention has a date.</summary>
    public static MentionChart? Build(IEnumerable<(string Day, int Mentions)> days)
    {
        var dated = days
            .Select(d => (Ok: DateOnly.TryParseExact(d.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day), day, d.Mentions))
            .Where(d => d.Ok && d.Mentions > 0)
            .Select(d => (d.day, d.Mentions))
            .ToList();
        if (dated.Count == 0)
        {
            return null;
        }

        var first = dated.Min(d => d.day);
        var last = dated.Max(d => d.day);
        var from = new DateOnly(first.Year, first.Month, 1);
        var to = new DateOnly(last.Year, last.Month, 1).AddMonths(1).AddDays(-1);
        var weekly = (WeekStart(to).DayNumber - WeekStart(from).DayNumber) / 7 + 1 <= WeeklyUpTo;

        var bars = new List<MentionBar>();
        for (var start = weekly ? WeekStart(from) : from; start <= to; start = weekly ? start.AddDays(7) : start.AddMonths(1))
        {
            var end = weekly ? start.AddDays(6) : start.AddMonths(1).AddDays(-1);
            var n = dated.Where(d => d.day >= start && d.day <= end).Sum(d => d.Mentions);
            var when = weekly ? $"Week of {Day(start)}" : start.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
            bars.Add(new MentionBar(start, end, n, $"{when}: {IraqCoalition.Core.Text.Counted.Of(n, "mention")}"));
        }

        var ticks = new List<MonthTick>();
        var lastMonth = -1;
        for (var i = 0; i < bars.Count; i++)
        {
            // A week belongs to the month that holds most of its days (its Thursday), as ISO weeks do; the first to the chart's first month.
            var month = !weekly || i == 0 ? Max(bars[i].Start, from) : bars[i].Start.AddDays(3);
            if (MonthOf(month) != lastMonth)
            {
                ticks.Add(new MonthTick(i, month.ToString(ticks.Count == 0 || month.Month == 1 ? "MMM yyyy" : "MMM", CultureInfo.InvariantCulture)));
                lastMonth = MonthOf(month);
            }
        }

        var (max, step) = Scale(bars.Max(b => b.Mentions));
        return new MentionChart
        {
            Weekly = weekly,
            Bars = bars,
            AxisMax = max,
            CountTicks = Enumerable.Range(0, max / step + 1).Select(i => i * step).ToList(),
            MonthTicks = ticks,
        };
    }

    /// <summary>A round step (1, 2 or 5 times a power of ten) giving at most four intervals, and the axis top it reaches.</summary>
    internal static (int Max, int Step) Scale(int largest)
    {
        largest = Math.Max(largest, 1);
        var step = 1;
        for (var power = 1; ; power *= 10)
        {
            var fit = new[] { 1, 2, 5 }.Select(f => f * power).FirstOrDefault(s => (largest + s - 1) / s <= 4);
            if (fit > 0)
            {
                step = fit;
                break;
            }
        }

        return ((largest + step - 1) / step * step, step);
    }

    private static DateOnly WeekStart(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static int MonthOf(DateOnly d) => d.Year * 12 + d.Month;

    private static string Day(DateOnly d) => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
