using Bunit;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Actors;
using IraqCoalition.Data.Editing;
using IraqCoalition.Data.Events;
using IraqCoalition.Data.Tags;
using IraqCoalition.Web.Auth;
using IraqCoalition.Web.Components.Editing;
using IraqCoalition.Web.Components.Pages;
using IraqCoalition.Web.Components.Timeline;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IraqCoalition.Web.Tests;

/// <summary>The editing components on a real database: they call the services as the signed-in user and show what the services say.</summary>
public sealed class EditingComponentsTests : PageTestContext
{
    private async Task<ActorRow> ActorAsync(string name)
    {
        var page = await Services.GetRequiredService<ActorRepository>().SearchAsync(new ActorQuery { Text = name });
        return page.Items.Single(a => a.Name == name);
    }

    [Fact]
    public async Task Tag_chips_add_an_existing_tag_through_the_autocomplete_and_remove_it_with_the_chip()
    {
        SignInAs("erin", Roles.Editor);
        var tags = Services.GetRequiredService<TagService>();
        var hawks = await tags.CreateAsync(new UserContext("setup", Roles.Editor), "hawks", "#c62828");
        var iraq = await ActorAsync("Iraq");
        var popovers = Render<MudPopoverProvider>();
        var cut = Render<ActorTags>(p => p.Add(x => x.ActorId, iraq.Id));

        cut.Find(".tag-picker input").Input("haw");
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".mud-list-item"), li => li.TextContent.Contains("#hawks", StringComparison.Ordinal)));
        popovers.FindAll(".mud-list-item").First(li => li.TextContent.Contains("#hawks", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.Contains("#hawks", cut.Find(".mud-chip.tag").TextContent, StringComparison.Ordinal));
        Assert.Equal([hawks.Id], (await tags.ForActorAsync(iraq.Id)).Select(t => t.Id));
        var audit = await Services.GetRequiredService<Data.Audit.AuditLog>().QueryAsync(new Data.Audit.AuditQuery { EntityType = "actor", EntityId = iraq.Id, Action = "actor.tag" });
        Assert.Equal("erin", Assert.Single(audit.Items).UserName);

        // The close button is out of the tab order; a focused chip closes with the Delete key instead.
        cut.Find(".mud-chip-container:has(.mud-chip.tag)").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Delete" });

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-chip.tag")));
        Assert.Empty(await tags.ForActorAsync(iraq.Id));
    }

    [Fact]
    public async Task Typing_a_new_name_offers_to_create_the_tag()
    {
        SignInAs("erin", Roles.Editor);
        var russia = await ActorAsync("Russia");
        var popovers = Render<MudPopoverProvider>();
        var cut = Render<ActorTags>(p => p.Add(x => x.ActorId, russia.Id));

        cut.Find(".tag-picker input").Input("great powers");
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".mud-list-item"), li => li.TextContent.Contains("Create tag", StringComparison.Ordinal)));
        popovers.FindAll(".mud-list-item").First(li => li.TextContent.Contains("Create tag", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.Contains("#great powers", cut.Find(".mud-chip.tag").TextContent, StringComparison.Ordinal));
        Assert.Equal("great powers", Assert.Single(await Services.GetRequiredService<TagService>().ForActorAsync(russia.Id)).Name);
    }

    [Fact]
    public async Task A_conflicting_save_shows_the_conflict_keeps_the_typed_values_and_reloads_on_request()
    {
        SignInAs("erin", Roles.Editor);
        var iraq = await ActorAsync("Iraq");
        var changes = 0;
        Render<MudPopoverProvider>();
        var cut = Render<ActorEditor>(p => p.Add(x => x.Actor, iraq).Add(x => x.OnChanged, () => changes++));
        cut.Find(".actor-editor .mud-expand-panel-header").Click();

        // Another editor saves first, from the same version.
        await Services.GetRequiredService<ActorEditService>().UpdateAsync(new UserContext("omar", Roles.Editor), iraq.Id,
            new ActorChanges { Version = iraq.Version, Name = "Republic of Iraq", Kind = iraq.Kind, Country = "IRQ" });
        cut.Find("#actor-form input").Change("Iraq (state)");
        cut.Find("#actor-form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("changed by omar", cut.Find("#edit-conflict").TextContent, StringComparison.Ordinal));
        Assert.Equal("Iraq (state)", cut.Find("#actor-form input").GetAttribute("value"));
        Assert.Contains("Iraq (state)", cut.Find("#edit-conflict").TextContent, StringComparison.Ordinal);
        Assert.Equal("Republic of Iraq", (await Services.GetRequiredService<ActorRepository>().GetAsync(iraq.Id))!.Name);
        Assert.Equal(0, changes);

        cut.FindAll("#edit-conflict button").Single(b => b.TextContent.Contains("Reload", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("#edit-conflict")));
        Assert.Equal("Republic of Iraq", cut.Find("#actor-form input").GetAttribute("value"));
    }

    [Fact]
    public async Task An_analyst_sees_the_actor_and_its_tags_but_no_edit_controls()
    {
        SignInAs("ana", Roles.Analyst);
        var iraq = await ActorAsync("Iraq");
        await Services.GetRequiredService<TagService>().AddToActorAsync(UserContext.System, iraq.Id,
            (await Services.GetRequiredService<TagService>().CreateAsync(UserContext.System, "state")).Id);

        var cut = RenderPage<ActorPage>($"/actors/{iraq.Id}", p => p.Add(x => x.Id, iraq.Id));

        cut.WaitForAssertion(() => Assert.Contains("#state", cut.Find(".actor-tags").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll(".actor-editor"));
        Assert.Empty(cut.FindAll(".tag-picker"));
        Assert.Empty(cut.FindAll(".mud-chip-close-button"));
        Assert.DoesNotContain("Edit this actor", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_sees_the_edit_controls_on_the_same_page()
    {
        SignInAs("erin", Roles.Editor);
        var iraq = await ActorAsync("Iraq");

        var cut = RenderPage<ActorPage>($"/actors/{iraq.Id}", p => p.Add(x => x.Id, iraq.Id));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".actor-editor")));
        Assert.Single(cut.FindAll(".tag-picker"));
    }

    [Fact]
    public async Task Event_detail_offers_corrections_to_editors_only_and_reject_reaches_the_database()
    {
        var events = Services.GetRequiredService<EventRepository>();
        var strike = (await events.QueryTimelineAsync(new TimelineQuery { Root = "19" })).Items.Single();

        SignInAs("ana", Roles.Analyst);
        var asAnalyst = RenderPage<EventDetail>("/", p => p.Add(x => x.Event, strike));
        Assert.Empty(asAnalyst.FindAll(".event-corrections"));

        SignInAs("erin", Roles.Editor);
        var changed = 0;
        var cut = Render<EventDetail>(p => p.Add(x => x.Event, strike).Add(x => x.OnChanged, () => changed++));
        cut.Find(".event-corrections .mud-expand-panel-header").Click();
        cut.Find("#reject-event").Click();

        cut.WaitForAssertion(() => Assert.Equal(1, changed));
        Assert.Equal("rejected", (await events.GetAsync(strike.Id))!.Status);
    }
}
