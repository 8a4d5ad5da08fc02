namespace IraqCoalition.Core.Charts;

/// <summary>
/// The x axis of the weekly charts: calendar days mapped linearly onto pixels, each day a slot of
/// its own width. A week's bar spans its seven day slots and a dated marker sits in the middle of
/// its day's slot, so a marker on 3 January is drawn inside the bar of the week holding 3 January,
/// never beside it. Every weekly chart (web page and briefing) places things through this one scale.
/// </summary>
/// <param name="First">The first day on the axis (the Monday of the first week).</param>
/// <param name="Days">How many days the axis spans.</param>
/// <param name="Left">Pixel where <paramref name="First"/> starts.</param>
/// <param name="Width">Pixels of the whole span.</param>
public readonly record struct DayScale(DateOnly First, int Days, double Left, double Width)
{
    /// <summary>An axis of whole weeks starting on <paramref name="firstWeek"/>.</summary>
    public static DayScale OfWeeks(DateOnly firstWeek, int weeks, double left, double width) =>
        new(firstWeek, Math.Max(1, weeks) * 7, left, width);

    public double DayWidth => Width / Days;

    public double WeekWidth => DayWidth * 7;

    /// <summary>Exclusive end of the axis.</summary>
    public DateOnly End => First.AddDays(Days);

    /// <summary>Where <paramref name="day"/> starts.</summary>
    public double StartOf(DateOnly day) => Left + (day.DayNumber - First.DayNumber) * DayWidth;

    /// <summary>The middle of <paramref name="day"/>'s slot: where a dated marker is drawn.</summary>
    public double MiddleOf(DateOnly day) => StartOf(day) + DayWidth / 2;

    /// <summary>The middle of the week starting on <paramref name="weekStart"/>: where its point on a line is drawn.</summary>
    public double MiddleOfWeek(DateOnly weekStart) => StartOf(weekStart) + WeekWidth / 2;

    /// <summary>A bar covering the week starting on <paramref name="weekStart"/>, less <paramref name="gap"/> pixels at each side (at most a quarter of a day).</summary>
    public (double X, double Width) WeekBar(DateOnly weekStart, double gap = 1)
    {
        var g = Math.Min(gap, DayWidth / 4);
        return (StartOf(weekStart) + g, WeekWidth - 2 * g);
    }

    /// <summary>Whether <paramref name="day"/> lies on the axis.</summary>
    public bool Contains(DateOnly day) => day >= First && day < End;
}
