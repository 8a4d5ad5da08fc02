using IraqCoalition.Data.Briefings;
using IraqCoalition.Reporting.Composition;
using P = IraqCoalition.Reporting.Tests.BriefingDatabase.ScriptedPipeline;

namespace IraqCoalition.Reporting.Tests;

public sealed class ComposerTests : IAsyncLifetime
{
    private readonly BriefingDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private static Briefing January(params string[] dyads) => new()
    {
        Title = "Iraq after the airport strike",
        From = new DateOnly(2020, 1, 1),
        To = new DateOnly(2020, 1, 31),
        Dyads = dyads.Select(Dyad.Parse).ToList(),
    };

    [Fact]
    public async Task Dyad_and_period_select_only_matching_events_in_date_order()
    {
        var doc = await _db.Composer().ComposeAsync(January("IRQ-USA"));

        Assert.Equal([P.Strike, P.Condemn, P.Vote], doc.Events.Select(e => e.Summary));
        Assert.Equal(3, doc.EventsInScope);
        Assert.False(doc.EventsTruncated);
        Assert.Empty(doc.Notes);
        Assert.Equal("Dyads: IRQ-USA", doc.ScopeDescription);
    }

    [Fact]
    public async Task Values_of_one_kind_are_alternatives_and_kinds_narrow_each_other()
    {
        var both = await _db.Composer().ComposeAsync(January("IRQ-USA", "RUS-IRQ"));
        Assert.Equal([P.Strike, P.Condemn, P.Vote, P.Lavrov, P.Arms], both.Events.Select(e => e.Summary));

        var fights = January("IRQ-USA", "IRQ-IRN");
        fights.CameoRoots = ["19"];
        var doc = await _db.Composer().ComposeAsync(fights);
        Assert.Equal([P.Strike, P.Iran], doc.Events.Select(e => e.Summary));

        var lavrov = January();
        lavrov.ActorIds = [await _db.ActorIdAsync("Sergey Lavrov")];
        var byActor = await _db.Composer().ComposeAsync(lavrov);
        Assert.Equal([P.Lavrov], byActor.Events.Select(e => e.Summary));
        Assert.Equal([P.LavrovQuote], byActor.Statements.Select(s => s.Text));
        Assert.Equal("Actors: Sergey Lavrov", byActor.ScopeDescription);
    }

    [Fact]
    public async Task Pinned_events_come_first_in_pin_order_even_outside_the_scope()
    {
        var b = January("IRQ-USA");
        var december = await _db.EventIdAsync("Kataib Hezbollah");
        var vote = await _db.EventIdAsync("expel US troops");
        b.PinnedEventIds = [vote, december];

        var doc = await _db.Composer().ComposeAsync(b);

        Assert.Equal([P.Vote, P.December, P.Strike, P.Condemn], doc.Events.Select(e => e.Summary));
        Assert.Equal([true, true, false, false], doc.Events.Select(e => e.Pinned));
    }

    [Fact]
    public async Task Pinned_statement_from_outside_the_scope_leads_and_is_cited_after_the_events()
    {
        var b = January("IRQ-USA");
        b.PinnedStatementIds = [await _db.StatementIdAsync("stands ready")];

        var doc = await _db.Composer().ComposeAsync(b);

        Assert.Equal([P.LavrovQuote, P.MahdiQuote, P.ParliamentReported], doc.Statements.Select(s => s.Text));
        Assert.True(doc.Statements[0].Pinned);
        Assert.Equal(("Sergey Lavrov", 3), (doc.Statements[0].Speaker, doc.Statements[0].Citation));
        Assert.Equal("Lavrov in Baghdad", doc.Citations[2].Title);
    }

    [Fact]
    public async Task Excluded_items_never_appear_even_when_also_pinned()
    {
        var b = January("IRQ-USA");
        var condemn = await _db.EventIdAsync("condemns the strike");
        var strike = await _db.EventIdAsync("drone strike");
        b.PinnedEventIds = [strike];
        b.ExcludedEventIds = [condemn, strike];
        b.ExcludedStatementIds = [await _db.StatementIdAsync("aggression")];

        var doc = await _db.Composer().ComposeAsync(b);

        Assert.Equal([P.Vote], doc.Events.Select(e => e.Summary));
        Assert.Equal([P.ParliamentReported], doc.Statements.Select(s => s.Text));
    }

