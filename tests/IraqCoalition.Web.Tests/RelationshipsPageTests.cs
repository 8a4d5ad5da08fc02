using Bunit;
using IraqCoalition.Web.Components.Pages;
using IraqCoalition.Web.Tests.Fixtures;

namespace IraqCoalition.Web.Tests;

public sealed class RelationshipsPageTests : PageTestContext
{
    [Fact]
    public void Iraq_US_cools_and_Iraq_Russia_warms_around_the_strike()
    {
        var page = RenderPage<RelationshipsPage>("relationships");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".dyad-panel .trend").Count));
        Assert.Equal("cooling", page.Find("[data-dyad='IRQ-USA'] .trend").GetAttribute("data-trend"));
        Assert.Equal("warming", page.Find("[data-dyad='IRQ-RUS'] .trend").GetAttribute("data-trend"));
        // Iraq–U.S.: two cooperative events (+7.4, +7.0) before; condemnation (−2) and demand (−5) after.
        Assert.Equal("+7.20", page.Find("[data-dyad='IRQ-USA'] .goldstein-before").TextContent.Trim());
        Assert.StartsWith("−3.50", page.Find("[data-dyad='IRQ-USA'] .goldstein-after").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Beside_each_badge_one_sentence_says_why_from_the_numbers_in_the_table()
    {
        var page = RenderPage<RelationshipsPage>("relationships");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".dyad-panel .trend-why").Count));
        var usa = page.Find("[data-dyad='IRQ-USA']");
        var why = usa.QuerySelector(".trend-why")!.TextContent;
        Assert.StartsWith("Cooling: net cooperation fell from ", why, StringComparison.Ordinal);
        // The sentence quotes the table's figures (to one decimal).
        var netBefore = double.Parse(usa.QuerySelector(".net-before")!.TextContent.Trim().Split(' ')[0].Replace('−', '-'), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"from {netBefore.ToString("+0.0;−0.0;0.0", System.Globalization.CultureInfo.InvariantCulture)}/week before 3 Jan 2020", why, StringComparison.Ordinal);
        Assert.StartsWith("Warming:", page.Find("[data-dyad='IRQ-RUS'] .trend-why").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shift_is_drawn_as_net_cooperation_per_week_before_and_after_the_pivot()
    {
        var page = RenderPage<RelationshipsPage>("relationships");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".shift-graphic").Count));
        var usa = page.Find("[data-dyad='IRQ-USA'] .shift-graphic");
        // Before: two cooperative weeks in the test corpus; after: conflict only.
        Assert.Single(usa.QuerySelectorAll(".shift-cooperation"));
        Assert.Single(usa.QuerySelectorAll(".shift-conflict"));
        Assert.StartsWith("Net cooperation per week: +", usa.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Contains("from then on", usa.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_mark_the_strike_and_draw_a_bar_group_per_week()
    {
        var page = RenderPage<RelationshipsPage>("relationships");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("svg:not(.shift-graphic)").Count));
        var usa = page.Find("[data-dyad='IRQ-USA']");
        Assert.Contains(usa.QuerySelectorAll(".chart-marker"), m => m.TextContent == "3 Jan 2020 strike");
        // From the first event's week (9 Dec 2019) to two weeks past the strike, empty weeks included.
        var weeks = usa.QuerySelectorAll("g.week").Select(g => g.GetAttribute("data-week")).ToList();
        Assert.Equal(["2019-12-09", "2019-12-16", "2019-12-23", "2019-12-30", "2020-01-06", "2020-01-13"], weeks);
    }

    [Fact]
    public void Choosing_a_week_lists_its_events()
    {
        var page = RenderPage<RelationshipsPage>("relationships");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-dyad='IRQ-USA'] g.week")));

        page.Find("[data-dyad='IRQ-USA'] g.week[data-week='2019-12-30']").Click();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-dyad='IRQ-USA'] .week-events .mud-list-item").Count));
        var text = page.Find("[data-dyad='IRQ-USA'] .week-events").TextContent;
        Assert.Contains(TestCorpus.CondemnEvidence, text);
        Assert.Contains(TestCorpus.ParliamentEvidence, text);
    }

    [Fact]
    public void Moving_the_pivot_changes_the_comparison()
    {
        var page = RenderPage<RelationshipsPage>("relationships?pivot=2019-11-01");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-dyad='IRQ-RUS'] .comparison")));
        // Nothing happened between Iraq and Russia before November 2019 in the test corpus.
        Assert.Equal("not enough events", page.Find("[data-dyad='IRQ-RUS'] .trend").GetAttribute("data-trend"));
        Assert.Equal("–", page.Find("[data-dyad='IRQ-RUS'] .goldstein-before").TextContent.Trim());
    }

    [Fact]
    public void A_user_picked_pair_gets_its_own_chart()
    {
        var page = RenderPage<RelationshipsPage>("relationships?a=usa&b=irn");

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".dyad-panel").Count));
        var custom = page.Find("[data-dyad='USA-IRN']");
        // One week with the strike; the axis spans two weeks either side of it.
        Assert.Equal(5, custom.QuerySelectorAll("g.week").Length);
        Assert.Single(custom.QuerySelectorAll("g.week[tabindex='0']"));
        Assert.Contains("USA – IRN", custom.TextContent);
    }
}
