using IraqCoalition.Data.Accounts;
using Bunit;
using IraqCoalition.Data.Briefings;
using IraqCoalition.Reporting;
using IraqCoalition.Web.Briefings;
using IraqCoalition.Web.Components.Pages.Briefings;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace IraqCoalition.Web.Tests.Briefings;

/// <summary>Briefing pages on the test database, with the reporting services the app registers.</summary>
public abstract class BriefingPageTestContext : PageTestContext
{
    /// <summary>First renders query the database and compose the document; on a busy two-core machine that can take seconds.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Where the PDF renderer looks for Chromium.</summary>
    protected virtual string ChromiumPath => BrowserApp.ChromiumPath;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Services.AddIraqCoalitionReporting(new ReportingOptions { ChromiumPath = ChromiumPath });
        Services.AddSingleton<BriefingWorkspace>();
        Services.AddScoped<BriefingDownloads>();
        // Analysts compose and save briefings; the anonymous case has its own test.
        Authorization.SetAuthorized("ann");
        Authorization.SetRoles(IraqCoalition.Data.Accounts.Roles.Analyst);
    }

    protected BriefingRepository Repository => Services.GetRequiredService<BriefingRepository>();

    /// <summary>Iraq–U.S. from December 2019 to January 2020: four events of the test corpus and one statement.</summary>
    protected Task<Briefing> SavedAsync(string title = "Iraq and the U.S. after the strike") => Repository.CreateAsync(UserContext.System, new Briefing
    {
        Title = title,
        From = new DateOnly(2019, 12, 1),
        To = new DateOnly(2020, 1, 31),
        Dyads = [new Dyad("IRQ", "USA")],
    });

    protected IRenderedComponent<BriefingComposerPage> Open(long id) =>
        RenderPage<BriefingComposerPage>($"briefings/{id}", p => p.Add(x => x.Id, id));
}

