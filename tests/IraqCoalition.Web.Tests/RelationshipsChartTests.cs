using System.Globalization;
using Bunit;
using IraqCoalition.Web.Components.Layout;
using IraqCoalition.Web.Components.Relationships;
using IraqCoalition.Web.Relationships;
using IraqCoalition.Web.Tests.Fixtures;
using MudBlazor;
using MudBlazor.Utilities;

namespace IraqCoalition.Web.Tests;

/// <summary>The weekly chart on its own: tone series, geometry of bars and markers, the change point.</summary>
public sealed class RelationshipsChartTests : PageTestContext
{
    private static readonly DateOnly Strike = new(2020, 1, 3);

    private static WeekBucket Week(string monday, int coop = 0, int neutral = 0, int conflict = 0, double? g = null) =>
        new(DateOnly.Parse(monday, CultureInfo.InvariantCulture), coop, 0, conflict, 0, g, neutral);

    private IRenderedComponent<WeeklyChart> Chart(ShiftMark? shift = null) => Render<WeeklyChart>(p => p
        .Add(c => c.Title, "Iraq – United States")
        .Add(c => c.Weeks, [Week("2019-12-23", coop: 1, g: 3), Week("2019-12-30", coop: 1, neutral: 2, conflict: 1, g: -0.5), Week("2020-01-06", conflict: 2, g: -5)])
        .Add(c => c.Markers, [(Strike, "3 Jan 2020 strike")])
        .Add(c => c.Pivot, Strike)
        .Add(c => c.Shift, shift));

    private static double Num(AngleSharp.Dom.IElement e, string attribute) => double.Parse(e.GetAttribute(attribute)!, CultureInfo.InvariantCulture);

    [Fact]
    public void Neutral_events_are_a_grey_series_centred_on_the_axis_with_a_legend_entry()
    {
        var chart = Chart();

        var week = chart.Find("g.week[data-week='2019-12-30']");
        var neutral = week.QuerySelector("rect.bar[data-tone='Neutral']")!;
        var coop = week.QuerySelector("rect.bar[data-tone='VerbalCooperation']")!;
        var conflict = week.QuerySelector("rect.bar[data-tone='VerbalConflict']")!;
        Assert.Equal(ToneStyle.Fill(IraqCoalition.Core.Dyads.Tone.Neutral), neutral.GetAttribute("fill"));
        // Cooperation stacks on top of the neutral bar, conflict hangs below it.
        Assert.Equal(Num(neutral, "y"), Num(coop, "y") + Num(coop, "height"), 6);
        Assert.Equal(Num(neutral, "y") + Num(neutral, "height"), Num(conflict, "y"), 6);
        Assert.Equal("neutral", chart.Find(".legend-entry[data-tone='Neutral']").TextContent.Trim());
        Assert.Contains("2 neutral", week.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Empty(chart.FindAll("g.week[data-week='2019-12-23'] rect.bar[data-tone='Neutral']"));
    }

    [Fact]
    public void Bars_span_their_week_and_the_strike_marker_sits_inside_the_bar_of_its_week()
    {
        var chart = Chart();

        var marker = Num(chart.Find(".chart-marker-line"), "x1");
        var bar = chart.Find("g.week[data-week='2019-12-30'] rect.bar");
        var next = chart.Find("g.week[data-week='2020-01-06'] rect.bar");
        var before = chart.Find("g.week[data-week='2019-12-23'] rect.bar");

        Assert.InRange(marker, Num(bar, "x"), Num(bar, "x") + Num(bar, "width"));
        Assert.True(Num(next, "x") > marker, "the week after the strike is right of its line");
        Assert.True(Num(before, "x") + Num(before, "width") < marker, "the week before the strike is left of its line");
        // Three weeks share the plot (960 − 70 − 34 px): each bar is a week wide, less 1 px either side.
        Assert.Equal((960 - 70 - 34) / 3.0 - 2, Num(bar, "width"), 1);
        // Friday 3 January is the fifth day of its week: the middle of its day slot.
        Assert.Equal(Num(bar, "x") - 1 + 4.5 / 7 * ((960 - 70 - 34) / 3.0), marker, 1);
        // The pivot line marks where the comparison splits: the start of the pivot's week.
        Assert.Equal(Num(bar, "x") - 1, Num(chart.Find("line.chart-pivot"), "x1"), 1);
    }

    [Fact]
    public void A_shift_is_drawn_with_its_date_and_strength_only_when_given()
    {
        Assert.Empty(Chart().FindAll(".chart-change"));

        var chart = Chart(new ShiftMark(new DateOnly(2020, 1, 6), "shift 6 Jan 2020 (p = 0.004)"));

        var line = chart.Find("line.chart-change");
        Assert.Equal("2020-01-06", line.GetAttribute("data-week"));
        Assert.Equal(Num(chart.Find("g.week[data-week='2020-01-06'] rect"), "x"), Num(line, "x1"), 1);
        Assert.Equal("shift 6 Jan 2020 (p = 0.004)", chart.Find(".chart-change-label").TextContent);
    }

    [Fact]
    public void Chart_lines_and_labels_take_their_colours_from_the_theme()
    {
        var chart = Chart();

        // Colours come from app.css classes on MudBlazor's palette variables, not from fixed fills
        // (BrowserTests measure the contrast they give in both themes).
        Assert.Null(chart.Find(".chart-pivot-label").GetAttribute("fill"));
        Assert.Null(chart.Find(".chart-marker").GetAttribute("fill"));
        Assert.Null(chart.Find(".chart-pivot").GetAttribute("stroke"));
        Assert.Contains("chart-label", chart.Find(".chart-pivot-label").ClassList);
    }
}

public sealed class ThemeContrastTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Chart_label_colours_reach_AA_contrast_on_the_surface_in_both_themes(bool dark)
    {
        Palette palette = dark ? AppTheme.Theme.PaletteDark : AppTheme.Theme.PaletteLight;

