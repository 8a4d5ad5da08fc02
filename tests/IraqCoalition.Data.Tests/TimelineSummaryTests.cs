using Dapper;
using IraqCoalition.Core.Events;
using IraqCoalition.Data.Events;
using IraqCoalition.Data.Synthetic;

namespace IraqCoalition.Data.Tests;

/// <summary>The timeline's opening line (period, count, busiest dyads), an event's place in the list, the country picker.</summary>
public sealed class TimelineSummaryTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await new SyntheticSeeder(_db.Factory, CameoCodebook.Default.Codes.ToList())
            .SeedAsync(new SyntheticOptions { Articles = 60, Actors = 80, Events = 2_500, From = new(2019, 12, 1), To = new(2020, 2, 29) });
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private EventRepository Events => new(_db.Factory);

    [Fact]
    public async Task Small_filter_counts_dyads_in_every_event()
    {
        var q = new TimelineQuery { CountryA = "IRQ" };
        var summary = await Events.SummarizeTimelineAsync(q);

        await using var c = await _db.Factory.OpenAsync();
        var expected = (await c.QueryAsync<(string S, string T, int N)>("""
            SELECT source_country, target_country, count(*) FROM events
            WHERE lead = 1 AND status <> 'rejected' AND (source_country = 'IRQ' OR target_country = 'IRQ') AND source_country <> target_country
            GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 3
            """)).Select(d => new DyadCount(d.S, d.T, d.N)).ToList();
        var (first, last, n) = await c.QuerySingleAsync<(string, string, int)>(
            "SELECT min(date_value), max(date_value), count(*) FROM events WHERE lead = 1 AND status <> 'rejected' AND (source_country = 'IRQ' OR target_country = 'IRQ')");

        Assert.True(n is > 10 and <= EventRepository.SummaryExactUpTo, $"{n} events: not a small filter");
        Assert.Null(summary.Sampled);
        Assert.Equal((first, last, n), (summary.First, summary.Last, summary.Total));
        Assert.Equal(expected, summary.TopDyads);
    }

    [Fact]
    public async Task Large_filter_counts_dyads_in_a_bounded_sample_spread_over_the_period()
    {
        var summary = await Events.SummarizeTimelineAsync(new TimelineQuery());

        await using var c = await _db.Factory.OpenAsync();
        var (first, last, n) = await c.QuerySingleAsync<(string, string, int)>(
            "SELECT min(date_value), max(date_value), count(*) FROM events WHERE lead = 1 AND status <> 'rejected'");
        Assert.True(n > EventRepository.SummaryExactUpTo);
        Assert.Equal((first, last, n), (summary.First, summary.Last, summary.Total));
        Assert.NotNull(summary.Sampled);
        Assert.InRange(summary.Sampled!.Value, EventRepository.SummarySlices, EventRepository.SummarySlices * EventRepository.SummarySliceSize);
        Assert.Equal(3, summary.TopDyads.Count);
        Assert.True(summary.TopDyads[0].Events >= summary.TopDyads[^1].Events);
        Assert.Equal(summary.TopDyads[0].Events, summary.TopDyads.Max(d => d.Events));
    }

    [Fact]
    public async Task Nothing_matching_has_no_period()
    {
        var summary = await Events.SummarizeTimelineAsync(new TimelineQuery { Text = "nosuchwordanywhere" });

        Assert.Equal(new TimelineSummary(null, null, 0, false, [], null), summary with { TopDyads = [] });
        Assert.Empty(summary.TopDyads);
    }

    [Fact]
    public async Task Position_is_the_events_index_in_the_filtered_list_or_null_outside_it()
    {
        var q = new TimelineQuery { CountryA = "USA" };
        var list = await Events.PageTimelineAsync(q with { Take = 1000 });
        Assert.True(list.Count > 200);

        foreach (var i in new[] { 0, 1, 57, 133, list.Count - 1 })
        {
            Assert.Equal(i, await Events.PositionInTimelineAsync(q, list[i].Id));
        }

        await using var c = await _db.Factory.OpenAsync();
        var outside = await c.ExecuteScalarAsync<long>(
            "SELECT id FROM events WHERE lead = 1 AND coalesce(source_country, '') <> 'USA' AND coalesce(target_country, '') <> 'USA' LIMIT 1");
        Assert.Null(await Events.PositionInTimelineAsync(q, outside));
        Assert.Null(await Events.PositionInTimelineAsync(q, 99_999_999));
    }

    [Fact]
    public async Task Known_countries_carry_their_country_actors_names()
    {
        var countries = await Events.KnownCountriesAsync();

        Assert.Contains(new KnownCountry("IRQ", "Iraq"), countries);
        Assert.Contains(new KnownCountry("USA", "United States"), countries);
        Assert.Equal(countries.Count, countries.Select(k => k.Code).Distinct().Count());
    }
}
