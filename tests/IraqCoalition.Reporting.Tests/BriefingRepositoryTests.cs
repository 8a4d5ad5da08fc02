using IraqCoalition.Data.Accounts;
using Dapper;
using IraqCoalition.Data.Briefings;

namespace IraqCoalition.Reporting.Tests;

public sealed class BriefingRepositoryTests : IAsyncLifetime
{
    private readonly BriefingDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private static Briefing Sample() => new()
    {
        Title = "  Iraq–US tensions, January 2020  ",
        Author = "J. Analyst",
        From = new DateOnly(2020, 1, 1),
        To = new DateOnly(2020, 2, 29),
        Dyads = [Dyad.Parse("irq-usa"), Dyad.Parse("IRQ-RUS")],
        ActorIds = [5, 3],
        TagIds = [2],
        CameoRoots = ["19", "04"],
        Summary = "**Escalation** after the strike.",
        Sections = BriefingSections.KeyEvents | BriefingSections.RelationshipCharts,
        PinnedEventIds = [9, 4, 7],
        ExcludedEventIds = [11],
        PinnedStatementIds = [2],
        ExcludedStatementIds = [8],
        HandlingMarking = "SECRET // REL TO USA, GBR",
        CreatedBy = "analyst1",
    };

    [Fact]
    public async Task Saved_briefing_reopens_with_every_field()
    {
        var saved = await _db.Briefings.CreateAsync(UserContext.System, Sample());
        var b = await _db.Briefings.GetAsync(saved.Id);

        Assert.NotNull(b);
        Assert.Equal(1, b.Version);
        Assert.Equal("Iraq–US tensions, January 2020", b.Title);
        Assert.Equal(("J. Analyst", new DateOnly(2020, 1, 1), new DateOnly(2020, 2, 29)), (b.Author, b.From, b.To));
        Assert.Equal(["IRQ-USA", "IRQ-RUS"], b.Dyads.Select(d => d.ToString()));
        Assert.Equal([5L, 3L], b.ActorIds);
        Assert.Equal([2L], b.TagIds);
        Assert.Equal(["19", "04"], b.CameoRoots);
        Assert.Equal("**Escalation** after the strike.", b.Summary);
        Assert.Equal(BriefingSections.KeyEvents | BriefingSections.RelationshipCharts, b.Sections);
        Assert.Equal([9L, 4L, 7L], b.PinnedEventIds);
        Assert.Equal([11L], b.ExcludedEventIds);
        Assert.Equal([2L], b.PinnedStatementIds);
        Assert.Equal([8L], b.ExcludedStatementIds);
        Assert.Equal("SECRET // REL TO USA, GBR", b.HandlingMarking);
        Assert.Equal("analyst1", b.CreatedBy);
        Assert.Equal(b.CreatedAt, b.UpdatedAt);
        Assert.True(b.CreatedAt > DateTimeOffset.UtcNow.AddMinutes(-5));

        await using var c = await _db.Factory.OpenAsync();
        Assert.Equal("2020-01-01", await c.ExecuteScalarAsync<string>("SELECT period_from FROM briefings WHERE id = @id", new { id = b.Id }));
        Assert.EndsWith("Z", await c.ExecuteScalarAsync<string>("SELECT created_at FROM briefings WHERE id = @id", new { id = b.Id }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_replaces_scope_and_items_and_bumps_the_version()
    {
        var b = await _db.Briefings.CreateAsync(UserContext.System, Sample());
        b.Title = "Renamed";
        b.Dyads = [Dyad.Parse("IRQ-IRN")];
        b.CameoRoots = [];
        b.PinnedEventIds = [7, 9];
        b.ExcludedEventIds = [];
        b.HandlingMarking = null;

        var updated = await _db.Briefings.UpdateAsync(UserContext.System, b);
        var reopened = await _db.Briefings.GetAsync(b.Id);

        Assert.Equal(2, updated.Version);
        Assert.NotNull(reopened);
        Assert.Equal(("Renamed", 2), (reopened.Title, reopened.Version));
        Assert.Equal(["IRQ-IRN"], reopened.Dyads.Select(d => d.ToString()));
        Assert.Empty(reopened.CameoRoots);
        Assert.Equal([7L, 9L], reopened.PinnedEventIds);
        Assert.Empty(reopened.ExcludedEventIds);
        Assert.Null(reopened.HandlingMarking);
    }

    [Fact]
    public async Task Saving_a_stale_version_is_refused_and_changes_nothing()
    {
        var created = await _db.Briefings.CreateAsync(UserContext.System, Sample());
        var first = (await _db.Briefings.GetAsync(created.Id))!;
        var second = (await _db.Briefings.GetAsync(created.Id))!;
        first.Title = "First editor";
        await _db.Briefings.UpdateAsync(UserContext.System, first);

        second.Title = "Second editor";
        second.PinnedEventIds = [];
        var ex = await Assert.ThrowsAsync<BriefingConcurrencyException>(() => _db.Briefings.UpdateAsync(UserContext.System, second));

        Assert.Equal((1, 2), (ex.ExpectedVersion, ex.ActualVersion));
        var stored = (await _db.Briefings.GetAsync(created.Id))!;
        Assert.Equal("First editor", stored.Title);
        Assert.Equal([9L, 4L, 7L], stored.PinnedEventIds);
    }

    [Fact]
    public async Task Delete_needs_the_current_version_and_removes_children()
    {
        var b = await _db.Briefings.CreateAsync(UserContext.System, Sample());
        await Assert.ThrowsAsync<BriefingConcurrencyException>(() => _db.Briefings.DeleteAsync(UserContext.System, b.Id, 7));
        await _db.Briefings.DeleteAsync(UserContext.System, b.Id, 1);

        Assert.Null(await _db.Briefings.GetAsync(b.Id));
        await using var c = await _db.Factory.OpenAsync();
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM briefing_items WHERE briefing_id = @id", new { id = b.Id }));
        var gone = await Assert.ThrowsAsync<BriefingConcurrencyException>(() => _db.Briefings.UpdateAsync(UserContext.System, b));
        Assert.Null(gone.ActualVersion);
    }

    [Fact]
    public async Task List_is_paged_newest_first_and_filters_by_text()
    {
        await _db.Briefings.CreateAsync(UserContext.System, new Briefing { Title = "Alpha weekly", Author = "Rana" });
        await _db.Briefings.CreateAsync(UserContext.System, new Briefing { Title = "Bravo 100% ready" });
        await _db.Briefings.CreateAsync(UserContext.System, new Briefing { Title = "Charlie", From = new DateOnly(2020, 1, 1) });

        var all = await _db.Briefings.ListAsync(take: 2);
        Assert.Equal(3, all.Total);
        Assert.Equal(["Charlie", "Bravo 100% ready"], all.Items.Select(i => i.Title));
        Assert.Equal("from 2020-01-01", all.Items[0].Period);
        Assert.Equal("Alpha weekly", Assert.Single((await _db.Briefings.ListAsync(text: "rana")).Items).Title);
        Assert.Equal("Bravo 100% ready", Assert.Single((await _db.Briefings.ListAsync(text: "100%")).Items).Title);
    }

    [Fact]
    public async Task Invalid_briefings_are_refused_before_touching_the_database()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _db.Briefings.CreateAsync(UserContext.System, new Briefing { Title = " " }));
        await Assert.ThrowsAsync<ArgumentException>(() => _db.Briefings.CreateAsync(UserContext.System, new Briefing { Title = "x", From = new DateOnly(2020, 2, 1), To = new DateOnly(2020, 1, 1) }));
        await Assert.ThrowsAsync<ArgumentException>(() => _db.Briefings.CreateAsync(UserContext.System, new Briefing { Title = "x", CameoRoots = ["190"] }));
        Assert.Throws<FormatException>(() => Dyad.Parse("IRQ-IRQ"));
        Assert.Throws<FormatException>(() => Dyad.Parse("IRQ;USA"));
        Assert.Equal(0, (await _db.Briefings.ListAsync()).Total);
    }
}
