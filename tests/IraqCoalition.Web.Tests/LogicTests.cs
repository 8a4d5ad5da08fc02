using IraqCoalition.Data.Events;
using IraqCoalition.Web.Highlighting;
using IraqCoalition.Web.Relationships;
using IraqCoalition.Web.Timeline;

namespace IraqCoalition.Web.Tests;

public sealed class SpanHighlighterTests
{
    [Fact]
    public void Overlapping_marks_cut_the_text_into_runs_carrying_every_covering_mark()
    {
        //                0123456789012345678
        const string text = "Iraq told the U.S.";
        var marks = new[] { new Mark(0, 18, "event"), new Mark(0, 4, "actor"), new Mark(14, 18, "actor") };

        var segments = SpanHighlighter.Segment(text, 0, marks);

        Assert.Equal(["Iraq", " told the ", "U.S."], segments.Select(s => s.Text));
        Assert.Equal(["event", "actor"], segments[0].Marks.Select(m => m.Kind));
        Assert.Equal(["event"], segments[1].Marks.Select(m => m.Kind));
        Assert.Equal(text, string.Concat(segments.Select(s => s.Text)));
    }

    [Fact]
    public void Marks_are_clipped_to_a_paragraph_that_starts_inside_the_body()
    {
        const string body = "First line.\nSecond line here.";
        var (start, end) = SpanHighlighter.ParagraphAround(body, 15);

        var segments = SpanHighlighter.Segment(body[start..end], start, [new Mark(5, 19, "event")]);

        Assert.Equal((12, 29), (start, end));
        Assert.Equal(["Second ", "line here."], segments.Select(s => s.Text));
        Assert.Equal(12, segments[0].Start);
        Assert.Single(segments[0].Marks);
        Assert.Empty(segments[1].Marks);
    }

    [Fact]
    public void Paragraphs_skip_blank_lines_and_drop_carriage_returns()
    {
        const string body = "One.\r\n\r\nTwo.\nThree.";

        var paragraphs = SpanHighlighter.Paragraphs(body);

        Assert.Equal(["One.", "Two.", "Three."], paragraphs.Select(p => body[p.Start..p.End]));
    }
}

public sealed class WeeklySeriesTests
{
    [Fact]
    public void Weeks_start_on_monday()
    {
        Assert.Equal(new DateOnly(2019, 12, 30), WeeklySeries.WeekStartOf(new DateOnly(2020, 1, 3)));
        Assert.Equal(new DateOnly(2019, 12, 30), WeeklySeries.WeekStartOf(new DateOnly(2019, 12, 30)));
        Assert.Equal(new DateOnly(2019, 12, 30), WeeklySeries.WeekStartOf(new DateOnly(2020, 1, 5)));
    }

    [Fact]
    public void Gaps_between_weeks_are_filled_with_empty_weeks()
    {
        var filled = WeeklySeries.FillGaps([Bucket("2019-12-09", coop: 2, g: 7), Bucket("2019-12-30", conflict: 1, g: -5)]);

        Assert.Equal(4, filled.Count);
        Assert.Equal(0, filled[1].Total);
        Assert.Null(filled[1].MeanGoldstein);
    }

    [Fact]
    public void Comparison_weights_weekly_means_by_event_counts_and_names_the_trend()
    {
        var weeks = new[] { Bucket("2019-12-09", coop: 3, g: 6), Bucket("2019-12-30", conflict: 1, g: -10), Bucket("2020-01-06", conflict: 3, g: -2) };

        var cmp = WeeklySeries.Compare(weeks, new DateOnly(2020, 1, 3));

        Assert.Equal(3, cmp.Before.Events);
        Assert.Equal(6, cmp.Before.MeanGoldstein);
        Assert.Equal(4, cmp.After.Events);
        Assert.Equal(-4, cmp.After.MeanGoldstein);
        Assert.Equal(1.0, cmp.After.ConflictShare);
        Assert.Equal("cooling", cmp.Trend);
        Assert.Equal("warming", WeeklySeries.Compare(weeks.Reverse().Select(w => w with { MeanGoldstein = -w.MeanGoldstein }), new DateOnly(2020, 1, 3)).Trend);
    }

