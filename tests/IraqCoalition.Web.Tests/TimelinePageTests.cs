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

        // The key dyads sit with the other filters behind the toggle.
        page.Find("#filters-toggle").Click();
        page.FindAll("button").First(b => b.TextContent.Contains("Iraq – Russia", StringComparison.Ordinal)).Click();

        var uri = new Uri(Services.GetRequiredService<NavigationManager>().Uri);
        Assert.Contains("a=IRQ", uri.Query);
        Assert.Contains("b=RUS", uri.Query);
    }

    [Fact]
    public async Task Actor_filter_from_the_url_keeps_the_actors_events_and_names_the_actor_in_its_chip_and_box()
    {
        var actors = Services.GetRequiredService<IraqCoalition.Data.Actors.ActorRepository>();
        var id = (await actors.SearchAsync(new IraqCoalition.Data.Actors.ActorQuery { Text = "Abdul-Mahdi" })).Items.Single().Id;

        var page = RenderPage<TimelinePage>($"?actor={id}");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-event-id]")));
        Assert.Contains(TestCorpus.CondemnEvidence, page.Find(".event-list").TextContent);
        page.WaitForAssertion(() => Assert.Equal("Adel Abdul-Mahdi (IRQ)", page.Find(".filter-chip[data-filter='actor']").TextContent.Trim()));
        page.Find("#filters-toggle").Click();
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("input"), i => i.GetAttribute("value") == "Adel Abdul-Mahdi (IRQ)"));
    }

    [Fact]
    public void Opens_on_a_summary_of_the_period_the_count_and_the_busiest_dyads()
    {
        var page = RenderPage<TimelinePage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#timeline-summary")));
        var summary = page.Find("#timeline-summary").TextContent;
        Assert.Contains($"{TestCorpus.EventCount} events from 20 Nov 2019 to 5 Feb 2020", summary);
        // Directed dyads by events, ties by code: IRQ→USA (condemnation, demand), RUS→IRQ, USA→IRQ.
        Assert.Equal(["Iraq → U.S. (2)", "Russia → Iraq (2)", "U.S. → Iraq (2)"], page.FindAll(".summary-dyad").Select(d => d.TextContent.TrimStart(',', ' ')));
        Assert.DoesNotContain("sample", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_fold_into_one_bar_with_the_active_ones_as_removable_chips_and_the_article_by_its_title()
    {
        var article = Services.GetRequiredService<IraqCoalition.Data.Articles.ArticleRepository>();
        var id = (await article.ListAsync()).Items.Single(a => a.Title!.StartsWith("Soleimani", StringComparison.Ordinal)).Id;

        var page = RenderPage<TimelinePage>($"?a=IRQ&b=USA&root=11&article={id}");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-event-id]")));
        Assert.Empty(page.FindAll("#more-filters"));
        var chips = page.FindAll(".filter-chip").ToDictionary(c => c.GetAttribute("data-filter")!, c => c);
        Assert.Equal("Iraq – U.S.", chips["dyad"].TextContent.Trim());
        Assert.Equal("11 Disapprove", chips["root"].TextContent.Trim());
        // The article chip names the article (CSS truncates it; the tooltip has it whole), not "article #7".
        Assert.Equal("Soleimani killed in U.S. strike near Baghdad airport", chips["article"].TextContent.Trim());
        Assert.Contains("Soleimani killed in U.S. strike near Baghdad airport", chips["article"].GetAttribute("title"), StringComparison.Ordinal);
        Assert.DoesNotContain("#", page.Find(".filter-bar").TextContent, StringComparison.Ordinal);
        Assert.Contains("Filters (3)", page.Find("#filters-toggle").TextContent, StringComparison.Ordinal);

        page.Find(".filter-chip[data-filter='article'] .mud-chip-close-button").Click();

        var uri = new Uri(Services.GetRequiredService<NavigationManager>().Uri);
        Assert.DoesNotContain("article=", uri.Query, StringComparison.Ordinal);
        Assert.Contains("root=11", uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void Date_filter_from_the_url_applies_and_shows_as_a_chip_with_the_inputs_only_in_the_opened_panel()
    {
        var page = RenderPage<TimelinePage>("?quad=3&from=2020-01-01");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-event-id]").Count));
        // Closed, the bar holds the words box alone: no date or other filter inputs exist yet.
        Assert.Empty(page.FindAll("#more-filters"));
        Assert.Single(page.FindAll(".filter-bar input"));
        Assert.Empty(page.FindAll("input[type=date]"));
        var chips = page.FindAll(".filter-chip").ToDictionary(c => c.GetAttribute("data-filter")!, c => c.TextContent.Trim());
        Assert.Equal("from 1 Jan 2020", chips["days"]);
        Assert.Equal("Verbal conflict", chips["quad"]);
        Assert.Contains("Filters (2)", page.Find("#filters-toggle").TextContent, StringComparison.Ordinal);

        page.Find("#filters-toggle").Click();

        Assert.Equal("2020-01-01", page.Find("#more-filters #filter-from").GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(page.Find("#more-filters #filter-to").GetAttribute("value")));

        page.Find(".filter-chip[data-filter='days'] .mud-chip-close-button").Click();

        var uri = new Uri(Services.GetRequiredService<NavigationManager>().Uri);
        Assert.DoesNotContain("from=", uri.Query, StringComparison.Ordinal);
        Assert.Contains("quad=3", uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void Days_chip_reads_both_ends_one_day_and_ignores_a_date_that_filters_nothing()
    {
        var page = RenderPage<TimelinePage>("?from=2019-12-01&to=2020-01-31");
        page.WaitForAssertion(() => Assert.Equal("1 Dec 2019 – 31 Jan 2020", page.Find(".filter-chip[data-filter='days']").TextContent.Trim()));

        page = RenderPage<TimelinePage>("?from=2020-01-03&to=2020-01-03");
        page.WaitForAssertion(() => Assert.Equal("3 Jan 2020", page.Find(".filter-chip[data-filter='days']").TextContent.Trim()));

        page = RenderPage<TimelinePage>("?to=2020-01-03");
        page.WaitForAssertion(() => Assert.Equal("until 3 Jan 2020", page.Find(".filter-chip[data-filter='days']").TextContent.Trim()));

        // A hand-edited date that does not parse filters nothing, so no chip claims it does.
        page = RenderPage<TimelinePage>("?from=last+week");
        page.WaitForAssertion(() => Assert.Equal(TestCorpus.EventCount, page.FindAll("[data-event-id]").Count));
        Assert.Empty(page.FindAll(".filter-chip[data-filter='days']"));
    }

    [Fact]
    public void Dyad_fields_are_labelled_country_pickers_without_placeholder_codes()
    {
        var page = RenderPage<TimelinePage>("?a=RUS");
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-event-id]").Count));

        page.Find("#filters-toggle").Click();

        var more = page.Find("#more-filters");
        Assert.Contains("Country", more.TextContent, StringComparison.Ordinal);
        Assert.Contains("Other country", more.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(more.QuerySelectorAll("input"), i => i.GetAttribute("placeholder") is "IRQ" or "USA");
        // The chosen country reads as a name with its code; the empty one is empty.
        Assert.Equal("Russia (RUS)", page.Find("#filter-country-a").GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(page.Find("#filter-country-b").GetAttribute("value")));
    }

    [Fact]
    public async Task A_persons_alias_finds_their_events_though_no_sentence_says_it()
    {
        await using (var c = await Services.GetRequiredService<IraqCoalition.Data.Storage.ConnectionFactory>().OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(c, "INSERT INTO actor_aliases (actor_id, alias, normalized) SELECT id, 'Sardar', 'sardar' FROM actors WHERE name = 'Qassem Soleimani'");
        }

        var page = RenderPage<TimelinePage>("?q=sardar");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-event-id]")));
        Assert.Contains(TestCorpus.StrikeEvidence, page.Find(".event-list").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Sardar", TestCorpus.StrikeEvidence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_an_event_scrolls_the_list_to_its_row_and_opens_its_detail()
    {
        var list = RenderPage<TimelinePage>();
        list.WaitForAssertion(() => Assert.Equal(TestCorpus.EventCount, list.FindAll("[data-event-id]").Count));
        var rows = list.FindAll("[data-event-id]").Select(r => long.Parse(r.GetAttribute("data-event-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var module = JSInterop.SetupModule("./js/timeline-list.js");

        var page = RenderPage<TimelinePage>($"?event={rows[^2]}");

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#event-detail")));
        // (The first page rendered here follows the address too, so each list scrolls once.)
        page.WaitForAssertion(() => Assert.NotEmpty(module.Invocations["scrollToRow"]));
        Assert.All(module.Invocations["scrollToRow"], call => Assert.Equal(
            (rows.Count - 2, IraqCoalition.Web.Components.Timeline.EventList.RowHeight), ((int)call.Arguments[1]!, (int)call.Arguments[2]!)));
    }
}