    [Fact]
    public async Task Pinned_item_that_no_longer_exists_is_reported_in_a_note()
    {
        var b = January("IRQ-USA");
        b.PinnedEventIds = [987654];

        var doc = await _db.Composer().ComposeAsync(b);

        Assert.Equal(3, doc.Events.Count);
        Assert.Contains(doc.Notes, n => n.Contains("987654", StringComparison.Ordinal) && n.Contains("no longer exists", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Citations_are_numbered_by_first_appearance_one_per_article()
    {
        var doc = await _db.Composer().ComposeAsync(January("IRQ-USA", "IRQ-RUS"));

        // Events: strike and condemnation (article 1), vote (2), Lavrov and arms (3); statements reuse them.
        Assert.Equal([1, 1, 2, 3, 3], doc.Events.Select(e => e.Citation));
        Assert.Equal([1, 2, 3], doc.Citations.Select(c => c.Number));
        Assert.Equal(["Strike at Baghdad airport kills Soleimani", "Parliament votes on foreign troops", "Lavrov in Baghdad"], doc.Citations.Select(c => c.Title));
        Assert.Equal(("Reuters", "2020-01-03", "https://example.org/reuters/strike"), (doc.Citations[0].Source, doc.Citations[0].Published, doc.Citations[0].Url));
        var quote = Assert.Single(doc.Statements, s => s.Text == P.MahdiQuote);
        Assert.Equal(("Adel Abdul Mahdi", true, 1), (quote.Speaker, quote.Direct, quote.Citation));
        Assert.All(doc.Statements, s => Assert.Contains(doc.Citations, c => c.Number == s.Citation));
    }

    [Fact]
    public async Task Sections_left_out_are_not_composed_and_not_cited()
    {
        var b = January("IRQ-USA");
        b.Sections = BriefingSections.KeyStatements | BriefingSections.Sources;

        var doc = await _db.Composer().ComposeAsync(b);

        Assert.Empty(doc.Events);
        Assert.Empty(doc.Charts);
        Assert.Empty(doc.Actors);
        Assert.Equal(2, doc.Statements.Count);
        Assert.Equal([1, 2], doc.Statements.Select(s => s.Citation));
        // Outlets with as many articles are in name order.
        Assert.Equal(["Al Jazeera", "Reuters"], doc.Sources.Select(s => s.Name));
    }

    [Fact]
    public async Task Cap_truncates_with_a_note_and_keeps_pinned_items()
    {
        var b = January("IRQ-USA", "IRQ-RUS", "IRQ-IRN");
        b.PinnedEventIds = [await _db.EventIdAsync("Iran fires")];

        var doc = await _db.Composer(new ReportingOptions { MaxEvents = 2 }).ComposeAsync(b);

        Assert.Equal([P.Iran, P.Strike], doc.Events.Select(e => e.Summary));
        Assert.True(doc.EventsTruncated);
        Assert.Contains(doc.Notes, n => n.Contains("first 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Charts_actor_profiles_and_marking_come_from_the_scope()
    {
        var b = January("IRQ-USA");
        b.HandlingMarking = null;
        var doc = await _db.Composer(new ReportingOptions { HandlingMarking = "RESTRICTED" }).ComposeAsync(b);

        var chart = Assert.Single(doc.Charts);
        Assert.Equal(3, chart.Events);
        Assert.Equal(["2019-12-30"], chart.Weeks.Select(w => w.WeekStart));
        Assert.Equal("RESTRICTED", doc.HandlingMarking);
        Assert.Equal(BriefingDatabase.Now, doc.GeneratedAt);

        var iraq = Assert.Single(doc.Actors, a => a.Name == "Iraq");
        Assert.Equal(("country", "IRQ", 2), (iraq.Kind, iraq.Country, iraq.BriefingEvents));
        Assert.Contains("العراق", iraq.Aliases);
        var mahdi = Assert.Single(doc.Actors, a => a.Name == "Adel Abdul Mahdi");
        Assert.Equal(("Prime Minister", 1), (mahdi.Title, mahdi.BriefingStatements));
    }
}
