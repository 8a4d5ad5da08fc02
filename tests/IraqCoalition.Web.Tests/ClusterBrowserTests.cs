using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Events;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IraqCoalition.Web.Tests;

/// <summary>An app of its own: merging events changes the timeline the shared app's tests count.</summary>
public sealed class ClusterBrowserApp : BrowserApp;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterBrowserCollection : ICollectionFixture<ClusterBrowserApp>
{
    public const string Name = "Cluster browser";
}

/// <summary>End-to-end in headless Chromium: an editor merges two events from the event detail.</summary>
[Trait("Category", "Browser")]
[Collection(ClusterBrowserCollection.Name)]
public sealed class ClusterBrowserTests(ClusterBrowserApp app)
{
    [Fact]
    public async Task An_editor_finds_the_other_event_by_its_words_merges_and_the_timeline_lists_one_entry_with_both_reports()
    {
        var editor = await TestUsers.CreateAsync(app.Services, Roles.Editor);
        var events = (await app.Services.GetRequiredService<EventRepository>().QueryTimelineAsync(new TimelineQuery { Take = 100 })).Items;
        var condemn = events.Single(e => e.EvidenceText == TestCorpus.CondemnEvidence);
        var demand = events.Single(e => e.EvidenceText == TestCorpus.ParliamentEvidence);
        var page = await app.SignInAsync(editor, $"/?event={condemn.Id}");
        var rows = page.Locator("[data-event-id]");
        await Assertions.Expect(rows).ToHaveCountAsync(events.Count);

        var detail = page.Locator("#event-detail");
        await detail.Locator("#merge-event").ClickAsync();
        await Assertions.Expect(detail.Locator(".cluster-target").First).ToBeVisibleAsync();
        await detail.Locator("#cluster-target-picker input").FillAsync("parliament");
        var candidate = detail.Locator($".cluster-target[data-cluster-id='{demand.ClusterId}']");
        await Assertions.Expect(detail.Locator(".cluster-target")).ToHaveCountAsync(1);
        await Assertions.Expect(candidate).ToContainTextAsync("Iraq → United States: Demand withdrawal");
        await candidate.Locator(".choose-cluster-target").ClickAsync();
        await Assertions.Expect(detail.Locator("#cluster-confirm")).ToContainTextAsync("will then have 2 reports");
        await detail.Locator("#confirm-cluster-edit").ClickAsync();

        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "Events merged: it now has 2 reports, 1 source." })).ToBeVisibleAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(events.Count - 1);
        var merged = page.Locator("[data-event-id]", new() { HasText = "2 reports" });
        await Assertions.Expect(merged).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#event-detail .report-item")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#event-detail .report-item", new() { HasText = TestCorpus.CondemnEvidence })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#event-detail .report-item", new() { HasText = TestCorpus.ParliamentEvidence })).ToHaveCountAsync(1);

        // A fresh page reads the same from the database.
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("[data-interactive='true']");
        await Assertions.Expect(rows).ToHaveCountAsync(events.Count - 1);
        await Assertions.Expect(page.Locator("[data-event-id]", new() { HasText = "2 reports, 1 source" })).ToHaveCountAsync(1);
    }
}