/// <summary>The composer against a real database: what the user sets is what the repository stores.</summary>
public sealed class BriefingComposerTests : BriefingPageTestContext
{
    [Fact]
    public async Task An_anonymous_visitor_is_told_before_starting_and_the_server_refuses_regardless()
    {
        Authorization.SetNotAuthorized();
        var page = RenderPage<BriefingComposerPage>("briefings/new");
        page.WaitForElement("#briefing-title", Patience);

        var notice = page.Find("#access-notice");
        Assert.Contains("Saving a briefing needs an account with the Analyst role", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal("/account/login?returnUrl=%2Fbriefings%2Fnew", page.Find("#access-sign-in").GetAttribute("href"));
        Assert.True(page.Find("#save-briefing").HasAttribute("disabled"));

        // The disabled button is a courtesy: the workspace itself refuses a visitor's save.
        var workspace = Services.GetRequiredService<BriefingWorkspace>();
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => workspace.SaveAsync(UserContext.Anonymous, new Briefing { Title = "Not allowed" }, CancellationToken.None));
        Assert.Contains("needs the Analyst role", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await Repository.ListAsync()).Total);
    }

    [Fact]
    public async Task New_briefing_fields_bind_and_save_to_the_repository()
    {
        var page = RenderPage<BriefingComposerPage>("briefings/new");
        page.WaitForElement("#briefing-title", Patience);

        page.Find("#briefing-title").Input("Iraq–U.S. relations, winter 2019/20");
        page.Find("#briefing-author").Input("Desk A");
        page.Find("#briefing-from").Change("2019-12-01");
        page.Find("#briefing-to").Change("2020-01-31");
        page.Find("#briefing-marking").Input("RESTRICTED");
        page.Find("button[aria-label='Add Iraq – U.S. (IRQ-USA)']").Click();
        page.Find("#briefing-summary").Input("**Relations cooled** after the strike.");
        var sectionSwitch = page.Find("[data-section='ActorProfiles']");
        (sectionSwitch.TagName == "INPUT" ? sectionSwitch : sectionSwitch.QuerySelector("input")!).Change(false);

        // The Markdown preview renders as the user types, with the author's markup as HTML.
        page.WaitForAssertion(() => Assert.Equal("Relations cooled", page.Find("#summary-preview strong").TextContent), Patience);
        // IRQ-USA in the period: joint operations, training aid, the condemnation and the parliament's demand.
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-event-id]").Count), Patience);
        Assert.NotNull(page.Find("#unsaved-changes"));

        page.Find("#save-briefing").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#briefing-version")), Patience);
        var list = await Repository.ListAsync();
        var saved = await Repository.GetAsync(Assert.Single(list.Items).Id);
        Assert.NotNull(saved);
        Assert.Equal("Iraq–U.S. relations, winter 2019/20", saved.Title);
        Assert.Equal("Desk A", saved.Author);
        Assert.Equal(new DateOnly(2019, 12, 1), saved.From);
        Assert.Equal(new DateOnly(2020, 1, 31), saved.To);
        Assert.Equal("RESTRICTED", saved.HandlingMarking);
        Assert.Equal([new Dyad("IRQ", "USA")], saved.Dyads);
        Assert.Equal("**Relations cooled** after the strike.", saved.Summary);
        Assert.Equal(BriefingSections.All & ~BriefingSections.ActorProfiles, saved.Sections);
        Assert.Equal(1, saved.Version);
        Assert.Empty(page.FindAll("#unsaved-changes"));
        Assert.EndsWith($"/briefings/{saved.Id}", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pin_and_leave_out_toggles_change_the_saved_briefing_and_pinned_items_come_first()
    {
        var briefing = await SavedAsync();
        var page = Open(briefing.Id);
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-event-id]").Count), Patience);
        var parliament = ItemId(page, TestCorpus.ParliamentEvidence);
        var training = ItemId(page, TestCorpus.TrainingEvidence);
        Assert.NotEqual(parliament, page.FindAll("[data-event-id]")[0].GetAttribute("data-event-id"));

        page.Find($"[data-event-id='{parliament}'] .pin-toggle").Click();
        page.Find($"[data-event-id='{training}'] .exclude-toggle").Click();
        page.Find("[data-statement-id] .pin-toggle").Click();

        page.WaitForAssertion(() => Assert.Equal(parliament, page.FindAll("[data-event-id]")[0].GetAttribute("data-event-id")), Patience);
        Assert.Equal("true", page.Find($"[data-event-id='{parliament}'] .pin-toggle").GetAttribute("aria-pressed"));
        Assert.Equal("true", page.Find($"[data-event-id='{training}']").GetAttribute("data-excluded"));
        page.Find("#save-briefing").Click();

        page.WaitForAssertion(() => Assert.Contains("version 2", page.Find("#briefing-version").TextContent, StringComparison.Ordinal), Patience);
        var saved = (await Repository.GetAsync(briefing.Id))!;
        Assert.Equal([long.Parse(parliament!, System.Globalization.CultureInfo.InvariantCulture)], saved.PinnedEventIds);
        Assert.Equal([long.Parse(training!, System.Globalization.CultureInfo.InvariantCulture)], saved.ExcludedEventIds);
        Assert.Single(saved.PinnedStatementIds);
        Assert.Empty(saved.ExcludedStatementIds);

        // Leaving a pinned item out unpins it: an item is never both.
        page.Find($"[data-event-id='{parliament}'] .exclude-toggle").Click();
        page.Find("#save-briefing").Click();
        page.WaitForAssertion(() => Assert.Contains("version 3", page.Find("#briefing-version").TextContent, StringComparison.Ordinal), Patience);
        saved = (await Repository.GetAsync(briefing.Id))!;
        Assert.Empty(saved.PinnedEventIds);
        Assert.Equal(2, saved.ExcludedEventIds.Count);
    }

    private static string? ItemId(IRenderedComponent<BriefingComposerPage> page, string text) =>
        page.FindAll("[data-event-id]").Single(e => e.TextContent.Contains(text, StringComparison.Ordinal)).GetAttribute("data-event-id");

    [Fact]
    public async Task Saving_over_someone_elses_save_shows_the_conflict_and_keeps_the_draft()
    {
        var briefing = await SavedAsync();
        var page = Open(briefing.Id);
        page.WaitForElement("#briefing-title", Patience);
        var theirs = (await Repository.GetAsync(briefing.Id))!;
        theirs.Title = "Their title";
        await Repository.UpdateAsync(UserContext.System, theirs);

        page.Find("#briefing-title").Input("My title");
        page.Find("#save-briefing").Click();

        page.WaitForAssertion(() => Assert.Contains("was changed by someone else (version 2, you edited version 1)", page.Find("#save-conflict").TextContent, StringComparison.Ordinal), Patience);
        Assert.Contains("nothing was lost", page.Find("#save-conflict").TextContent, StringComparison.Ordinal);
        Assert.Equal("My title", page.Find("#briefing-title").GetAttribute("value"));
        Assert.Equal("Their title", (await Repository.GetAsync(briefing.Id))!.Title);

        page.Find("#conflict-overwrite").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#save-conflict")), Patience);
        var stored = (await Repository.GetAsync(briefing.Id))!;
        Assert.Equal("My title", stored.Title);
        Assert.Equal(3, stored.Version);
    }

    [Fact]
    public async Task Conflict_after_a_delete_offers_saving_the_draft_as_a_new_briefing()
    {
        var briefing = await SavedAsync();
        var page = Open(briefing.Id);
        page.WaitForElement("#briefing-title", Patience);
        await Repository.DeleteAsync(UserContext.System, briefing.Id, briefing.Version);

        page.Find("#briefing-title").Input("Still wanted");
        page.Find("#save-briefing").Click();

        page.WaitForAssertion(() => Assert.Contains($"Briefing {briefing.Id} no longer exists.", page.Find("#save-conflict").TextContent, StringComparison.Ordinal), Patience);
        Assert.Empty(page.FindAll("#conflict-overwrite"));
        page.Find("#conflict-copy").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#save-conflict")), Patience);
        var copy = Assert.Single((await Repository.ListAsync()).Items);
        Assert.Equal("Still wanted", copy.Title);
        Assert.Equal(1, copy.Version);
    }

    [Fact]
    public void A_briefing_without_a_title_is_not_saved_and_says_why()
    {
        var page = RenderPage<BriefingComposerPage>("briefings/new");
        page.WaitForElement("#save-briefing", Patience);

        page.Find("#save-briefing").Click();

        page.WaitForAssertion(() => Assert.Equal("Not saved: A briefing needs a title.", page.Find("#save-error").TextContent.Trim()), Patience);
    }

    [Fact]
    public async Task Preview_is_a_sandboxed_iframe_without_scripts_holding_the_document()
    {
        var briefing = await SavedAsync();

        var page = Open(briefing.Id);

        page.WaitForElement("#briefing-preview", Patience);
        var frame = page.Find("#briefing-preview");
        Assert.Equal("", frame.GetAttribute("sandbox"));
        var html = frame.GetAttribute("srcdoc")!;
        Assert.StartsWith("<!DOCTYPE html>", html.TrimStart(), StringComparison.OrdinalIgnoreCase);
        // HTML-escaped in the document (Iraq&#39;s), so a phrase without punctuation.
        Assert.Contains("parliament demanded the withdrawal of", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_pages_and_searches_saved_briefings()
    {
        for (var i = 1; i <= 30; i++)
        {
            await SavedAsync($"Weekly note {i:00}");
        }

        await SavedAsync("Russia outreach");

        var page = RenderPage<BriefingsPage>("briefings");
        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll("[data-briefing-id]").Count), Patience);
        Assert.Contains("31 briefings", page.Find("#briefing-count").TextContent, StringComparison.Ordinal);

        var search = RenderPage<BriefingsPage>("briefings?q=russia");
        search.WaitForAssertion(() => Assert.Single(search.FindAll("[data-briefing-id]")), Patience);
        Assert.Equal("Russia outreach", search.Find("[data-briefing-id] a").TextContent);
    }
}

