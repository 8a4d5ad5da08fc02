using Bunit;
using IraqCoalition.Web.Components.Pages;
using IraqCoalition.Data.Storage;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace IraqCoalition.Web.Tests;

public sealed class SearchPageTests : PageTestContext
{
    [Fact]
    public void One_box_finds_articles_statements_events_and_actors_with_marked_snippets()
    {
        var page = RenderPage<Search>("search?q=sovereignty");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".search-hit")));
        var kinds = page.FindAll(".search-hit").Select(h => h.GetAttribute("data-kind")).ToHashSet();
        Assert.Contains("statement", kinds);
        Assert.Contains("event", kinds);
        Assert.Contains("article", kinds);
        Assert.All(page.FindAll(".search-hit .snippet"), s => Assert.Equal("sovereignty", s.QuerySelector("mark")!.TextContent, ignoreCase: true));
    }

    [Fact]
    public void Kind_filter_keeps_one_kind_and_links_to_its_page()
    {
        var page = RenderPage<Search>("search?q=Soleimani&kind=actor");

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".search-hit")));
        Assert.Matches(@"^/actors/\d+$", page.Find(".search-hit a").GetAttribute("href"));
    }

    [Fact]
    public async Task Markup_in_a_snippet_is_shown_as_text_with_the_match_marked()
    {
        await using (var c = await Services.GetRequiredService<ConnectionFactory>().OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(c, "UPDATE statements SET text = '<script>x</script> the <b>sovereignty</b> of Iraq'");
        }

        var page = RenderPage<Search>("search?q=sovereignty&kind=statement");

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".search-hit")));
        var snippet = page.Find(".search-hit .snippet");
        Assert.Empty(snippet.QuerySelectorAll("script, b"));
        Assert.Contains("&lt;script&gt;x&lt;/script&gt; the &lt;b&gt;<mark", snippet.InnerHtml, StringComparison.Ordinal);
        Assert.Equal("sovereignty", snippet.QuerySelector("mark.hl-match")!.TextContent);
    }

    [Fact]
    public void Event_hits_show_their_date_actors_and_evidence_sentence()
    {
        var page = RenderPage<Search>("search?q=sovereignty&kind=event");

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".search-hit")));
        var hit = page.Find(".search-hit");
        Assert.Equal("2020-01-04", hit.QuerySelector(".hit-date")!.TextContent);
        Assert.Equal("· Adel Abdul-Mahdi → United States", hit.QuerySelector(".hit-actors")!.TextContent.Trim());
        Assert.Equal(2, hit.QuerySelectorAll(".hit-actors a.actor-link").Length);
        Assert.Equal(TestCorpus.CondemnEvidence, hit.QuerySelector(".snippet")!.TextContent);
    }

    [Fact]
    public void Actor_hits_read_as_kind_and_country_not_index_fields()
    {
        var page = RenderPage<Search>("search?q=Washington&kind=actor");

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".search-hit")));
        Assert.Equal("United States", page.Find(".search-hit .hit-title").TextContent);
        // The alias that matched says why the United States came up.
        Assert.Equal("country · USA · also Washington", page.Find(".search-hit .snippet").TextContent);
        Assert.Equal("Washington", page.Find(".search-hit .snippet mark").TextContent);
    }

    [Fact]
    public void Article_and_statement_hits_show_the_sentence_and_the_statement_as_read()
    {
        var page = RenderPage<Search>("search?q=sovereignty");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".search-hit")));
        var article = page.FindAll(".search-hit[data-kind='article']").Single();
        // The sentence of the first match, not the article's whole body.
        Assert.Equal(TestCorpus.CondemnEvidence, article.QuerySelector(".snippet")!.TextContent);
        Assert.Contains("2020-01-05 · Test Wire", article.QuerySelector(".hit-meta")!.TextContent, StringComparison.Ordinal);
        var statement = page.FindAll(".search-hit[data-kind='statement']").Single();
        Assert.Equal("reported: " + TestCorpus.SovereigntyStatement, statement.QuerySelector(".snippet")!.TextContent);
        Assert.Equal("Adel Abdul-Mahdi", statement.QuerySelector(".hit-title")!.TextContent);
    }

    [Fact]
    public void A_query_that_matches_nothing_says_so()
    {
        var page = RenderPage<Search>("search?q=zzzzqqq");

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#no-results")));
    }
}
