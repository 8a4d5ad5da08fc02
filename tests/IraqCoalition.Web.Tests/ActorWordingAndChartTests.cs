using Bunit;
using IraqCoalition.Core.Actors;
using IraqCoalition.Data.Actors;
using IraqCoalition.Data.Storage;
using IraqCoalition.Web.Actors;
using IraqCoalition.Web.Components.Pages;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace IraqCoalition.Web.Tests;

/// <summary>The actor page's mentions chart (axes, scale, bars with tooltips) and kind/agent codes in words.</summary>
public sealed class ActorWordingAndChartTests : PageTestContext
{
    [Fact]
    public void One_month_of_mentions_is_drawn_as_its_weeks_with_one_month_label()
    {
        var chart = MentionChart.Build([("2020-01-05", 3), ("2020-01-20", 7)])!;

        Assert.True(chart.Weekly);
        // 30 Dec 2019 .. 27 Jan 2020: the five weeks whose Thursdays fall in January.
        Assert.Equal([new DateOnly(2019, 12, 30), new(2020, 1, 6), new(2020, 1, 13), new(2020, 1, 20), new(2020, 1, 27)], chart.Bars.Select(b => b.Start));
        Assert.Equal([3, 0, 0, 7, 0], chart.Bars.Select(b => b.Mentions));
        Assert.Equal("Week of 20 Jan 2020: 7 mentions", chart.Bars[3].Label);
        Assert.Equal([new MonthTick(0, "Jan 2020")], chart.MonthTicks);
        Assert.Equal(8, chart.AxisMax);
        Assert.Equal([0, 2, 4, 6, 8], chart.CountTicks);
    }

    [Fact]
    public void Mentions_over_more_than_half_a_year_are_drawn_by_month()
    {
        var chart = MentionChart.Build([("2019-10-02", 1), ("2020-03-30", 120), ("not a day", 5)])!;

        Assert.False(chart.Weekly);
        Assert.Equal(6, chart.Bars.Count);
        Assert.Equal(["Oct 2019", "Nov", "Dec", "Jan 2020", "Feb", "Mar"], chart.MonthTicks.Select(t => t.Label));
        Assert.Equal("March 2020: 120 mentions", chart.Bars[^1].Label);
        Assert.Equal((150, 50), MentionChart.Scale(120));
        Assert.Null(MentionChart.Build([]));
    }

    [Fact]
    public async Task Actor_page_chart_has_a_count_axis_month_ticks_and_a_tooltip_per_bar()
    {
        var id = (await Services.GetRequiredService<ActorRepository>().SearchAsync(new ActorQuery { Text = "Adel Abdul-Mahdi" })).Items.First().Id;

        var page = RenderPage<ActorPage>($"actors/{id}", p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("svg.mentions-chart")));
        // Mentioned once, in an article of 5 January 2020: the weeks of January, the week of 30 December holding it.
        var bars = page.FindAll(".mention-bar");
        Assert.Equal(5, bars.Count);
        Assert.Equal("Week of 30 Dec 2019: 1 mention", bars[0].QuerySelector("title")!.TextContent);
        Assert.Equal("0 mentions", bars[1].QuerySelector("title")!.TextContent[^10..]);
        Assert.Equal(["0", "1"], page.FindAll(".count-tick").Select(t => t.TextContent));
        Assert.Equal(["Jan 2020"], page.FindAll(".month-tick").Select(t => t.TextContent));
        Assert.Contains("mentions", page.Find(".axis-title").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MIL", "military")]
    [InlineData("gov", "government")]
    [InlineData("LEG", "legislature")]
    [InlineData("XYZ", "XYZ")]
    public void Agent_codes_read_as_words(string code, string word) => Assert.Equal(word, ActorWording.Agent(code));

    [Fact]
    public void Kinds_read_as_words_and_an_agent_that_repeats_the_kind_is_not_said_twice()
    {
        Assert.Equal("armed group", ActorWording.Kind("armed_group"));
        Assert.Equal("organisation, military", ActorWording.Describe("organization", "MIL"));
        Assert.Equal("armed group", ActorWording.Describe("armed_group", "UAF"));
        Assert.Equal("person", ActorWording.Describe("person", null));
    }

    [Fact]
    public async Task Actor_page_and_actors_grid_write_the_agent_in_words()
    {
        var actors = Services.GetRequiredService<ActorRepository>();
        var iraq = (await actors.SearchAsync(new ActorQuery { Text = "Iraq" })).Items.First(a => a.Name == "Iraq");
        await using (var c = await Services.GetRequiredService<ConnectionFactory>().OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(c, "UPDATE actors SET kind = 'organization', agent = 'MIL' WHERE id = @id", new { id = iraq.Id });
        }

        var page = RenderPage<ActorPage>($"actors/{iraq.Id}", p => p.Add(x => x.Id, iraq.Id));
        page.WaitForAssertion(() => Assert.Contains("organisation, military · IRQ", page.Find(".actor-facts").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("MIL", page.Find(".actor-facts").TextContent, StringComparison.Ordinal);

        var grid = RenderPage<ActorsPage>("actors?q=Iraq");
        grid.WaitForAssertion(() => Assert.Contains(grid.FindAll(".actors-grid td"), td => td.TextContent == "organisation, military"));
    }
}
