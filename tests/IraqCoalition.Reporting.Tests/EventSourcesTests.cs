using System.Text.Json;
using IraqCoalition.Data.Articles;
using IraqCoalition.Data.Briefings;
using IraqCoalition.Reporting.Composition;
using IraqCoalition.Reporting.Rendering;
using P = IraqCoalition.Reporting.Tests.BriefingDatabase.ScriptedPipeline;

namespace IraqCoalition.Reporting.Tests;

/// <summary>One event reported by two outlets: the briefing lists it once and cites both reports in every format.</summary>
public sealed class EventSourcesTests : IAsyncLifetime
{
    private readonly BriefingDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync([.. P.Articles, P.SecondStrikeReport]);

    public Task DisposeAsync() => _db.DisposeAsync();

    private static Briefing January() => new()
    {
        Title = "Iraq after the airport strike",
        From = new DateOnly(2020, 1, 1),
        To = new DateOnly(2020, 1, 31),
        Dyads = [Dyad.Parse("IRQ-USA")],
    };

    [Fact]
    public async Task The_strike_is_listed_once_with_both_reports_each_citing_its_article_and_span()
    {
        var doc = await _db.Composer().ComposeAsync(January());

        Assert.Equal([P.Strike, P.Condemn, P.Vote], doc.Events.Select(e => e.Summary));
        var strike = doc.Events[0];
        Assert.Equal((2, 2), (strike.ReportCount, strike.SourceCount));
        Assert.Equal(["Reuters", "AP"], strike.Reports.Select(r => r.Outlet));
        var articles = new ArticleRepository(_db.Factory);
        foreach (var r in strike.Reports)
        {
            var cited = doc.Citations.Single(c => c.Number == r.Citation);
            Assert.Equal(r.ArticleId, cited.ArticleId);
            Assert.Equal($"/articles/{r.ArticleId}?start={r.EvidenceStart}&end={r.EvidenceEnd}", r.Link);
            var body = (await articles.GetAsync(r.ArticleId))!.Body;
            Assert.StartsWith(body[r.EvidenceStart..r.EvidenceEnd], r.Evidence, StringComparison.Ordinal);
        }

        Assert.Equal("AP", doc.Citations.Single(c => c.Number == strike.Reports[1].Citation).Source);
        Assert.Equal(1, doc.Sources.Single(s => s.Name == "AP").Events);
        Assert.Equal((1, 1), (doc.Events[1].ReportCount, doc.Events[1].SourceCount));
    }

    [Fact]
    public async Task Html_markdown_csv_and_json_all_say_how_widely_it_was_reported_and_cite_every_source()
    {
        var doc = await _db.Composer().ComposeAsync(January());
        var ap = doc.Events[0].Reports.Single(r => r.Outlet == "AP");

        var html = new BriefingHtmlRenderer().RenderHtml(doc);
        Assert.Contains("<p class=\"coverage\">2 reports, 2 sources:</p>", html, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"outlet\">AP</span>: <a class=\"report-link\" href=\"{ap.Link.Replace("&", "&amp;", StringComparison.Ordinal)}\">Airport strike: what we know</a>, <time datetime=\"2020-01-03\">2020-01-03</time> <a class=\"cite\" href=\"#ref-{ap.Citation}\">[{ap.Citation}]</a>", html, StringComparison.Ordinal);
        Assert.Contains($"<li id=\"ref-{ap.Citation}\"", html, StringComparison.Ordinal);

        var md = BriefingMarkdownWriter.Write(doc);
        Assert.Contains("  - 2 reports, 2 sources:\n", md, StringComparison.Ordinal);
        Assert.Contains($"    - AP: [Airport strike: what we know]({ap.Link}), 2020-01-03 [{ap.Citation}]\n", md, StringComparison.Ordinal);

        var csv = BriefingCsvWriter.Write(doc).Split("\r\n");
        Assert.EndsWith(",report_count,source_count,sources", csv[0], StringComparison.Ordinal);
        var strikeRow = csv.Single(l => l.StartsWith("event,", StringComparison.Ordinal) && l.Contains(P.Strike, StringComparison.Ordinal));
        Assert.Contains(",2,2,\"[", strikeRow, StringComparison.Ordinal);
        Assert.Contains($"[{ap.Citation}] AP: Airport strike: what we know, 2020-01-03, {ap.Link}", strikeRow, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(BriefingJsonWriter.Write(doc));
        var first = json.RootElement.GetProperty("events")[0];
        Assert.Equal(2, first.GetProperty("report_count").GetInt32());
        Assert.Equal(2, first.GetProperty("source_count").GetInt32());
        Assert.Equal(["Reuters", "AP"], first.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("outlet").GetString()));
        Assert.Equal(ap.Link, first.GetProperty("reports")[1].GetProperty("link").GetString());
    }

    [Fact]
    public async Task A_pinned_report_stands_for_its_event_which_is_then_not_listed_again()
    {
        var b = January();
        var apReport = (await _db.Composer().ComposeAsync(January())).Events[0].Reports.Single(r => r.Outlet == "AP").EventId;
        b.PinnedEventIds = [apReport];

        var doc = await _db.Composer().ComposeAsync(b);

        Assert.Equal([P.StrikeAgain, P.Condemn, P.Vote], doc.Events.Select(e => e.Summary));
        Assert.True(doc.Events[0].Pinned);
        Assert.Equal(["AP", "Reuters"], doc.Events[0].Reports.Select(r => r.Outlet));
    }

    [Fact]
    public async Task With_a_public_address_the_links_are_absolute_so_they_work_from_a_pdf()
    {
        var doc = await _db.Composer(new ReportingOptions { PublicBaseUrl = "https://iqc.example.org/" }).ComposeAsync(January());

        Assert.All(doc.Events.SelectMany(e => e.Reports), r => Assert.StartsWith($"https://iqc.example.org/articles/{r.ArticleId}?start=", r.Link, StringComparison.Ordinal));
    }
}