        // Pivot label (text primary), key-event marker (tertiary), estimated shift (secondary).
        foreach (var (name, colour) in new[] { ("text primary", palette.TextPrimary), ("tertiary", palette.Tertiary), ("secondary", palette.Secondary) })
        {
            var ratio = Contrast.Ratio(colour, palette.Surface);
            Assert.True(ratio >= 4.5, $"{name} on surface in the {(dark ? "dark" : "light")} theme: {ratio:0.00}");
        }
    }
}

/// <summary>WCAG 2 contrast of a colour (alpha blended onto the background) against the background.</summary>
internal static class Contrast
{
    public static double Ratio(MudColor foreground, MudColor background)
    {
        var a = foreground.A / 255.0;
        double Blend(byte f, byte b) => f * a + b * (1 - a);
        var fl = Luminance(Blend(foreground.R, background.R), Blend(foreground.G, background.G), Blend(foreground.B, background.B));
        var bl = Luminance(background.R, background.G, background.B);
        return (Math.Max(fl, bl) + 0.05) / (Math.Min(fl, bl) + 0.05);
    }

    private static double Luminance(double r, double g, double b) => 0.2126 * Linear(r) + 0.7152 * Linear(g) + 0.0722 * Linear(b);

    private static double Linear(double channel)
    {
        var c = channel / 255;
        return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}

public sealed class TrendSentenceTests
{
    private static readonly DateOnly Pivot = new(2020, 1, 3);

    private static WeekBucket Bucket(string week, int coop = 0, int conflict = 0, double g = 0) =>
        new(DateOnly.Parse(week, CultureInfo.InvariantCulture), coop, 0, conflict, 0, g);

