using Bunit;
using IraqCoalition.Web.Components.Pages;
using IraqCoalition.Web.Tests.Fixtures;

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
    public void Markup_in_a_query_or_snippet_is_shown_as_text()
    {
        var html = Search.Highlight("<script>x</script> \u0002hit\u0003").Value;

        Assert.Equal("&lt;script&gt;x&lt;/script&gt; <mark class=\"hl hl-date\">hit</mark>", html);
    }

    [Fact]
    public void A_query_that_matches_nothing_says_so()
    {
        var page = RenderPage<Search>("search?q=zzzzqqq");

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#no-results")));
    }
}