    [Fact]
    public void Trend_weighs_volume_so_many_milder_conflicts_after_one_harsher_one_read_as_cooling()
    {
        // Before: one week, one event at -5. After: two weeks, nine events averaging -3.8 (milder mean, far more conflict).
        var weeks = WeeklySeries.FillGaps([Bucket("2019-12-23", conflict: 1, g: -5), Bucket("2019-12-30", coop: 2, conflict: 4, g: -3.5), Bucket("2020-01-06", conflict: 3, g: -4.4)]);

        var cmp = WeeklySeries.Compare(weeks, new DateOnly(2020, 1, 3));

        Assert.True(cmp.After.MeanGoldstein > cmp.Before.MeanGoldstein);
        Assert.Equal(-5, cmp.Before.NetPerWeek);
        Assert.Equal(2, cmp.After.Weeks);
        Assert.Equal((-3.5 * 6 - 4.4 * 3) / 2, cmp.After.NetPerWeek!.Value, 6);
        Assert.Equal("cooling", cmp.Trend);
    }

    [Fact]
    public void Quiet_weeks_dilute_the_weekly_rate_and_a_small_change_is_steady()
    {
        // Before: +2 in one event over four weeks (0.5/week). After: +1 in one week (1.0/week): +0.5 is the edge of steady.
        var weeks = WeeklySeries.FillGaps([Bucket("2019-12-02", coop: 1, g: 2), Bucket("2019-12-30", coop: 1, g: 0.9)]);

        var cmp = WeeklySeries.Compare(weeks, new DateOnly(2020, 1, 3));

        Assert.Equal(4, cmp.Before.Weeks);
        Assert.Equal(0.5, cmp.Before.NetPerWeek);
        Assert.Equal("steady", cmp.Trend);
    }

    private static WeekBucket Bucket(string week, int coop = 0, int conflict = 0, double g = 0) =>
        new(DateOnly.Parse(week, System.Globalization.CultureInfo.InvariantCulture), coop, 0, conflict, 0, g);
}

public sealed class TimelineLogicTests
{
    [Fact]
    public void Filter_maps_the_url_onto_a_repository_query_and_ignores_what_does_not_parse()
    {
        var filter = new TimelineFilter { From = "2020-01-01", To = "not a date", CountryA = " irq ", CountryB = "usa", QuadClass = 7, Text = "  " };

        var q = filter.ToQuery();

        Assert.Equal(new DateOnly(2020, 1, 1), q.From);
        Assert.Null(q.To);
        Assert.Equal("IRQ", q.CountryA);
        Assert.Equal("USA", q.CountryB);
        Assert.Null(q.QuadClass);
        Assert.Null(q.Text);
        Assert.Equal(0, q.Skip);
        Assert.Null(q.After);
    }

    [Fact]
    public void Filter_writes_only_set_values_back_to_the_url()
    {
        var parameters = new TimelineFilter { CountryA = "IRQ", CountryB = "RUS" }.ToQueryParameters();

        Assert.Equal("IRQ", parameters["a"]);
        Assert.Equal("RUS", parameters["b"]);
        Assert.Null(parameters["page"]);
        Assert.Null(parameters["q"]);
        Assert.True(new TimelineFilter().IsEmpty);
        Assert.False(new TimelineFilter { Root = "19" }.IsEmpty);
    }