    [Fact]
    public void When_the_mean_rises_but_the_net_falls_the_sentence_names_the_event_rate()
    {
        // One event at −5 in one week before; nine averaging −3.8 over two weeks after.
        var weeks = WeeklySeries.FillGaps([Bucket("2019-12-23", conflict: 1, g: -5), Bucket("2019-12-30", coop: 2, conflict: 4, g: -3.5), Bucket("2020-01-06", conflict: 3, g: -4.4)]);

        var sentence = TrendSentence.For(WeeklySeries.Compare(weeks, Pivot));

        Assert.Equal(
            "Cooling: net cooperation fell from −5.0/week before 3 Jan 2020 to −17.1 after, although mean Goldstein rose from −5.0 to −3.8, "
            + "because events per week rose from 1.0 to 4.5: at a negative mean, more events mean less net cooperation.",
            sentence);
    }

    [Fact]
    public void When_mean_and_net_agree_the_sentence_says_so_and_fewer_positive_events_also_explain_a_cooling()
    {
        var agree = TrendSentence.For(WeeklySeries.Compare([Bucket("2019-12-23", coop: 2, g: 6), Bucket("2019-12-30", conflict: 2, g: -4)], Pivot));
        Assert.Equal("Cooling: net cooperation fell from +12.0/week before 3 Jan 2020 to −8.0 after; mean Goldstein fell too, from +6.0 to −4.0.", agree);

        // Four events at +2 a week before, one at +3 after: a warmer mean, a cooler relationship.
        var fewer = TrendSentence.For(WeeklySeries.Compare([Bucket("2019-12-23", coop: 4, g: 2), Bucket("2019-12-30", coop: 1, g: 3)], Pivot));
        Assert.EndsWith("although mean Goldstein rose from +2.0 to +3.0, because events per week fell from 4.0 to 1.0: at a positive mean, fewer events mean less net cooperation.", fewer, StringComparison.Ordinal);
        Assert.StartsWith("Cooling:", fewer, StringComparison.Ordinal);
    }

    [Fact]
    public void Steady_and_empty_comparisons_say_why()
    {
        var steady = TrendSentence.For(WeeklySeries.Compare(WeeklySeries.FillGaps([Bucket("2019-12-02", coop: 1, g: 2), Bucket("2019-12-30", coop: 1, g: 0.7)]), Pivot));
        Assert.Equal("Steady: net cooperation went from +0.5/week before 3 Jan 2020 to +0.7 after, a change of +0.2 (under +0.5 is steady); mean Goldstein fell from +2.0 to +0.7.", steady);

        Assert.StartsWith("Not enough events", TrendSentence.For(WeeklySeries.Compare([Bucket("2019-12-30", coop: 1, g: 1)], Pivot)), StringComparison.Ordinal);
    }
}

public sealed class ShiftReadingTests
{
    private static IEnumerable<WeekBucket> Weeks(params double[] net) =>
        net.Select((n, i) => new WeekBucket(new DateOnly(2019, 10, 7).AddDays(7 * i), n > 0 ? 1 : 0, 0, n < 0 ? 1 : 0, 0, n == 0 ? null : n));

    [Fact]
    public void A_clear_step_is_marked_on_its_week_with_its_strength()
    {
        var reading = ShiftReading.Of(Weeks(3, 4, 2, 3, 5, 3, 4, 2, -4, -5, -3, -6, -4, -5, -3, -4))!;

        Assert.True(reading.Significant);
        Assert.Equal(new DateOnly(2019, 12, 2), reading.Week);
        Assert.Equal(new ShiftMark(new DateOnly(2019, 12, 2), "shift 2 Dec 2019 (p ≤ 0.001)"), reading.Mark);
        Assert.StartsWith("Estimated shift from the week of 2 Dec 2019: net cooperation +3.3 a week before, −4.3 after (p ≤ 0.001, 999 shuffles", reading.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Noise_is_not_marked_but_its_best_split_is_reported_as_not_significant()
    {
        var reading = ShiftReading.Of(Weeks(1, -2, 2, -1, 1, 2, -2, 1, -1, 2, -1, -2))!;

        Assert.False(reading.Significant);
        Assert.Null(reading.Mark);
        Assert.StartsWith("No significant shift; the best split is from the week of", reading.Sentence, StringComparison.Ordinal);
        Assert.Null(ShiftReading.Of(Weeks(1, 2, 3)));
    }
}
