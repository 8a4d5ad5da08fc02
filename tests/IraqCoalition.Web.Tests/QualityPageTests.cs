using Bunit;
using IraqCoalition.Core.Events;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Editing;
using IraqCoalition.Data.Events;
using IraqCoalition.Web.Components.Layout;
using IraqCoalition.Web.Components.Pages;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace IraqCoalition.Web.Tests;

/// <summary>The Quality page over the test corpus after an editor verified one event and rejected another.</summary>
public sealed class QualityPageTests : PageTestContext
{
    private static readonly UserContext Editor = new("erin", Roles.Editor);
    private TimelineEvent _strike = null!;
    private TimelineEvent _condemn = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var events = Services.GetRequiredService<EventRepository>();
        _strike = (await events.QueryTimelineAsync(new TimelineQuery { Root = "19" })).Items.Single();
        _condemn = (await events.QueryTimelineAsync(new TimelineQuery { Text = "condemned" })).Items.Single();
        var corrections = new CorrectionService(Services.GetRequiredService<Data.Storage.ConnectionFactory>(), CameoCodebook.Default);
        await corrections.SetEventStatusAsync(Editor, _condemn.Id, CorrectionService.Verified, _condemn.Version);
        await corrections.SetEventStatusAsync(Editor, _strike.Id, CorrectionService.Rejected, _strike.Version);
    }

    private void SignInAsAnalyst()
    {
        Authorization.SetAuthorized("ana");
        Authorization.SetRoles(Roles.Analyst);
    }

    [Fact]
    public void Stage_table_shows_the_verdicts_the_ratios_with_their_n_and_links_to_the_items()
    {
        SignInAsAnalyst();

        var cut = RenderPage<QualityPage>("/quality");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".quality-stages tr[data-stage='events']")));
        var events = cut.Find(".quality-stages tr[data-stage='events']");
        Assert.Equal(["1", "0", "1", "0"], events.QuerySelectorAll("td.quality-count").Select(td => td.TextContent.Trim()));
        var rejected = events.QuerySelector("td[data-verdict='rejected'] a")!;
        Assert.Equal("/quality?stage=events&verdict=rejected", rejected.GetAttribute("href"));
        Assert.Equal("50% n=2", Squash(events.QuerySelector("td[data-ratio='precision']")!.TextContent));
        Assert.Equal("50% n=2", Squash(events.QuerySelector("td[data-ratio='exact']")!.TextContent));
        Assert.Equal("100% n=1", Squash(events.QuerySelector("td[data-ratio='recall']")!.TextContent));
        // No statement has a verdict: no ratio of nothing.
        Assert.Equal("— n=0", Squash(cut.Find(".quality-stages tr[data-stage='statements'] td[data-ratio='precision']").TextContent));
        Assert.Contains("items nobody has reviewed are not counted", cut.Find("#quality-explainer").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#quality-items"));
    }

    [Fact]
    public void Patterns_roots_and_the_most_rejected_list_link_to_their_items_and_sort_by_rejections()
    {
        SignInAsAnalyst();

        var cut = RenderPage<QualityPage>("/quality");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".quality-most-rejected a")));
        // The scripted extraction records no patterns.
        Assert.Equal("/quality?stage=events&verdict=rejected&rule=%28not%20recorded%29", cut.Find(".quality-most-rejected a").GetAttribute("href"));
        Assert.Equal("1 rejected", cut.Find(".quality-most-rejected a").TextContent.Trim());
        Assert.Equal("/quality?stage=events&verdict=rejected&root=19", cut.Find(".quality-roots tr[data-root='19'] td[data-verdict='rejected'] a").GetAttribute("href"));
        Assert.Equal(["11", "19"], cut.FindAll(".quality-roots tbody tr").Select(tr => tr.GetAttribute("data-root")));
        Assert.Equal("/quality?sort=rejected", cut.Find(".quality-roots .sort-by-rejections").GetAttribute("href"));

        var sorted = RenderPage<QualityPage>("/quality?sort=rejected");

        sorted.WaitForAssertion(() => Assert.Equal(["19", "11"], sorted.FindAll(".quality-roots tbody tr").Select(tr => tr.GetAttribute("data-root"))));
        Assert.Equal("/quality?sort=rejected&stage=events&verdict=verified&root=11",
            sorted.Find(".quality-roots tr[data-root='11'] td[data-verdict='verified'] a").GetAttribute("href"));
    }

    [Fact]
    public async Task A_count_link_opens_the_items_behind_it_each_linking_to_its_span_in_the_article()
    {
        SignInAsAnalyst();

        var cut = RenderPage<QualityPage>("/quality?stage=events&verdict=rejected");

        cut.WaitForAssertion(() => Assert.Equal("1 item", cut.Find("#quality-items-count").TextContent.Trim()));
        var row = cut.Find(".quality-items-table tr[data-item-id]");
        Assert.Equal(_strike.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), row.GetAttribute("data-item-id"));
        var link = row.QuerySelector("a.quality-item-text")!;
        Assert.Equal(TestCorpus.StrikeEvidence, link.TextContent.Trim());
        var body = (await Services.GetRequiredService<Data.Articles.ArticleRepository>().GetAsync(_strike.ArticleId))!.Body;
        var start = body.IndexOf(TestCorpus.StrikeEvidence, StringComparison.Ordinal);
        Assert.Equal($"/articles/{_strike.ArticleId}?start={start}&end={start + TestCorpus.StrikeEvidence.Length}", link.GetAttribute("href"));
        Assert.Equal("/quality", cut.Find("#close-items").GetAttribute("href"));

        var month = RenderPage<QualityPage>("/quality?stage=events&verdict=verified&month=2001-01");
        month.WaitForAssertion(() => Assert.Equal("0 items", month.Find("#quality-items-count").TextContent.Trim()));
    }

    [Fact]
    public void The_chart_draws_a_point_per_month_that_opens_the_months_items()
    {
        SignInAsAnalyst();

        var cut = RenderPage<QualityPage>("/quality");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".quality-trend[data-stage='events'] a.point-precision")));
        var point = cut.Find(".quality-trend[data-stage='events'] a.point-precision");
        var month = point.GetAttribute("data-month")!;
        Assert.Equal($"/quality?stage=events&month={month}", point.GetAttribute("href"));
        Assert.Contains("precision 50% (n=2)", point.TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll(".quality-trend[data-stage='events'] a.point-recall"));
        Assert.Single(cut.FindAll(".quality-trend[data-stage='statements'] .quality-trend-empty"));
    }

    [Fact]
    public void Anonymous_visitors_are_asked_to_sign_in_and_see_no_figures()
    {
        var cut = RenderPage<QualityPage>("/quality");

        Assert.Contains("sign in", cut.Find("#quality-sign-in").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".quality-stages"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Only_signed_in_users_find_the_page_in_the_navigation(bool signedIn)
    {
        if (signedIn)
        {
            SignInAsAnalyst();
        }

        var layout = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "page body"))));

        Assert.Equal(signedIn ? 1 : 0, layout.FindAll(".mud-navmenu a").Count(a => a.GetAttribute("href") == "/quality" && a.TextContent.Trim() == "Quality"));
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
