using Bunit;
using IraqCoalition.Web.Components.Pages;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace IraqCoalition.Web.Tests;

public sealed class TimelinePageTests : PageTestContext
{
    [Fact]
    public void Lists_every_event_in_date_order_with_label_actors_and_evidence()
    {
        var page = RenderPage<TimelinePage>();

        page.WaitForAssertion(() => Assert.Equal(TestCorpus.EventCount, page.FindAll("[data-event-id]").Count));
        Assert.Contains($"{TestCorpus.EventCount} events", page.Find("#event-count").TextContent);

        var evidence = page.FindAll(".evidence").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(TestCorpus.RussiaCriticEvidence, evidence[0]);
        Assert.Equal(TestCorpus.OfferEvidence, evidence[^1]);
        Assert.True(evidence.IndexOf(TestCorpus.StrikeEvidence) < evidence.IndexOf(TestCorpus.ParliamentEvidence));

        var strike = page.FindAll("[data-event-id]").Single(e => e.TextContent.Contains(TestCorpus.StrikeEvidence, StringComparison.Ordinal));
        Assert.Contains("Use conventional military force", strike.TextContent);
        Assert.Contains("190", strike.TextContent);
        Assert.Contains("United States", strike.TextContent);
        Assert.Contains("Qassem Soleimani", strike.TextContent);
        Assert.Contains("Goldstein -10.0", strike.TextContent);
    }

    [Fact]
    public void Groups_events_by_day()
    {
        var page = RenderPage<TimelinePage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".day-header")));
        var days = page.FindAll(".day-header").Select(h => h.TextContent).ToList();
        Assert.Contains("Friday 3 January 2020", days);
        Assert.Equal(days.Count, days.Distinct().Count());
    }

    [Fact]
    public void Dyad_filter_from_the_url_keeps_only_events_between_the_two_countries_in_either_direction()
    {
        var page = RenderPage<TimelinePage>("?a=RUS&b=IRQ");

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-event-id]").Count));
        var text = page.Find(".event-list").TextContent;
        Assert.Contains(TestCorpus.MeetingEvidence, text);
        Assert.Contains(TestCorpus.OfferEvidence, text);
        Assert.Contains(TestCorpus.RussiaCriticEvidence, text);
        Assert.DoesNotContain(TestCorpus.StrikeEvidence, text);
    }

    [Fact]
    public void Quad_class_and_date_filters_combine()
    {
        var page = RenderPage<TimelinePage>("?quad=3&from=2020-01-01");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-event-id]").Count));
        Assert.Contains(TestCorpus.CondemnEvidence, page.Find(".event-list").TextContent);
        Assert.Contains(TestCorpus.ParliamentEvidence, page.Find(".event-list").TextContent);
    }

    [Fact]
    public void Free_text_filter_that_matches_nothing_says_so()
    {
        var page = RenderPage<TimelinePage>("?q=no+such+words+anywhere");

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#no-events")));
        Assert.Empty(page.FindAll("[data-event-id]"));
    }

    [Fact]
    public void Selected_event_shows_detail_with_date_expression_and_evidence_highlighted_in_its_paragraph()
    {
        var page = RenderPage<TimelinePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-event-id]")));
        var strikeId = long.Parse(page.FindAll("[data-event-id]")
            .Single(e => e.TextContent.Contains(TestCorpus.StrikeEvidence, StringComparison.Ordinal))
            .GetAttribute("data-event-id")!, System.Globalization.CultureInfo.InvariantCulture);

        page = RenderPage<TimelinePage>($"?event={strikeId}");

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#event-detail")));
        var detail = page.Find("#event-detail");
        Assert.Contains("Use conventional military force", detail.TextContent);
        Assert.Contains("2020-01-03", page.Find(".event-date").TextContent);
        Assert.Equal("Jan. 3", page.Find(".date-expression").TextContent);
        Assert.Equal(TestCorpus.StrikeEvidence, page.Find(".evidence-paragraph mark.hl-event").TextContent);
        // The paragraph around the evidence is shown too, not just the sentence.
        Assert.Contains("The attack also killed a senior militia leader.", page.Find(".evidence-paragraph").TextContent);
        var link = page.Find("#open-in-article").GetAttribute("href")!;
        Assert.Matches(@"^/articles/\d+\?start=0&end=\d+$", link);
        Assert.Contains(detail.QuerySelectorAll("a.actor-link"), a => a.TextContent == "Qassem Soleimani");
    }

    [Fact]
    public void Uncertain_dates_show_their_range()
    {
        var page = RenderPage<TimelinePage>("?root=07");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-event-id]")));
        Assert.Contains("(month: 2019-12-01 – 2019-12-31)", page.Find("[data-event-id]").TextContent);
    }

    [Fact]
    public void Applying_a_key_dyad_puts_the_filter_in_the_url()
    {
        var page = RenderPage<TimelinePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-event-id]")));

        page.FindAll("button").First(b => b.TextContent.Contains("Iraq – Russia", StringComparison.Ordinal)).Click();

        var uri = new Uri(Services.GetRequiredService<NavigationManager>().Uri);
        Assert.Contains("a=IRQ", uri.Query);
        Assert.Contains("b=RUS", uri.Query);
    }

    [Fact]
    public async Task Actor_filter_from_the_url_keeps_the_actors_events_and_names_the_actor_in_the_box()
    {
        var actors = Services.GetRequiredService<IraqCoalition.Data.Actors.ActorRepository>();
        var id = (await actors.SearchAsync(new IraqCoalition.Data.Actors.ActorQuery { Text = "Abdul-Mahdi" })).Items.Single().Id;

        var page = RenderPage<TimelinePage>($"?actor={id}");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-event-id]")));
        Assert.Contains(TestCorpus.CondemnEvidence, page.Find(".event-list").TextContent);
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("input"), i => i.GetAttribute("value") == "Adel Abdul-Mahdi (IRQ)"));
    }
}
