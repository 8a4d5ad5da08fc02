using System.Globalization;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Editing;
using IraqCoalition.Data.Events;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IraqCoalition.Web.Tests;

/// <summary>An editor's rejection in the timeline shows on the Quality page, in headless Chromium.</summary>
[Trait("Category", "Browser")]
[Collection(EditorialBrowserCollection.Name)]
public sealed class QualityBrowserTests(EditorialBrowserApp app)
{
    private const string Events = ".quality-stages tr[data-stage='events']";

    [Fact]
    public async Task An_editor_rejects_an_event_and_the_quality_page_counts_it()
    {
        var editor = await TestUsers.CreateAsync(app.Services, Roles.Editor);
        var who = new UserContext(editor.Name, Roles.Editor);
        var events = app.Services.GetRequiredService<EventRepository>();
        var corrections = app.Services.GetRequiredService<CorrectionService>();
        var all = (await events.QueryTimelineAsync(new TimelineQuery())).Items;
        var verified = all.Single(e => e.EvidenceText == TestCorpus.JointOpsEvidence);
        var rejected = all.Single(e => e.EvidenceText == TestCorpus.TrainingEvidence);
        // One verdict before, so precision is a figure on both visits.
        await corrections.SetEventStatusAsync(who, verified.Id, CorrectionService.Verified, verified.Version);
        try
        {
            var page = await app.SignInAsync(editor, "/quality");
            var before = await StageFiguresAsync(page);
            Assert.NotEqual("—", before.Precision);

            await page.GotoAsync(new Uri(app.BaseAddress, $"/?event={rejected.Id}").ToString());
            await page.WaitForSelectorAsync("[data-interactive='true']");
            await page.Locator("#event-detail").GetByText("Correct this event").ClickAsync();
            await page.Locator("#reject-event").ClickAsync();
            await Assertions.Expect(page.Locator("#event-detail .event-status")).ToHaveTextAsync("rejected");

            await page.GotoAsync(new Uri(app.BaseAddress, "/quality").ToString());
            await page.WaitForSelectorAsync("[data-interactive='true']");
            var after = await StageFiguresAsync(page);

            Assert.Equal(before.Rejected + 1, after.Rejected);
            Assert.Equal((before.Verified, before.Corrected), (after.Verified, after.Corrected));
            var precision = (double)(after.Verified + after.Corrected) / (after.Verified + after.Corrected + after.Rejected);
            Assert.Equal(precision.ToString("0%", CultureInfo.InvariantCulture), after.Precision);
            Assert.NotEqual(before.Precision, after.Precision);

            // The rejected count opens the items behind it, the new rejection among them.
            await page.Locator($"{Events} td[data-verdict='rejected'] a").ClickAsync();
            await Assertions.Expect(page.Locator($"#quality-items tr[data-item-id='{rejected.Id}'][data-stage='events']")).ToContainTextAsync(TestCorpus.TrainingEvidence);
        }
        finally
        {
            // Leave the editorial app's record as the next test expects it: both back unreviewed.
            foreach (var id in new[] { verified.Id, rejected.Id })
            {
                var now = (await events.GetAsync(id))!;
                if (now.Status != CorrectionService.Extracted)
                {
                    await corrections.SetEventStatusAsync(who, id, CorrectionService.Extracted, now.Version);
                }
            }
        }
    }

    private static async Task<(int Verified, int Corrected, int Rejected, string Precision)> StageFiguresAsync(IPage page)
    {
        var row = page.Locator(Events);
        await Assertions.Expect(row).ToBeVisibleAsync();
        async Task<int> Count(string verdict) =>
            int.Parse((await row.Locator($"td[data-verdict='{verdict}']").InnerTextAsync()).Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        var precision = (await row.Locator("td[data-ratio='precision']").InnerTextAsync()).Trim().Split(' ')[0];
        return (await Count("verified"), await Count("corrected"), await Count("rejected"), precision);
    }
}
