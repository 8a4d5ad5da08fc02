using Bunit;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Audit;
using IraqCoalition.Data.Clusters;
using IraqCoalition.Data.Events;
using IraqCoalition.Web.Components.Timeline;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IraqCoalition.Web.Tests;

/// <summary>Editors move reports and merge events from the event detail, on a real database: the picker's suggestions, the confirmation, the result.</summary>
public sealed class ClusterEditingTests : PageTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private EventRepository Events => Services.GetRequiredService<EventRepository>();

    private async Task<TimelineEvent> EventAsync(string evidence) =>
        (await Events.QueryTimelineAsync(new TimelineQuery { Take = 100 })).Items.Single(e => e.EvidenceText == evidence);

    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    private IRenderedComponent<EventDetail> Detail(TimelineEvent e, Action? changed = null) =>
        RenderPage<EventDetail>("/", p => p.Add(x => x.Event, e).Add(x => x.OnChanged, () => changed?.Invoke()));

    [Fact]
    public async Task Merge_offers_the_compatible_event_of_the_next_day_first_says_what_it_is_and_merges_on_confirm()
    {
        SignInAs("erin", Roles.Editor);
        var condemn = await EventAsync(TestCorpus.CondemnEvidence);
        var demand = await EventAsync(TestCorpus.ParliamentEvidence);
        var before = (await Events.QueryTimelineAsync(new TimelineQuery())).Total;
        var changed = 0;
        var cut = Detail(condemn, () => changed++);
        var snackbars = Render<MudSnackbarProvider>();

        cut.Find("#merge-event").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".cluster-target")), Wait);
        var first = cut.FindAll(".cluster-target")[0];
        Assert.Equal(demand.ClusterId.ToString(), first.GetAttribute("data-cluster-id"));
        Assert.Contains("5 Jan 2020 · Iraq → United States: Demand withdrawal · 1 report, 1 source", Flat(first.TextContent), StringComparison.Ordinal);
        Assert.Contains("1 day apart · compatible root 10 · same source country · same target", Flat(first.TextContent), StringComparison.Ordinal);
        // The strike of the day before shares neither root nor sides, so it comes after.
        var strike = await EventAsync(TestCorpus.StrikeEvidence);
        var ids = cut.FindAll(".cluster-target").Select(li => li.GetAttribute("data-cluster-id")).ToList();
        Assert.True(ids.IndexOf(strike.ClusterId.ToString()) > 0);

        first.QuerySelector(".choose-cluster-target")!.Click();
        cut.WaitForAssertion(() => Assert.Contains("Demand withdrawal", cut.Find("#cluster-target").TextContent, StringComparison.Ordinal));
        Assert.Contains("will then have 2 reports", cut.Find("#cluster-confirm").TextContent, StringComparison.Ordinal);
        Assert.NotEqual(condemn.ClusterId, (await Events.GetAsync(demand.Id))!.ClusterId);

        cut.Find("#confirm-cluster-edit").Click();

        cut.WaitForAssertion(() => Assert.Equal(1, changed), Wait);
        Assert.Equal(condemn.ClusterId, (await Events.GetAsync(demand.Id))!.ClusterId);
        Assert.Equal(before - 1, (await Events.QueryTimelineAsync(new TimelineQuery())).Total);
        var audit = await Services.GetRequiredService<AuditLog>().QueryAsync(new AuditQuery { Action = "cluster.merge" });
        Assert.Equal("erin", Assert.Single(audit.Items).UserName);
        snackbars.WaitForAssertion(() => Assert.Contains("Events merged: it now has 2 reports, 1 source.", snackbars.Markup, StringComparison.Ordinal), Wait);
    }

    [Fact]
    public async Task Words_find_an_event_weeks_away_that_the_neighbouring_days_do_not_offer()
    {
        SignInAs("erin", Roles.Editor);
        var condemn = await EventAsync(TestCorpus.CondemnEvidence);
        var joint = await EventAsync(TestCorpus.JointOpsEvidence);
        var cut = Detail(condemn);
        cut.Find("#merge-event").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".cluster-target")), Wait);
        Assert.DoesNotContain(cut.FindAll(".cluster-target"), li => li.GetAttribute("data-cluster-id") == joint.ClusterId.ToString());

        cut.Find("#cluster-target-picker input").Input("joint operations");

        cut.WaitForAssertion(() => Assert.Equal([joint.ClusterId.ToString()], cut.FindAll(".cluster-target").Select(li => li.GetAttribute("data-cluster-id"))), Wait);
        Assert.Contains("26 days apart", cut.Find(".cluster-target").TextContent, StringComparison.Ordinal);

        cut.Find("#cluster-target-picker input").Input("zeppelin");
        cut.WaitForAssertion(() => Assert.Contains("has these words", cut.Find("#no-cluster-targets").TextContent, StringComparison.Ordinal), Wait);
    }

    [Fact]
    public async Task An_editor_moves_one_report_into_another_event_and_it_stays_there_pinned()
    {
        SignInAs("erin", Roles.Editor);
        var condemn = await EventAsync(TestCorpus.CondemnEvidence);
        var demand = await EventAsync(TestCorpus.ParliamentEvidence);
        var changed = 0;
        var cut = Detail(demand, () => changed++);

        cut.Find($"[data-report-id='{demand.Id}'] .move-report").Click();
        Assert.Contains("Move the report of “Soleimani killed in U.S. strike near Baghdad airport”", cut.Find("#cluster-edit").TextContent, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll($".cluster-target[data-cluster-id='{condemn.ClusterId}']")), Wait);
        cut.Find($".cluster-target[data-cluster-id='{condemn.ClusterId}'] .choose-cluster-target").Click();
        Assert.Contains("Criticize or denounce", cut.Find("#cluster-target").TextContent, StringComparison.Ordinal);
        cut.Find("#confirm-cluster-edit").Click();

        cut.WaitForAssertion(() => Assert.Equal(1, changed), Wait);
        var reports = await Services.GetRequiredService<EventClusterService>().ReportsAsync(condemn.ClusterId!.Value);
        Assert.Equal([condemn.Id, demand.Id], reports.Select(r => r.Id).Order());
        Assert.True(reports.Single(r => r.Id == demand.Id).ClusterPinned);
        var audit = await Services.GetRequiredService<AuditLog>().QueryAsync(new AuditQuery { Action = "cluster.move" });
        Assert.Equal((long?)demand.Id, Assert.Single(audit.Items).EntityId);
    }

    [Fact]
    public async Task A_merge_after_another_editor_changed_the_event_shows_the_conflict_and_changes_nothing()
    {
        SignInAs("erin", Roles.Editor);
        var condemn = await EventAsync(TestCorpus.CondemnEvidence);
        var demand = await EventAsync(TestCorpus.ParliamentEvidence);
        var strike = await EventAsync(TestCorpus.StrikeEvidence);
        var cut = Detail(condemn);
        cut.Find("#merge-event").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll($".cluster-target[data-cluster-id='{demand.ClusterId}']")), Wait);
        cut.Find($".cluster-target[data-cluster-id='{demand.ClusterId}'] .choose-cluster-target").Click();

        // Meanwhile another editor moves the strike report into this event.
        await Services.GetRequiredService<EventClusterService>().MoveAsync(new UserContext("omar", Roles.Editor), strike.Id, strike.Version, condemn.ClusterId!.Value);
        cut.Find("#confirm-cluster-edit").Click();

        cut.WaitForAssertion(() => Assert.Contains("Not saved", cut.Find("#cluster-conflict").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal(demand.ClusterId, (await Events.GetAsync(demand.Id))!.ClusterId);
        Assert.Empty((await Services.GetRequiredService<AuditLog>().QueryAsync(new AuditQuery { Action = "cluster.merge" })).Items);
    }

    [Fact]
    public async Task An_analyst_sees_every_report_but_no_move_or_merge()
    {
        SignInAs("ana", Roles.Analyst);
        var condemn = await EventAsync(TestCorpus.CondemnEvidence);

        var cut = Detail(condemn);

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".report-item")));
        Assert.Empty(cut.FindAll("#merge-event"));
        Assert.Empty(cut.FindAll(".move-report"));
    }
}
