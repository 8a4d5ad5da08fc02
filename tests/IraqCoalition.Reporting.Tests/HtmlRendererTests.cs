using IraqCoalition.Data.Briefings;
using IraqCoalition.Data.Events;
using IraqCoalition.Reporting.Composition;
using IraqCoalition.Reporting.Rendering;

namespace IraqCoalition.Reporting.Tests;

public sealed class HtmlRendererTests
{
    private const string Hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    internal static BriefingDocument Document(BriefingSections sections = BriefingSections.All, string title = "Iraq weekly", string summary = "", IReadOnlyList<ActorProfile>? actors = null, IReadOnlyList<BriefingStatement>? statements = null) => new()
    {
        Title = title,
        Author = "Rana <b>Ali</b>",
        From = new DateOnly(2019, 12, 30),
        To = new DateOnly(2020, 1, 12),
        GeneratedAt = new DateTimeOffset(2020, 1, 13, 8, 0, 0, TimeSpan.Zero),
        HandlingMarking = "UNCLASSIFIED // FOR OFFICIAL USE ONLY",
        Summary = summary,
        Sections = sections,
        ScopeDescription = "Dyads: IRQ-USA",
        Events =
        [
            new BriefingEvent
            {
                Id = 1, Date = "2020-01-03", Code = "195", Label = "Employ aerial weapons", Goldstein = -10, QuadClass = 4,
                Source = "United States", SourceCountry = "USA", Target = "Iraq", TargetCountry = "IRQ", Summary = "Strike <i>kills</i> Soleimani",
                Evidence = "A US strike killed Soleimani.", Citation = 1, Pinned = true,
            },
        ],
        Statements = statements ??
        [
            new BriefingStatement { Id = 2, Date = "2020-01-03", Speaker = "عادل عبد المهدي", SpeakerCountry = "IRQ", Text = "An aggression on Iraq", Direct = true, Citation = 1 },
        ],
        Charts = [new DyadChart(Dyad.Parse("IRQ-USA"), [new DyadWeek { WeekStart = "2019-12-30", Events = 2, MaterialConflict = 1, VerbalConflict = 1, MeanGoldstein = -6 }])],
        Actors = actors ?? [new ActorProfile { Id = 3, Name = "Iraq", Kind = "country", Country = "IRQ", Aliases = ["العراق"], BriefingEvents = 1 }],
        Sources = [new SourceOutlet("Reuters", 1, 1, 1, "2020-01-03", "2020-01-03")],
        Citations = [new Citation { Number = 1, ArticleId = 10, Title = "Strike at airport", Source = "Reuters", Published = "2020-01-03", Url = "javascript:alert(1)" }],
    };

