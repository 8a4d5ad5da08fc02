using IraqCoalition.Data.Accounts;
using System.Text;
using System.Text.RegularExpressions;
using IraqCoalition.Data.Briefings;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IraqCoalition.Web.Tests.Briefings;

/// <summary>An analyst composes a briefing in headless Chromium, saves it and downloads the PDF.</summary>
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class BriefingBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task Compose_save_and_download_the_pdf()
    {
        // Saving needs a signed-in analyst (the workspace refuses anonymous saves).
        var analyst = await TestUsers.CreateAsync(app.Services, Roles.Analyst);
        var page = await app.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, AcceptDownloads = true });
        await page.GotoAsync(new Uri(app.BaseAddress, "/account/login?returnUrl=%2Fbriefings%2Fnew").ToString());
        await page.Locator("#userName").FillAsync(analyst.Name);
        await page.Locator("#password").FillAsync(analyst.Password);
        await page.Locator("#login-submit").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/briefings/new$"));
        await page.WaitForSelectorAsync("[data-interactive='true']");

        await page.Locator("#briefing-title").FillAsync("Browser briefing: Iraq and the U.S.");
        await page.Locator("#briefing-author").FillAsync("Browser desk");
        await page.Locator("#briefing-from").FillAsync("2019-12-01");
        await page.Locator("#briefing-to").FillAsync("2020-01-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add Iraq – U.S. (IRQ-USA)" }).ClickAsync();
        await page.Locator("#briefing-summary").FillAsync("Relations **cooled** after the strike.");
        await Assertions.Expect(page.Locator("#summary-preview strong")).ToHaveTextAsync("cooled");
        var parliament = page.Locator("[data-event-id]", new() { HasText = TestCorpus.ParliamentEvidence });
        await Assertions.Expect(page.Locator("[data-event-id]")).ToHaveCountAsync(4);
        await parliament.GetByRole(AriaRole.Button, new() { Name = "Pin event" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-event-id]").First).ToContainTextAsync(TestCorpus.ParliamentEvidence);

        await page.Locator("#save-briefing").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/briefings/\d+$"));
        // The confirmation must leave the buttons just pressed usable.
        var savedNote = page.Locator(".mud-snackbar", new() { HasText = "Saved" });
        await Assertions.Expect(savedNote).ToBeVisibleAsync();
        Assert.False(Overlap((await savedNote.BoundingBoxAsync())!, (await page.Locator("#save-briefing").BoundingBoxAsync())!), "the Saved message covers the Save button");
        var id = long.Parse(new Uri(page.Url).Segments[^1], System.Globalization.CultureInfo.InvariantCulture);
        var saved = await app.Services.GetRequiredService<BriefingRepository>().GetAsync(id);
        Assert.NotNull(saved);
        Assert.Equal("Browser briefing: Iraq and the U.S.", saved.Title);
        Assert.Equal([new Dyad("IRQ", "USA")], saved.Dyads);
        Assert.Single(saved.PinnedEventIds);
        await Assertions.Expect(page.Locator("#briefing-preview")).ToBeVisibleAsync();

        var pdfButton = page.Locator("button[data-format='pdf']");
        await Assertions.Expect(pdfButton).ToBeEnabledAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => pdfButton.ClickAsync());

        Assert.Matches($@"^briefing-{id}-browser-briefing-iraq-and-the-u-s-\d{{4}}-\d{{2}}-\d{{2}}\.pdf$", download.SuggestedFilename);
        var file = Path.Combine(Path.GetTempPath(), $"iqc-briefing-{Guid.NewGuid():N}.pdf");
        try
        {
            await download.SaveAsAsync(file);
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
            Assert.True(bytes.Length > 5_000, $"a {bytes.Length}-byte PDF is too small to hold the briefing");
        }
        finally
        {
            File.Delete(file);
        }

        await Assertions.Expect(page.Locator("#export-message")).ToContainTextAsync("Downloaded briefing-");

        // The list exports too, without opening the briefing.
        await page.GotoAsync(new Uri(app.BaseAddress, "/briefings").ToString());
        await page.WaitForSelectorAsync("[data-interactive='true']");
        await page.Locator($"tr[data-briefing-id='{id}'] .export-menu button").ClickAsync();
        var markdown = await page.RunAndWaitForDownloadAsync(() => page.Locator(".mud-popover-open [data-format='md']").ClickAsync());
        Assert.Matches($@"^briefing-{id}-.*\.md$", markdown.SuggestedFilename);
        await Assertions.Expect(page.Locator("#list-export-message")).ToContainTextAsync("Downloaded briefing-");
    }

    private static bool Overlap(LocatorBoundingBoxResult a, LocatorBoundingBoxResult b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;

    [Fact]
    public async Task Pair_picker_and_actor_autocomplete_fill_the_scope()
    {
        var page = await app.OpenAsync("/briefings/new");

        // Picked from the suggestion lists: typed text reaches the value only after the debounce, which
        // a click on "Add pair" can overtake on a loaded machine.
        await Suggestions.PickAsync(page, page.Locator("#dyad-a"), "IRQ", "IRQ");
        await Suggestions.PickAsync(page, page.Locator("#dyad-b"), "RUS", "RUS");
        await page.Locator("#add-dyad").ClickAsync();
        await Assertions.Expect(page.Locator("#scope-dyads [data-dyad='IRQ-RUS']")).ToBeVisibleAsync();
        // The same pair typed the other way round is the same dyad: its one-click button is now off.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add Iraq – Russia (IRQ-RUS)" })).ToBeDisabledAsync();

        await Suggestions.PickAsync(page, page.Locator("#actor-search"), "Abdul", "Adel Abdul-Mahdi");
        await Assertions.Expect(page.Locator("#scope-actors [data-actor-id]")).ToContainTextAsync("Adel Abdul-Mahdi");

        // Iraq–Russia events that involve Abdul-Mahdi: none in the corpus, so the narrowed list is empty.
        await Assertions.Expect(page.Locator("#candidate-summary")).ToContainTextAsync("0 events");
        await page.Locator("#scope-dyads [data-dyad='IRQ-RUS'] .mud-chip-close-button").ClickAsync();
        // Without the dyad, the actor alone: his condemnation of the strike, and his statement.
        await Assertions.Expect(page.Locator("[data-event-id]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-event-id]")).ToContainTextAsync(TestCorpus.CondemnEvidence);
        await Assertions.Expect(page.Locator("[data-statement-id]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Composer_is_readable_in_the_dark_theme_and_reachable_by_keyboard()
    {
        var page = await app.OpenAsync("/briefings/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();

        // Text on the page's own paper must contrast with it in the dark theme too.
        var colours = await page.EvaluateAsync<string[]>(
            "[getComputedStyle(document.querySelector('#briefing-title')).color, getComputedStyle(document.querySelector('.mud-main-content')).backgroundColor]");
        Assert.NotEqual(colours[0], colours[1]);

        // Tab from the title reaches the author, then the period fields: a keyboard user can fill the form.
        await page.Locator("#briefing-title").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("briefing-author", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("briefing-from", await page.EvaluateAsync<string>("document.activeElement.id"));

        // A visitor learns before typing that saving needs an account, and where to sign in.
        await Assertions.Expect(page.Locator("#access-notice")).ToContainTextAsync("Saving a briefing needs an account with the Analyst role");
        await Assertions.Expect(page.Locator("#access-sign-in")).ToHaveAttributeAsync("href", "/account/login?returnUrl=%2Fbriefings%2Fnew");
        await Assertions.Expect(page.Locator("#save-briefing")).ToBeDisabledAsync();
    }
}