/// <summary>A server without Chromium: the composer explains, PDF is off, everything else works.</summary>
public sealed class BriefingComposerWithoutChromiumTests : BriefingPageTestContext
{
    private const string NoChromium = "/nonexistent/chromium-for-tests";

    protected override string ChromiumPath => NoChromium;

    [Fact]
    public async Task Without_Chromium_the_page_says_how_to_install_it_and_only_the_PDF_button_is_disabled()
    {
        var briefing = await SavedAsync();

        var page = Open(briefing.Id);

        page.WaitForElement("#pdf-unavailable", Patience);
        var alert = page.Find("#pdf-unavailable").TextContent;
        Assert.Contains($"Chromium not found at {NoChromium}", alert, StringComparison.Ordinal);
        Assert.Contains("apt-get install", alert, StringComparison.Ordinal);
        Assert.True(page.Find("button[data-format='pdf']").HasAttribute("disabled"));
        Assert.Contains(NoChromium, page.Find("button[data-format='pdf']").GetAttribute("title"), StringComparison.Ordinal);
        foreach (var format in new[] { "html", "md", "csv", "json" })
        {
            Assert.False(page.Find($"button[data-format='{format}']").HasAttribute("disabled"), $"{format} should stay available");
        }

        // The preview is HTML, not PDF: it still works.
        page.WaitForAssertion(() => Assert.Contains("Iraq and the U.S. after the strike", page.Find("#briefing-preview").GetAttribute("srcdoc"), StringComparison.Ordinal), Patience);
    }
}