    [Fact]
    public void Axis_draws_a_dated_event_as_wide_as_its_day_an_uncertain_one_as_a_point_over_a_band_and_both_directions_of_a_dyad_in_one_lane()
    {
        var events = new[]
        {
            Event(1, "IRQ", "USA", "2020-01-05", "day", "2020-01-05", "2020-01-05"),
            Event(2, "USA", "IRQ", "2019-12-15", "month", "2019-12-01", "2019-12-31"),
            Event(3, null, "RUS", "2020-02-01", "day", "2020-02-01", "2020-02-01"),
        };

        var (items, lanes) = AxisItems.Build(events, LaneMode.Dyad);

        Assert.Equal(["IRQ–USA", AxisItems.UnknownLane], lanes.Select(l => l.Id));
        Assert.Equal("IRQ–USA", items[1].Group);
        // vis-timeline ends are exclusive: one day is [day, next day).
        Assert.Equal(("range", "2020-01-05", "2020-01-06"), (items[0].Type, items[0].Start, items[0].End));
        Assert.Null(items[0].BandStart);
        Assert.Equal(("point", "2019-12-15", (string?)null), (items[1].Type, items[1].Start, items[1].End));
        Assert.Equal(("2019-12-01", "2020-01-01"), (items[1].BandStart, items[1].BandEnd));
        Assert.Equal("quad-4", items[0].ClassName);
        Assert.Contains("uncertain", items[1].ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void Axis_items_say_who_did_what_to_whom_with_the_full_cameo_label_in_the_tooltip()
    {
        var strike = new TimelineEvent
        {
            Id = 1, Code = "195", Root = "19", Label = "Employ aerial weapons", QuadClass = 4, Goldstein = -10,
            SourceName = "United States", SourceKind = "country", TargetName = "Qassem Soleimani", TargetKind = "person",
            DateValue = "2020-01-03", DatePrecision = "day", DateStart = "2020-01-03", DateEnd = "2020-01-03",
        };

        var (items, _) = AxisItems.Build([strike], LaneMode.Dyad);

        Assert.Equal("U.S. → Soleimani: air strike", items[0].Content);
        Assert.StartsWith("195 Employ aerial weapons · 2020-01-03 · United States → Qassem Soleimani", items[0].Title, StringComparison.Ordinal);
        // Codes without a short word read as their description, cut at its first comma.
        Assert.Equal("appeal for humanitarian aid", AxisLabels.Verb("0234", "Appeal for humanitarian aid, not specified below"));
        Assert.Equal("Iraqi parliament", AxisLabels.Actor("Iraqi parliament", "organization"));
        Assert.Equal("al-Hakim", AxisLabels.Actor("Mohammed al-Hakim 12", "person"));
    }

    [Fact]
    public void Axis_keeps_the_busiest_lanes_and_puts_the_rest_in_one_other_lane()
    {
        // Twenty actors: actor 0 acts twenty times, actor 1 nineteen times, ... actor 19 once.
        var events = Enumerable.Range(0, 20).SelectMany(a => Enumerable.Range(0, 20 - a).Select(i =>
            Event(a * 100 + i, "IRQ", "USA", "2020-01-05", "day", "2020-01-05", "2020-01-05") is var e ? WithSource(e, $"Actor {a:00}") : e)).ToList();

        var (items, lanes) = AxisItems.Build(events, LaneMode.Actor);

        Assert.Equal(AxisItems.MaxLanes + 1, lanes.Count);
        Assert.Equal(("other", "other actors"), (lanes[^1].Id, lanes[^1].Content));
        Assert.Equal(Enumerable.Range(0, AxisItems.MaxLanes).Select(a => $"Actor {a:00}"), lanes.SkipLast(1).Select(l => l.Id));
        Assert.Equal(5 + 4 + 3 + 2 + 1, items.Count(i => i.Group == AxisItems.OtherLane));
    }

    private static TimelineEvent WithSource(TimelineEvent e, string name) => new()
    {
        Id = e.Id, Code = e.Code, Root = e.Root, Label = e.Label, QuadClass = e.QuadClass, Goldstein = e.Goldstein,
        SourceCountry = e.SourceCountry, TargetCountry = e.TargetCountry, SourceName = name, TargetName = e.TargetName,
        DateValue = e.DateValue, DatePrecision = e.DatePrecision, DateStart = e.DateStart, DateEnd = e.DateEnd,
    };

    private static TimelineEvent Event(long id, string? a, string? b, string value, string precision, string start, string end) => new()
    {
        Id = id, Code = "190", Root = "19", Label = "Use conventional military force", QuadClass = 4, Goldstein = -10,
        SourceCountry = a, TargetCountry = b, SourceName = a, TargetName = b,
        DateValue = value, DatePrecision = precision, DateStart = start, DateEnd = end,
    };
}
