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
    [property: JsonPropertyName("className")] string ClassName);

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

    public static (IReadOnlyList<AxisItem> Items, IReadOnlyList<AxisLane> Lanes) Build(IEnumerable<TimelineEvent> events, LaneMode mode)
    {
        var items = new List<AxisItem>();
        foreach (var e in events)
        {
            var lane = mode == LaneMode.Dyad ? DyadLane(e.SourceCountry, e.TargetCountry) : e.SourceName ?? UnknownLane;
            items.Add(new AxisItem(
                e.Id,
                lane,
                $"{e.Code} {e.Label}",
                $"{e.DateValue} · {e.SourceName ?? "?"} → {e.TargetName ?? "?"} · Goldstein {e.Goldstein:+0.0;-0.0;0.0}",
                Start(e),
                End(e),
                Cameo.QuadCss(e.QuadClass)));
        }

        var lanes = items.Select(i => i.Group).Distinct(StringComparer.Ordinal)
            .OrderBy(g => g == UnknownLane ? 1 : 0).ThenBy(g => g, StringComparer.Ordinal)
            .Select(g => new AxisLane(g, g == UnknownLane ? (mode == LaneMode.Dyad ? "no dyad" : "unknown actor") : g))
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

    private static string Start(TimelineEvent e) => IsRange(e) ? e.DateStart : e.DateValue;

    /// <summary>vis-timeline ends are exclusive, so a range through 31 January ends on 1 February.</summary>
    private static string? End(TimelineEvent e) =>
        IsRange(e) && DateOnly.TryParseExact(e.DateEnd, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            ? end.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
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
