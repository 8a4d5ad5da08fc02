using Bunit;
using IraqCoalition.Data.Actors;
using IraqCoalition.Web.Components.Pages;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace IraqCoalition.Web.Tests;

public sealed class ActorAndStatementPagesTests : PageTestContext
{
    private async Task<long> ActorIdAsync(string name) =>
        (await Services.GetRequiredService<ActorRepository>().SearchAsync(new ActorQuery { Text = name })).Items.First(a => a.Name == name).Id;

    [Fact]
    public void Actors_grid_pages_on_the_server_and_filters_from_the_url()
    {
        var page = RenderPage<ActorsPage>("actors?kind=person");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".actors-grid a.actor-link").Count));
        var names = page.FindAll(".actors-grid a.actor-link").Select(a => a.TextContent).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Adel Abdul-Mahdi", "Qassem Soleimani"], names);
    }

    [Fact]
    public void Actors_grid_without_filters_lists_every_actor()
    {
        var page = RenderPage<ActorsPage>("actors");

        // United States, Iraq, Russia, Soleimani, Abdul-Mahdi: the same actor across articles is stored once.
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll(".actors-grid a.actor-link").Count));
    }

    [Fact]
    public async Task Actor_page_shows_aliases_events_by_role_statements_and_companions()
    {
        var id = await ActorIdAsync("Adel Abdul-Mahdi");

        var page = RenderPage<ActorPage>($"actors/{id}", p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Equal("Adel Abdul-Mahdi", page.Find("h1").TextContent));
        Assert.Contains("person · IRQ", page.Find(".actor-facts").TextContent);
        var headings = page.FindAll("h2").Select(h => h.TextContent).ToList();
        Assert.Contains("Events as source (1)", headings);
        Assert.Contains("Events as target (0)", headings);
        Assert.Contains("Statements (1)", headings);
        Assert.Contains(TestCorpus.SovereigntyStatement, page.Find(".actor-statements").TextContent);
        Assert.Contains("United States", page.Find(".co-occurring").TextContent);
    }

    [Fact]
    public void Statements_list_links_each_claim_to_its_span_in_the_article()
    {
        var page = RenderPage<StatementsPage>("statements");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-statement-id]")));
        var statement = page.Find("[data-statement-id]");
        Assert.Contains("Adel Abdul-Mahdi", statement.TextContent);
        Assert.Contains("reported", statement.TextContent);
        Assert.Equal(TestCorpus.SovereigntyStatement, page.Find(".statement-text").TextContent.Trim());
        Assert.Matches(@"^/articles/\d+\?start=\d+&end=\d+$", page.Find("a.statement-source").GetAttribute("href"));
    }

    [Fact]
    public void Statements_filter_on_direct_quotes_excludes_reported_speech()
    {
        var page = RenderPage<StatementsPage>("statements?direct=true");

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#no-statements")));
    }
}
