using System.Text.RegularExpressions;
using IraqCoalition.Core.Events;
using IraqCoalition.Data.Events;
using IraqCoalition.Data.Storage;
using IraqCoalition.Data.Synthetic;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IraqCoalition.Web.Tests;

/// <summary>The app in Chromium over a few thousand synthetic events: more than a page, the axis or the DOM should hold.</summary>
public sealed class LargeBrowserApp : BrowserApp
{
    /// <summary>Reports; about 2.2 per act, so the timeline lists some 3,000 events.</summary>
    public const int Reports = 7_000;

    /// <summary>What the timeline lists: one lead report per event cluster.</summary>
    public int Events { get; private set; }

    protected override async Task PrepareDatabaseAsync(string path)
    {
        var factory = new ConnectionFactory($"Data Source={path}");
        await new DatabaseMigrator(factory).MigrateAsync();
        await new SyntheticSeeder(factory, CameoCodebook.Default.Codes.ToList()).SeedAsync(new SyntheticOptions
        {
            Articles = 120, Actors = 150, Events = Reports, From = new(2019, 12, 1), To = new(2020, 2, 29),
        });
        await using (var c = await factory.OpenAsync(CancellationToken.None))
        await using (var count = c.CreateCommand())
        {
            count.CommandText = "SELECT count(*) FROM event_clusters";
            Events = Convert.ToInt32(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LargeBrowserCollection : ICollectionFixture<LargeBrowserApp>
{
    public const string Name = "Browser, large";
}

[Trait("Category", "Browser")]
[Collection(LargeBrowserCollection.Name)]
public sealed class LargeTimelineBrowserTests(LargeBrowserApp app)
{
    private const string Rows = ".event-scroller [data-event-id]";

    [Fact]
    public async Task The_list_keeps_a_few_rows_in_the_page_and_scrolls_to_the_last_event()
    {
        var page = await app.OpenAsync("/");
        await Assertions.Expect(page.Locator("#event-count")).ToContainTextAsync($"{app.Events:N0} events");
        await Assertions.Expect(page.Locator(Rows).First).ToBeVisibleAsync();
        Assert.InRange(await page.Locator(Rows).CountAsync(), 5, 80);

        await page.Locator(".event-scroller").EvaluateAsync("el => el.scrollTop = el.scrollHeight");

        var last = (await app.Services.GetRequiredService<EventRepository>().PageTimelineAsync(new TimelineQuery { Descending = true, Take = 1 }))[0];
        var lastRow = page.Locator($"{Rows}[data-index='{app.Events - 1}']");
        await Assertions.Expect(lastRow).ToBeVisibleAsync();
        Assert.Equal(last.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), await lastRow.GetAttributeAsync("data-event-id"));
        Assert.InRange(await page.Locator(Rows).CountAsync(), 5, 80);
    }

    [Fact]
    public async Task Rows_in_the_middle_are_the_events_at_that_position_and_open_their_detail()
    {
        var page = await app.OpenAsync("/?q=");
        await Assertions.Expect(page.Locator(Rows).First).ToBeVisibleAsync();

        await page.Locator(".event-scroller").EvaluateAsync("el => el.scrollTop = el.scrollHeight / 2");

        var half = app.Events / 2;
        var middle = page.Locator($"{Rows}[data-index='{half}']");
        await Assertions.Expect(middle).ToBeVisibleAsync();
        var expected = (await app.Services.GetRequiredService<EventRepository>().PageTimelineAsync(new TimelineQuery { Skip = half, Take = 1 }))[0];
        Assert.Equal(expected.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), await middle.GetAttributeAsync("data-event-id"));

        await middle.Locator("a.event-label").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"event={expected.Id}"));
        await Assertions.Expect(page.Locator("#event-detail mark.hl-event")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_axis_draws_the_first_events_in_clusters_and_loads_later_ones_when_panned()
    {
        var page = await app.OpenAsync("/");
        var axis = page.Locator("#timeline-axis");
        await Assertions.Expect(page.Locator("#axis-truncated")).ToBeVisibleAsync();
        await Assertions.Expect(axis).ToHaveAttributeAsync("data-rendered", "500");
        await Assertions.Expect(axis.Locator(".vis-item.vis-cluster").First).ToBeVisibleAsync();
        var before = await axis.GetAttributeAsync("data-last");

        // Drag the time axis to the left: later days come into view and the page loads their events.
        var box = (await axis.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width * 0.8f, box.Y + 20);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width * 0.2f, box.Y + 20, new() { Steps = 10 });
        await page.Mouse.UpAsync();

        await Assertions.Expect(axis).Not.ToHaveAttributeAsync("data-last", before!);
        Assert.True(string.CompareOrdinal(await axis.GetAttributeAsync("data-last"), before) > 0);
    }
}
