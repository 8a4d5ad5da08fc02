using Bunit;
using IraqCoalition.Data.Articles;
using IraqCoalition.Web.Components.Pages;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace IraqCoalition.Web.Tests;

public sealed class ArticlePagesTests : PageTestContext
{
    private async Task<long> ArticleIdAsync(string title) =>
        (await Services.GetRequiredService<ArticleRepository>().ListAsync(0, 50, title)).Items.Single().Id;

    [Fact]
    public void Articles_list_shows_counts_of_what_was_extracted()
    {
        var page = RenderPage<ArticlesPage>("articles");

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-article-id]").Count));
        // Newest first.
        var strike = page.FindAll("[data-article-id]")[1];
        var cells = strike.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("Soleimani killed in U.S. strike near Baghdad airport", cells[0]);
        Assert.Equal("2020-01-05", cells[2]);
        Assert.Equal(["4", "1", "3"], cells[3..6]);
    }

    [Fact]
    public async Task Reader_highlights_actors_dates_statements_and_event_evidence()
    {
        var id = await ArticleIdAsync("Soleimani killed");

        var page = RenderPage<ArticleReaderPage>($"articles/{id}", p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".article-body mark")));
        var marks = page.FindAll(".article-body mark");
        Assert.Contains(marks, m => m.ClassList.Contains("hl-event") && m.TextContent.Contains("drone strike killed", StringComparison.Ordinal));
        Assert.Contains(marks, m => m.ClassList.Contains("hl-actor") && m.TextContent == "Qassem Soleimani");
        Assert.Contains(marks, m => m.ClassList.Contains("hl-date") && m.TextContent == "Jan. 3");
        Assert.Contains(marks, m => m.ClassList.Contains("hl-statement") && m.TextContent.Contains("violation", StringComparison.Ordinal));
        Assert.Equal(3, page.FindAll(".article-body p").Count);
        Assert.Equal(3, page.FindAll(".reader-events .mud-list-item").Count);
    }

    [Fact]
    public async Task Reader_legend_counts_each_layer_as_its_list_does()
    {
        var id = await ArticleIdAsync("Soleimani killed");

        var page = RenderPage<ArticleReaderPage>($"articles/{id}", p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".article-body mark")));
        var actors = page.FindAll(".reader-actors .mud-list-item");
        var mentions = page.FindAll(".article-body mark.hl-actor").Count;
        // United States, Iraq, Soleimani and Abdul-Mahdi: four actors, named more often than that.
        Assert.Equal(4, actors.Count);
        Assert.True(mentions > actors.Count, $"{mentions} mentions");
        Assert.Equal($"4 actors, {mentions} mentions", page.Find("[data-kind='actor'] .legend-label").TextContent);
        Assert.Equal("Actors (4)", page.FindAll("h2").Single(h => h.TextContent.StartsWith("Actors", StringComparison.Ordinal)).TextContent);
        Assert.Equal("3 events (underlined, margin mark)", page.Find("[data-kind='event'] .legend-label").TextContent);
        Assert.Equal("1 statement", page.Find("[data-kind='statement'] .legend-label").TextContent);
        Assert.Equal(Core.Text.Counted.Of(page.FindAll(".article-body mark.hl-date").Count, "date"), page.Find("[data-kind='date'] .legend-label").TextContent);
        Assert.Contains(actors, a => a.TextContent.Contains("Qassem Soleimani", StringComparison.Ordinal) && a.TextContent.Contains("person · 1 mention", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reader_marks_paragraphs_holding_events_in_the_margin_while_events_are_shown()
    {
        var id = await ArticleIdAsync("Soleimani killed");
        var page = RenderPage<ArticleReaderPage>($"articles/{id}", p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".article-body p.has-event").Count));
        Assert.Equal("1 event in this paragraph", page.Find(".article-body p.has-event").GetAttribute("title"));

        page.Find("[data-kind='event']").Click();

        Assert.Empty(page.FindAll(".article-body p.has-event"));
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)", false)]
    [InlineData("data:text/html,<script>alert(1)</script>", false)]
    [InlineData("https://example.org/story", true)]
    public async Task Reader_links_the_original_only_when_it_is_an_http_link(string url, bool linked)
    {
        var id = await ArticleIdAsync("Soleimani killed");
        // Rows stored before links were checked on the way in may hold anything.
        await using (var c = await Services.GetRequiredService<Data.Storage.ConnectionFactory>().OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(c, "UPDATE articles SET url = @url WHERE id = @id", new { url, id });
        }

        var page = RenderPage<ArticleReaderPage>($"articles/{id}", p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".article-body p")));
        Assert.DoesNotContain(page.FindAll("a"), a => a.GetAttribute("href") is { } href && !href.StartsWith('/') && !href.StartsWith("http", StringComparison.Ordinal));
        Assert.Equal(linked, page.FindAll("a").Any(a => a.GetAttribute("href") == url && a.TextContent.Contains("original", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Reader_toggles_a_highlight_kind_off_and_on()
    {
        var id = await ArticleIdAsync("Soleimani killed");
        var page = RenderPage<ArticleReaderPage>($"articles/{id}", p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".article-body mark.hl-actor")));
        var bodyText = page.Find(".article-body").TextContent;

        page.Find("[data-kind='actor']").Click();

        Assert.Empty(page.FindAll(".article-body mark.hl-actor"));
        Assert.Equal("false", page.Find("[data-kind='actor']").GetAttribute("aria-pressed"));
        Assert.Equal(bodyText, page.Find(".article-body").TextContent);
        Assert.NotEmpty(page.FindAll(".article-body mark.hl-event"));

        page.Find("[data-kind='actor']").Click();
        Assert.NotEmpty(page.FindAll(".article-body mark.hl-actor"));
    }

    [Fact]
    public async Task Reader_outlines_the_linked_span()
    {
        var id = await ArticleIdAsync("Soleimani killed");
        var detail = await Services.GetRequiredService<ArticleRepository>().GetAsync(id);
        var start = detail!.Body.IndexOf(TestCorpus.ParliamentEvidence, StringComparison.Ordinal);

        var page = RenderPage<ArticleReaderPage>($"articles/{id}?start={start}&end={start + TestCorpus.ParliamentEvidence.Length}", p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("mark.hl-focus")));
        Assert.Equal(TestCorpus.ParliamentEvidence, string.Concat(page.FindAll("mark.hl-focus").Select(m => m.TextContent)));
    }

    [Fact]
    public void Reader_of_a_missing_article_says_so()
    {
        var page = RenderPage<ArticleReaderPage>("articles/999", p => p.Add(x => x.Id, 999));

        page.WaitForAssertion(() => Assert.Contains("Article not found", page.Find("h1").TextContent));
    }
}
