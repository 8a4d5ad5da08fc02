using Bunit;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Actors;
using IraqCoalition.Web.Auth;
using IraqCoalition.Web.Components.Editing;
using IraqCoalition.Web.Components.Pages.Admin;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IraqCoalition.Web.Tests;

public sealed class AdminPagesTests : PageTestContext
{
    [Fact]
    public async Task An_admin_adds_a_user_whose_one_time_password_works()
    {
        SignInAs("root", Roles.Admin);
        var cut = RenderPage<UsersPage>("/admin/users");

        cut.Find("input#new-user-name").Change("nadia");
        cut.Find("#create-user").Click();

        cut.WaitForAssertion(() => Assert.Contains("nadia", cut.Find("#created-password").TextContent, StringComparison.Ordinal));
        var password = cut.Find("#created-password code").TextContent.Trim();
        Assert.Equal(20, password.Length);
        var signIn = await Services.GetRequiredService<UserService>().SignInAsync("nadia", password);
        Assert.Equal(SignInOutcome.Success, signIn.Outcome);
        Assert.Equal(Roles.Analyst, signIn.User!.Role);
        Assert.Contains("nadia", cut.Find(".users-table").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_editor_sees_a_notice_and_no_accounts()
    {
        SignInAs("erin", Roles.Editor);

        var cut = RenderPage<UsersPage>("/admin/users");

        Assert.Contains("needs the Admin role", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".users-table"));
        Assert.Empty(cut.FindAll("#create-user"));
    }

    [Fact]
    public async Task Merging_a_duplicate_asks_for_confirmation_then_moves_its_events()
    {
        SignInAs("erin", Roles.Editor);
        var actors = Services.GetRequiredService<ActorRepository>();
        var usa = (await actors.SearchAsync(new ActorQuery { Text = "United States" })).Items.Single(a => a.Name == "United States");
        var russia = (await actors.SearchAsync(new ActorQuery { Text = "Russia" })).Items.Single(a => a.Name == "Russia");
        var popovers = Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var changed = 0;
        var cut = Render<ActorEditor>(p => p.Add(x => x.Actor, usa).Add(x => x.OnChanged, () => changed++));
        cut.Find(".actor-editor .mud-expand-panel-header").Click();

        cut.Find(".merge-picker input").Input("Russ");
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".mud-list-item"), li => li.TextContent.Contains("Russia (RUS)", StringComparison.Ordinal)));
        popovers.FindAll(".mud-list-item").First(li => li.TextContent.Contains("Russia (RUS)", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => Assert.False(cut.Find("#merge-actor").HasAttribute("disabled")));
        cut.Find("#merge-actor").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Merge “Russia” into “United States”", dialogs.Markup, StringComparison.Ordinal));
        Assert.Null((await actors.GetAsync(russia.Id))!.MergedIntoId);
        dialogs.FindAll("button").First(b => b.TextContent.Trim().Equals("Merge", StringComparison.OrdinalIgnoreCase)).Click();

        cut.WaitForAssertion(() => Assert.Equal(1, changed));
        Assert.Equal(usa.Id, (await actors.GetAsync(russia.Id))!.MergedIntoId);
        var events = await Services.GetRequiredService<Data.Events.EventRepository>().QueryTimelineAsync(new Data.Events.TimelineQuery { ActorId = russia.Id });
        Assert.Equal(0, events.Total);
    }
}