    [Fact]
    public void Hostile_title_summary_and_data_are_escaped()
    {
        var summary = $"Hello {Hostile}\n\n[click](javascript:alert(1)) and [ok](https://example.org) ![img](https://evil.example/x.png)\n\n<iframe src=\"https://evil.example\"></iframe>";
        var html = new BriefingHtmlRenderer().RenderHtml(Document(title: Hostile, summary: summary));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org\">ok</a>", html, StringComparison.Ordinal);
        Assert.Contains("Content-Security-Policy", html, StringComparison.Ordinal);
        Assert.Contains("Strike &lt;i&gt;kills&lt;/i&gt; Soleimani", html, StringComparison.Ordinal);
        // A stored URL that is not a web address is printed, not linked.
        Assert.Contains("<span class=\"url\">javascript:alert(1)</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_of_one_are_singular()
    {
        var html = new BriefingHtmlRenderer().RenderHtml(Document(actors:
            [new ActorProfile { Id = 3, Name = "Iraq", Kind = "country", Country = "IRQ", BriefingEvents = 1, Mentions = 1, Articles = 1 }]));

        Assert.Contains("1 event and 0 statements here; 1 mention in 1 article overall", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_summary_is_rendered()
    {
        var html = new BriefingHtmlRenderer().RenderHtml(Document(summary: "# Outlook\n\nTensions **rose** sharply.\n\n- one\n- two"));
        Assert.Contains("<strong>rose</strong>", html, StringComparison.Ordinal);
        // Summary headings sit below the document's h1 and the summary's h2.
        Assert.Contains("<h3>Outlook</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<li>one</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Cover_holds_title_author_period_date_and_marking_and_fonts_cover_arabic()
    {
        var html = new BriefingHtmlRenderer().RenderHtml(Document());
        Assert.Contains("<h1>Iraq weekly</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Rana &lt;b&gt;Ali&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("30 December 2019 to 12 January 2020", html, StringComparison.Ordinal);
        Assert.Contains("13 January 2020 08:00 UTC", html, StringComparison.Ordinal);
        Assert.Contains("UNCLASSIFIED // FOR OFFICIAL USE ONLY", html, StringComparison.Ordinal);
        Assert.Contains("'Noto Naskh Arabic'", html, StringComparison.Ordinal);
        Assert.Contains("عادل عبد المهدي", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BriefingSections.KeyEvents, "id=\"key-events\"")]
    [InlineData(BriefingSections.KeyStatements, "id=\"key-statements\"")]
    [InlineData(BriefingSections.RelationshipCharts, "<svg")]
    [InlineData(BriefingSections.ActorProfiles, "id=\"actors\"")]
    [InlineData(BriefingSections.Sources, "id=\"sources\"")]
    public void Each_section_appears_only_when_chosen(BriefingSections section, string marker)
    {
        var renderer = new BriefingHtmlRenderer();
        Assert.Contains(marker, renderer.RenderHtml(Document(BriefingSections.All)), StringComparison.Ordinal);
        Assert.DoesNotContain(marker, renderer.RenderHtml(Document(BriefingSections.All & ~section)), StringComparison.Ordinal);
    }

    [Fact]
    public void Events_and_statements_link_to_numbered_references()
    {
        var html = new BriefingHtmlRenderer().RenderHtml(Document());
        Assert.Contains("<a class=\"cite\" href=\"#ref-1\">[1]</a>", html, StringComparison.Ordinal);
        Assert.Contains("<li id=\"ref-1\" value=\"1\"><span class=\"ref-number\">[1]</span> Strike at airport. Reuters. 2020-01-03.", html, StringComparison.Ordinal);
        Assert.Contains("“An aggression on Iraq”", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_marks_the_strike_only_when_the_period_holds_it()
    {
        var chart = new DyadChart(Dyad.Parse("IRQ-USA"), [new DyadWeek { WeekStart = "2019-12-30", Events = 3, MaterialConflict = 3, MeanGoldstein = -10 }]);
        var inRange = DyadChartSvg.Render(chart, new DateOnly(2019, 12, 23), new DateOnly(2020, 1, 19));
        Assert.Contains("3 Jan 2020: US strike kills Soleimani", inRange, StringComparison.Ordinal);
        // Four weeks from the period, even though only one has events.
        Assert.Equal(4, DyadChartSvg.FillWeeks(chart.Weeks, new DateOnly(2019, 12, 23), new DateOnly(2020, 1, 19)).Count);

        var later = new DyadChart(Dyad.Parse("IRQ-USA"), [new DyadWeek { WeekStart = "2020-02-03", Events = 1, VerbalCooperation = 1, MeanGoldstein = 1 }]);
        Assert.DoesNotContain("Soleimani", DyadChartSvg.Render(later, new DateOnly(2020, 2, 1), new DateOnly(2020, 2, 29)), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_export_escapes_data_and_keeps_the_author_summary()
    {
        var md = BriefingMarkdownWriter.Write(Document(summary: "**Key:** tensions rose"));
        Assert.Contains("# Iraq weekly", md, StringComparison.Ordinal);
        Assert.Contains("**Key:** tensions rose", md, StringComparison.Ordinal);
        Assert.Contains("Strike \\<i\\>kills\\</i\\> Soleimani", md, StringComparison.Ordinal);
        Assert.Contains("> “An aggression on Iraq”", md, StringComparison.Ordinal);
        Assert.Contains("1. Strike at airport. Reuters. 2020-01-03.", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_export_holds_events_statements_and_citations()
    {
        using var json = System.Text.Json.JsonDocument.Parse(BriefingJsonWriter.Write(Document()));
        var root = json.RootElement;
        Assert.Equal("Iraq weekly", root.GetProperty("title").GetString());
        Assert.Equal("195", root.GetProperty("events")[0].GetProperty("code").GetString());
        Assert.Equal("عادل عبد المهدي", root.GetProperty("statements")[0].GetProperty("speaker").GetString());
        Assert.Equal(1, root.GetProperty("citations")[0].GetProperty("number").GetInt32());
    }
}
