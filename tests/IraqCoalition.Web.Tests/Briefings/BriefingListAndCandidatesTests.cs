using Bunit;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Briefings;
using IraqCoalition.Web.Briefings;
using IraqCoalition.Web.Components.Account;
using IraqCoalition.Web.Components.Briefings;
using IraqCoalition.Web.Components.Pages.Briefings;
using Microsoft.AspNetCore.Components;

namespace IraqCoalition.Web.Tests.Briefings;

/// <summary>The briefing list's exports, the composer's paged candidates and the pages' notices for those who may not write.</summary>
public sealed class BriefingListAndCandidatesTests : BriefingPageTestContext
{
    private sealed record Item(long Id, string Text);

    private static readonly IReadOnlyList<Item> TwentyFive = [.. Enumerable.Range(1, 25).Select(i => new Item(i, $"item {i}"))];

    [Fact]
    public async Task Every_row_of_the_list_exports_in_every_format()
    {
        var saved = await SavedAsync();
        var module = JSInterop.SetupModule("./js/briefing-download.js");
        module.Setup<DownloadOutcome?>("download", $"/briefings/{saved.Id}/export?format=md").SetResult(new DownloadOutcome(true, "briefing-1.md"));
        var page = RenderPage<BriefingsPage>("briefings");
        var popovers = Popovers;
        page.WaitForElement($"tr[data-briefing-id='{saved.Id}']", Patience);

        page.Find($"tr[data-briefing-id='{saved.Id}'] .export-menu button").Click();

        popovers.WaitForAssertion(() => Assert.Equal(["pdf", "html", "md", "csv", "json"], popovers.FindAll(".mud-popover-open [data-format]").Select(i => i.GetAttribute("data-format"))));
        popovers.Find(".mud-popover-open [data-format='md']").Click();
        page.WaitForAssertion(() => Assert.Equal("Downloaded briefing-1.md.", page.Find("#list-export-message").TextContent.Trim()), Patience);
    }

    [Fact]
    public void Candidates_page_by_ten_and_a_page_can_be_pinned_at_once()
    {
        var (pinned, excluded) = (new List<long> { 20 }, new List<long> { 3 });
        var changes = 0;
        var table = Render<CandidateTable<Item>>(p => p
            .Add(x => x.Items, TwentyFive).Add(x => x.Id, i => i.Id).Add(x => x.Pinned, pinned).Add(x => x.Excluded, excluded)
            .Add(x => x.Noun, "event").Add(x => x.Label, "Key events").Add(x => x.Changed, () => changes++)
            .Add(x => x.Row, (RenderFragment<Item>)(i => b => b.AddContent(0, i.Text))));

        // Ten rows, the pinned one first; three pages.
        var rows = table.FindAll("tr[data-event-id]");
        Assert.Equal(CandidateTable<Item>.PageSize, rows.Count);
        Assert.Equal(["20", "1", "2"], rows.Take(3).Select(r => r.GetAttribute("data-event-id")));
        Assert.Equal(3, table.FindAll(".candidate-pages .mud-pagination-item").Count(li => int.TryParse(li.TextContent.Trim(), out _)));

        table.Find(".select-page input").Change(true);
        Assert.Equal("10 events selected", table.Find(".selected-count").TextContent.Trim());
        table.Find(".bulk-pin").Click();

        // The page's ten are pinned in page order (3 leaves the left-out list), and the selection is spent.
        Assert.Equal([20, 1, 2, 3, 4, 5, 6, 7, 8, 9], pinned);
        Assert.Empty(excluded);
        Assert.Equal(1, changes);
        Assert.Equal("None selected", table.Find(".selected-count").TextContent.Trim());
    }

    [Fact]
    public void Selected_rows_can_be_left_out_or_reset_together()
    {
        var (pinned, excluded) = (new List<long> { 1, 2 }, new List<long>());
        var table = Render<CandidateTable<Item>>(p => p
            .Add(x => x.Items, TwentyFive).Add(x => x.Id, i => i.Id).Add(x => x.Pinned, pinned).Add(x => x.Excluded, excluded)
            .Add(x => x.Noun, "statement").Add(x => x.Label, "Key statements")
            .Add(x => x.Row, (RenderFragment<Item>)(i => b => b.AddContent(0, i.Text))));

        foreach (var id in new[] { 1, 5 })
        {
            table.Find($"tr[data-statement-id='{id}'] .candidate-select input").Change(true);
        }

        table.Find(".bulk-exclude").Click();
        Assert.Equal([2], pinned);
        Assert.Equal([1, 5], excluded);
        Assert.Equal("true", table.Find("tr[data-statement-id='5']").GetAttribute("data-excluded"));

        table.Find("tr[data-statement-id='5'] .candidate-select input").Change(true);
        table.Find(".bulk-reset").Click();
        Assert.Equal([1], excluded);
    }

    [Fact]
    public void A_signed_in_analyst_is_told_which_role_to_ask_for()
    {
        SignInAs("ann", Roles.Analyst);

        var notice = Render<AccessNotice>(p => p.Add(x => x.Need, "Adding articles").Add(x => x.Role, Roles.Editor));

        Assert.Equal("You are signed in as ann (Analyst). Adding articles needs the Editor role; an administrator can give it to you at Accounts.", notice.Find("#access-notice .mud-alert-message").TextContent.Trim());
        Assert.Empty(notice.FindAll("#access-sign-in"));
    }
}
