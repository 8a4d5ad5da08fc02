using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Editing;
using IraqCoalition.Data.Events;
using IraqCoalition.Web.Timeline;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace IraqCoalition.Web.Tests;

public sealed class SharedEventsTests : PageTestContext
{
    private EventRepository Events => Services.GetRequiredService<EventRepository>();

    [Fact]
    public async Task Two_readers_of_the_same_events_hold_one_instance_of_each()
    {
        var shared = new SharedEvents();
        var first = shared.Share(await Events.PageTimelineAsync(new TimelineQuery { Take = 500 }));
        var second = shared.Share(await Events.PageTimelineAsync(new TimelineQuery { Take = 500 }));

        Assert.NotEmpty(first);
        Assert.Equal(first.Count, second.Count);
        Assert.All(first.Zip(second), p => Assert.Same(p.First, p.Second));

        // A narrower filter reads some of the same events: those are shared too, in the filter's order.
        var dyad = shared.Share(await Events.PageTimelineAsync(new TimelineQuery { CountryA = "IRQ", CountryB = "USA", Take = 500 }));
        Assert.NotEmpty(dyad);
        Assert.All(dyad, e => Assert.Same(first.Single(f => f.Id == e.Id), e));
        Assert.Equal(shared.Count, first.Count);
    }

    [Fact]
    public async Task An_editors_change_shows_in_the_next_read_while_earlier_readers_keep_what_they_read()
    {
        var shared = new SharedEvents();
        var before = shared.Share(await Events.PageTimelineAsync(new TimelineQuery { Take = 500 }));
        var target = before[0];
        Assert.Equal(CorrectionService.Extracted, target.Status);

        await Services.GetRequiredService<CorrectionService>()
            .SetEventStatusAsync(new UserContext("eve", Roles.Editor), target.Id, CorrectionService.Verified, target.Version);

        var after = shared.Share(await Events.PageTimelineAsync(new TimelineQuery { Take = 500 }));
        var changed = after.Single(e => e.Id == target.Id);
        Assert.NotSame(target, changed);
        Assert.Equal(CorrectionService.Verified, changed.Status);
        Assert.True(changed.Version > target.Version);
        Assert.Equal(CorrectionService.Extracted, target.Status);

        // The changed read is now the kept one; the unchanged events stay shared.
        var again = shared.Share(await Events.PageTimelineAsync(new TimelineQuery { Take = 500 }));
        Assert.Same(changed, again.Single(e => e.Id == target.Id));
        Assert.All(after.Where(e => e.Id != target.Id), e => Assert.Same(before.Single(b => b.Id == e.Id), e));
    }
}
