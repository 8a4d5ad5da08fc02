using System.Globalization;
using System.Text.Json.Serialization;
using IraqCoalition.Data.Events;

namespace IraqCoalition.Web.Timeline;

public sealed record AxisItem(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("group")] string Group,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("start")] string Start,
    [property: JsonPropertyName("end")] string? End,
    [property: JsonPropertyName("className")] string ClassName,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("bandStart")] string? BandStart = null,
    [property: JsonPropertyName("bandEnd")] string? BandEnd = null);

public sealed record AxisLane(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("content")] string Content);

public enum LaneMode
{
    Dyad,
    Actor,
}

/// <summary>Turns timeline events into vis-timeline items and lanes.</summary>
public static class AxisItems
{
    public const string UnknownLane = "unknown";

    /// <summary>Lanes drawn one by one; the rest share <see cref="OtherLane"/> (hundreds of one-item lanes read as noise).</summary>
    public const int MaxLanes = 15;

    public const string OtherLane = "other";

    public static (IReadOnlyList<AxisItem> Items, IReadOnlyList<AxisLane> Lanes) Build(IEnumerable<TimelineEvent> events, LaneMode mode)
    {
        var list = events.ToList();
        string LaneOf(TimelineEvent e) => mode == LaneMode.Dyad ? DyadLane(e.SourceCountry, e.TargetCountry) : e.SourceName ?? UnknownLane;
        // The busiest lanes keep their own row; ties go alphabetically so the choice is stable.
        var kept = list.GroupBy(LaneOf, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(MaxLanes).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var items = new List<AxisItem>();
        foreach (var e in list)
        {
            var lane = LaneOf(e) is var l && kept.Contains(l) ? l : OtherLane;
            var content = AxisLabels.Content(e);
            var title = AxisLabels.Title(e);
            var css = Cameo.QuadCss(e.QuadClass);
            // A dated event is a box exactly as wide as its day. An uncertain one is a point on its most
            // likely day over a light band of the days it may fall in: a box as wide as a month would
            // read as a month of activity.
            items.Add(IsRange(e)
                ? new AxisItem(e.Id, lane, content, title, e.DateValue, null, $"{css} uncertain", "point", e.DateStart, DayAfter(e.DateEnd))
                : new AxisItem(e.Id, lane, content, title, e.DateValue, DayAfter(e.DateValue), css, "range"));
        }

        var lanes = items.Select(i => i.Group).Distinct(StringComparer.Ordinal)
            .OrderBy(g => g switch { OtherLane => 2, UnknownLane => 1, _ => 0 }).ThenBy(g => g, StringComparer.Ordinal)
            .Select(g => new AxisLane(g, g switch
            {
                UnknownLane => mode == LaneMode.Dyad ? "no dyad" : "unknown actor",
                OtherLane => mode == LaneMode.Dyad ? "other dyads" : "other actors",
                _ => g,
            }))
            .ToList();
        return (items, lanes);
    }

    /// <summary>A dyad is unordered: Iraq→U.S. and U.S.→Iraq share a lane.</summary>
    public static string DyadLane(string? a, string? b)
    {
        if (string.IsNullOrEmpty(a) || string.IsNullOrEmpty(b))
        {
            return UnknownLane;
        }

        return string.CompareOrdinal(a, b) <= 0 ? $"{a}–{b}" : $"{b}–{a}";
    }

    private static bool IsRange(TimelineEvent e) => e.DatePrecision != "day" && e.DateStart != e.DateEnd;

    /// <summary>vis-timeline ends are exclusive, so a day or a range through 31 January ends on 1 February.</summary>
    private static string? DayAfter(string day) =>
        DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
}

/// <summary>The days the axis shows after the reader panned or zoomed it.</summary>
public sealed record AxisWindow(DateOnly From, DateOnly To)
{
    /// <summary>Reads the window from the ISO dates (or date-times) vis-timeline reports; null when either does not parse.</summary>
    public static AxisWindow? Parse(string? start, string? end)
    {
        static DateOnly? Day(string? value) =>
            value is { Length: >= 10 } && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

        return Day(start) is { } from && Day(end) is { } to && from <= to ? new AxisWindow(from, to) : null;
    }
}
