using System.Globalization;
using System.Xml.Linq;
using IraqCoalition.Core.Dyads;
using IraqCoalition.Data.Events;
using IraqCoalition.Reporting.Composition;
using IraqCoalition.Reporting.Rendering;

namespace IraqCoalition.Reporting.Tests;

/// <summary>The briefing's weekly chart: neutral acts as their own grey series, bars spanning their week, the strike on its day.</summary>
public sealed class DyadChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly DyadChart Chart = new(IraqCoalition.Data.Briefings.Dyad.Parse("IRQ-USA"),
    [
        new DyadWeek { WeekStart = "2019-12-30", Events = 4, VerbalCooperation = 1, Neutral = 2, MaterialConflict = 1, MeanGoldstein = -1.6 },
        new DyadWeek { WeekStart = "2020-01-06", Events = 2, VerbalConflict = 2, MeanGoldstein = -2 },
    ]);

    private static XElement Render() => XElement.Parse(DyadChartSvg.Render(Chart, new DateOnly(2019, 12, 23), new DateOnly(2020, 1, 19)));

    private static double Attr(XElement e, string name) => double.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);

    [Fact]
    public void Neutral_events_are_a_grey_series_with_a_legend_entry_not_verbal_cooperation()
    {
        var svg = Render();

        var neutral = Assert.Single(svg.Descendants(Svg + "rect"), r => (string?)r.Attribute("data-tone") == nameof(Tone.Neutral));
        Assert.Equal(DyadChartSvg.ToneColor(Tone.Neutral), (string?)neutral.Attribute("fill"));
        Assert.Contains("2 neutral", neutral.Value, StringComparison.Ordinal);
        Assert.Contains("1 verbal cooperation", Assert.Single(svg.Descendants(Svg + "rect"), r => (string?)r.Attribute("data-tone") == nameof(Tone.VerbalCooperation)).Value, StringComparison.Ordinal);
        Assert.Contains(svg.Descendants(Svg + "text"), t => (string?)t.Attribute("class") == "legend" && t.Value == "Neutral");
    }

    [Fact]
    public void Bars_span_their_week_and_the_strike_line_falls_inside_the_bar_of_its_week()
    {
        var svg = Render();
        var bars = svg.Descendants(Svg + "rect").Where(r => r.Attribute("data-tone") is not null).ToList();
        var strikeWeek = bars.Where(r => r.Element(Svg + "title")!.Value.StartsWith("2019-12-30", StringComparison.Ordinal)).ToList();
        var nextWeek = bars.First(r => r.Element(Svg + "title")!.Value.StartsWith("2020-01-06", StringComparison.Ordinal));
        var strike = Attr(svg.Descendants(Svg + "line").Single(l => (string?)l.Attribute("class") == "strike"), "x1");

        Assert.Equal(3, strikeWeek.Count);
        var (x, width) = (Attr(strikeWeek[0], "x"), Attr(strikeWeek[0], "width"));
        // Four weeks on 600 px: a bar is a week wide, less its small gaps.
        Assert.InRange(width, 600 / 4.0 - 4, 600 / 4.0);
        Assert.InRange(strike, x, x + width);
        Assert.True(Attr(nextWeek, "x") > strike, "the week after the strike starts right of its line");
    }

    [Fact]
    public void The_markdown_table_has_a_neutral_column()
    {
        var md = BriefingMarkdownWriter.Write(new BriefingDocument
        {
            Title = "Tones", GeneratedAt = new DateTimeOffset(2020, 1, 13, 8, 0, 0, TimeSpan.Zero), HandlingMarking = "UNCLASSIFIED", Charts = [Chart],
        });

        Assert.Contains("| Week | Events | Verbal coop. | Material coop. | Neutral | Verbal conflict | Material conflict | Mean Goldstein |", md, StringComparison.Ordinal);
        Assert.Contains("| 2019-12-30 | 4 | 1 | 0 | 2 | 0 | 1 | -1.6 |", md, StringComparison.Ordinal);
    }
}
