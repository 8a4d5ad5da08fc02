using IraqCoalition.Web.Tests.Fixtures;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IraqCoalition.Web.Tests;

/// <summary>End-to-end in headless Chromium: what an analyst does, through the real circuit and JS.</summary>
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class BrowserTests(BrowserApp app)
{
    private const string Items = "#timeline-axis .vis-item.vis-point, #timeline-axis .vis-item.vis-range";

    [Fact]
    public async Task Timeline_filtered_to_Iraq_Russia_opens_an_event_with_its_evidence()
    {
        var page = await app.OpenAsync("/");
        await Assertions.Expect(page.Locator("[data-event-id]")).ToHaveCountAsync(TestCorpus.EventCount);

        await page.Locator("#filters-toggle").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Iraq – Russia" }).ClickAsync();

        // Blazor navigates inside the page (history API): poll the address rather than wait for a navigation event.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"\?a=IRQ&b=RUS"));
        await Assertions.Expect(page.Locator("[data-event-id]")).ToHaveCountAsync(3);
        await page.Locator("[data-event-id]", new() { HasText = TestCorpus.MeetingEvidence }).Locator("a.event-label").ClickAsync();
        var detail = page.Locator("#event-detail");
        await Assertions.Expect(detail).ToBeVisibleAsync();
        await Assertions.Expect(detail.Locator("mark.hl-event")).ToHaveTextAsync(TestCorpus.MeetingEvidence);
        await Assertions.Expect(detail.Locator(".date-expression")).ToHaveTextAsync("on Tuesday");
    }

    [Fact]
    public async Task Time_axis_draws_every_event_on_the_page_in_dyad_lanes()
    {
        var page = await app.OpenAsync("/");

        // vis-timeline draws a point item as a box plus a separate dot: count the boxes.
        await Assertions.Expect(page.Locator(Items)).ToHaveCountAsync(TestCorpus.EventCount);
        // The one event dated only to a month is a point over a band of that month, not a month-long box.
        await Assertions.Expect(page.Locator("#timeline-axis .vis-item.vis-point")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#timeline-axis .vis-item.vis-background.uncertain-band")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#timeline-axis .vis-label", new() { HasText = "IRQ–RUS" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Axis_fits_the_date_filter_and_labels_a_day_box_by_who_did_what_to_whom_no_wider_than_its_day()
    {
        var page = await app.OpenAsync("/?from=2019-12-01&to=2020-01-31");
        var axis = page.Locator("#timeline-axis");
        await Assertions.Expect(axis).ToHaveAttributeAsync("data-window", "2019-12-01/2020-02-01");

        var strike = axis.Locator(".vis-item.vis-range", new() { HasText = "U.S. → Soleimani: military force" });
        await Assertions.Expect(strike).ToHaveCountAsync(1);
        var widths = await page.EvaluateAsync<double[]>("""
            (() => {
              const item = [...document.querySelectorAll('#timeline-axis .vis-item.vis-range')].find(i => i.textContent.includes('Soleimani'));
              const panel = document.querySelector('#timeline-axis .vis-panel.vis-center');
              const band = document.querySelector('#timeline-axis .vis-item.vis-background.uncertain-band');
              return [item.getBoundingClientRect().width, panel.getBoundingClientRect().width / 62, band.getBoundingClientRect().width];
            })()
            """);
        Assert.True(widths[0] <= widths[1] + 2, $"a one-day box is {widths[0]} px wide on an axis of {widths[1]} px a day");
        // The December training pledge, dated to the month: its band spans the month.
        Assert.InRange(widths[2], widths[1] * 29, widths[1] * 33);

        // One day chosen: the axis still shows a week of days (its closest zoom), never a day of hours.
        var day = await app.OpenAsync("/?from=2020-01-03&to=2020-01-03");
        await Assertions.Expect(day.Locator("#timeline-axis")).ToHaveAttributeAsync("data-window", new Regex(@"^\d{4}-\d\d-\d\d/\d{4}-\d\d-\d\d$"));
        var shown = (await day.Locator("#timeline-axis").GetAttributeAsync("data-window"))!.Split('/').Select(d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.True(shown[1].DayNumber - shown[0].DayNumber >= 6, $"the axis shows {shown[0]} to {shown[1]}");
        Assert.Equal(0, await day.Locator("#timeline-axis .vis-time-axis .vis-text.vis-h12").CountAsync());
    }

    [Fact]
    public async Task The_first_screen_shows_the_summary_the_axis_and_the_list_together()
    {
        var page = await app.OpenAsync("/", width: 1280, height: 800);

        await Assertions.Expect(page.Locator("#timeline-summary")).ToContainTextAsync("from 20 Nov 2019 to 5 Feb 2020");
        await Assertions.Expect(page.Locator(Items)).ToHaveCountAsync(TestCorpus.EventCount);
        var tops = await page.EvaluateAsync<double[]>("""
            [document.querySelector('#timeline-summary'), document.querySelector('#timeline-axis'), document.querySelector('.event-scroller [data-event-id]')]
              .map(e => e.getBoundingClientRect().top)
            """);
        // The first row of the list starts inside the window, with room for it below: no scrolling to reach the events.
        Assert.True(tops.All(t => t > 0) && tops[2] + 100 < 800, $"summary, axis and first row start at {string.Join(", ", tops)} px of 800");
    }

    [Fact]
    public async Task At_tablet_width_a_linked_event_opens_over_the_list_scrolled_to_its_row()
    {
        var ids = await app.Services.GetRequiredService<Data.Events.EventRepository>().PageTimelineAsync(new Data.Events.TimelineQuery());
        var page = await app.OpenAsync($"/?event={ids[^1].Id}", width: 800, height: 1000);

        var detail = page.Locator("#event-detail");
        await Assertions.Expect(detail.Locator("mark.hl-event")).ToHaveTextAsync(TestCorpus.OfferEvidence);
        var row = page.Locator($".event-scroller [data-event-id='{ids[^1].Id}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        var boxes = await page.EvaluateAsync<double[]>($$"""
            (() => {
              const d = document.querySelector('#event-detail').getBoundingClientRect();
              const l = document.querySelector('.event-scroller').getBoundingClientRect();
              const r = document.querySelector(".event-scroller [data-event-id='{{ids[^1].Id}}']").getBoundingClientRect();
              return [d.left, d.right, d.top, d.bottom, l.left, l.right, l.top, l.bottom, r.top, r.bottom, window.innerHeight];
            })()
            """);
        // The detail is a drawer over the list (its box overlaps the list's, inside the window), not a panel below it.
        Assert.True(boxes[0] < boxes[5] && boxes[1] > boxes[4] && boxes[2] < boxes[7] && boxes[2] < boxes[10], $"detail {boxes[0]}-{boxes[1]} x {boxes[2]}-{boxes[3]}, list {boxes[4]}-{boxes[5]} x {boxes[6]}-{boxes[7]}");
        Assert.Equal("fixed", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.event-detail-panel')).position"));
        // The last row, below the list's fold at first, was scrolled into the list's view.
        Assert.True(boxes[8] >= boxes[6] - 1 && boxes[9] <= boxes[7] + 1, $"row {boxes[8]}-{boxes[9]} outside the list {boxes[6]}-{boxes[7]}");
    }

    [Fact]
    public async Task Markup_in_an_actor_name_shows_as_text_in_its_lane_and_tooltip()
    {
        const string Markup = "<b class=\"injected\">Bold</b><img src=x class=\"injected\">";
        var (id, name) = await ScalarAsync<(long, string)>("SELECT id, name FROM actors WHERE id = (SELECT source_actor_id FROM events WHERE source_actor_id IS NOT NULL ORDER BY id LIMIT 1)");
        await ScalarAsync<int>($"UPDATE actors SET name = '{Markup}' WHERE id = {id}");
        try
        {
            var page = await app.OpenAsync("/");
            await page.GetByText("Lanes by actor", new() { Exact = true }).ClickAsync();

            await Assertions.Expect(page.Locator("#timeline-axis .vis-label", new() { HasText = "<b class=" })).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("#timeline-axis .injected")).ToHaveCountAsync(0);
        }
        finally
        {
            await ScalarAsync<int>($"UPDATE actors SET name = '{name.Replace("'", "''", StringComparison.Ordinal)}' WHERE id = {id}");
        }
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var c = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Data.Storage.ConnectionFactory>(app.Services).OpenAsync();
        return await Dapper.SqlMapper.QuerySingleOrDefaultAsync<T>(c, sql) ?? default!;
    }

    [Fact]
    public async Task Clicking_an_item_on_the_axis_opens_its_detail()
    {
        var page = await app.OpenAsync("/?root=19");
        await Assertions.Expect(page.Locator(Items)).ToHaveCountAsync(1);

        await page.Locator(Items).ClickAsync();

        await Assertions.Expect(page.Locator("#event-detail mark.hl-event")).ToHaveTextAsync(TestCorpus.StrikeEvidence);
        Assert.Contains("event=", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deep_link_gives_the_same_view()
    {
        var first = await app.OpenAsync("/?a=IRQ&b=RUS");
        await first.Locator("[data-event-id]", new() { HasText = TestCorpus.OfferEvidence }).Locator("a.event-label").ClickAsync();
        await Assertions.Expect(first.Locator("#event-detail")).ToBeVisibleAsync();
        var link = first.Url;

        var second = await app.OpenAsync(new Uri(link).PathAndQuery);

        await Assertions.Expect(second.Locator("[data-event-id]")).ToHaveCountAsync(3);
        await Assertions.Expect(second.Locator("#event-detail mark.hl-event")).ToHaveTextAsync(TestCorpus.OfferEvidence);
    }

    [Fact]
    public async Task Relationships_shows_both_charts_with_data_and_the_shift()
    {
        var page = await app.OpenAsync("/relationships");

        foreach (var dyad in new[] { "IRQ-USA", "IRQ-RUS" })
        {
            var panel = page.Locator($"[data-dyad='{dyad}']");
            await Assertions.Expect(panel.Locator("svg:not(.shift-graphic)")).ToBeVisibleAsync();
            await Assertions.Expect(panel.Locator("svg.shift-graphic rect")).ToHaveCountAsync(2);
            Assert.True(await panel.Locator("g.week[tabindex='0'] rect[fill^='#']").CountAsync() > 0, $"{dyad} chart has no bars");
        }

        await Assertions.Expect(page.Locator("[data-dyad='IRQ-USA'] .trend")).ToHaveAttributeAsync("data-trend", "cooling");
        await Assertions.Expect(page.Locator("[data-dyad='IRQ-RUS'] .trend")).ToHaveAttributeAsync("data-trend", "warming");

        await page.Locator("[data-dyad='IRQ-USA'] g.week[data-week='2019-12-30']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-dyad='IRQ-USA'] .week-events .mud-list-item")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task The_pivot_and_key_event_labels_keep_AA_contrast_in_both_themes()
    {
        var page = await app.OpenAsync("/relationships");
        var panel = page.Locator("[data-dyad='IRQ-USA']");
        await Assertions.Expect(panel.Locator(".chart-pivot-label")).ToHaveCountAsync(1);

        foreach (var theme in new[] { "light", "dark" })
        {
            if (theme == "dark")
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }).ClickAsync();
                await Assertions.Expect(page.Locator(".mud-layout.theme-dark")).ToHaveCountAsync(1);
            }

            var colours = await page.EvaluateAsync<string[]>("""
                (() => {
                  const panel = document.querySelector("[data-dyad='IRQ-USA']");
                  const s = e => getComputedStyle(panel.querySelector(e));
                  return [s('.chart-pivot-label').fill, s('.chart-pivot-label').stroke, s('.chart-marker').fill, getComputedStyle(panel).backgroundColor];
                })()
                """);
            var surface = new MudBlazor.Utilities.MudColor(colours[3]);
            Assert.Equal(surface, new MudBlazor.Utilities.MudColor(colours[1]));
            foreach (var (label, colour) in new[] { ("pivot", colours[0]), ("key event", colours[2]) })
            {
                var ratio = Contrast.Ratio(new MudBlazor.Utilities.MudColor(colour), surface);
                Assert.True(ratio >= 4.5, $"{label} label {colour} on {colours[3]} in the {theme} theme: {ratio:0.00}");
            }
        }
    }

    [Fact]
    public async Task An_event_opens_from_the_keyboard_and_its_detail_closes_with_the_keyboard()
    {
        var page = await app.OpenAsync("/?root=19");
        var link = page.Locator(".event-scroller a.event-label").First;
        await Assertions.Expect(link).ToBeVisibleAsync();

        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#event-detail mark.hl-event")).ToHaveTextAsync(TestCorpus.StrikeEvidence);
        await page.GetByRole(AriaRole.Button, new() { Name = "Close event detail" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#event-detail")).ToHaveCountAsync(0);
        Assert.DoesNotContain("event=", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Theme_toggle_switches_to_dark_and_pages_work_at_tablet_width()
    {
        var page = await app.OpenAsync("/", width: 800, height: 1000);
        var background = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();
        Assert.NotEqual(background, await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the timeline scrolls sideways at tablet width");
    }

    [Fact]
    public async Task The_dark_theme_survives_a_reload_and_the_drawer_fills_the_height_of_a_long_page()
    {
        var page = await app.OpenAsync("/briefings/new", width: 1400, height: 600);
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();

        await page.ReloadAsync();
        await page.WaitForSelectorAsync("[data-interactive='true']");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".mud-layout.theme-dark")).ToHaveCountAsync(1);

        // The drawer is fixed to the window: on screen it spans it below the bar; in a full-page capture or print
        // the layout, as tall as the page, paints the drawer's column in the drawer's colour.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollHeight > window.innerHeight * 1.5"), "the page is not long enough to test");
        await page.EvaluateAsync("window.scrollTo(0, document.documentElement.scrollHeight)");
        var drawer = await page.EvaluateAsync<double[]>("""
            (() => {
              const d = document.querySelector('.mud-drawer').getBoundingClientRect();
              const bar = document.querySelector('.mud-appbar').getBoundingClientRect();
              const layout = document.querySelector('.mud-layout');
              return [d.top - bar.bottom, d.bottom, window.innerHeight, layout.getBoundingClientRect().height, document.documentElement.scrollHeight];
            })()
            """);
        Assert.True(Math.Abs(drawer[0]) <= 1 && drawer[1] >= drawer[2] - 1, $"drawer spans {drawer[0]}px below the bar to {drawer[1]} of a {drawer[2]} px window");
        Assert.True(drawer[3] >= drawer[4] - 1, $"the layout is {drawer[3]} px tall on a {drawer[4]} px page");
        var paint = await page.EvaluateAsync<string[]>("[getComputedStyle(document.querySelector('.mud-layout')).backgroundImage, getComputedStyle(document.querySelector('.mud-drawer')).backgroundColor]");
        Assert.Contains(paint[1], paint[0], StringComparison.Ordinal);
    }
}

/// <summary>Browser tests run on their own, not beside the CPU-heavy bUnit classes: a starved circuit misses clicks' deadlines.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser";
}
