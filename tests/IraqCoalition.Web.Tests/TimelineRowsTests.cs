using IraqCoalition.Data.Events;
using IraqCoalition.Web.Timeline;

namespace IraqCoalition.Web.Tests;

/// <summary>The virtualised list's row source, against an in-memory list that answers like the repository.</summary>
public sealed class TimelineRowsTests
{
    /// <summary>Events in timeline order, three per day, and a log of the queries asked.</summary>
    private sealed class FakeTimeline(int count)
    {
        public List<TimelineEvent> All { get; } = Enumerable.Range(1, count)
            .Select(i => new TimelineEvent { Id = i, DateValue = new DateOnly(2020, 1, 1).AddDays((i - 1) / 3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) })
            .ToList();

        public List<TimelineQuery> Asked { get; } = [];

        public Task<IReadOnlyList<TimelineEvent>> FetchAsync(TimelineQuery q, CancellationToken ct)
        {
            Asked.Add(q);
            var after = q.After is { } c ? All.FindIndex(e => e.Id == c.Id) + 1 : 0;
            return Task.FromResult<IReadOnlyList<TimelineEvent>>(All.Skip(after + q.Skip).Take(q.Take).ToList());
        }
    }

    [Fact]
    public async Task Scrolling_down_reads_each_chunk_after_the_last_row_of_the_one_before_without_skipping()
    {
        var fake = new FakeTimeline(350);
        using var rows = new TimelineRows(fake.FetchAsync, new TimelineQuery(), 350, capped: false);

        for (var start = 0; start < 350; start += 20)
        {
            var window = await rows.GetAsync(start, 20);
            Assert.Equal(Enumerable.Range(start, Math.Min(20, 350 - start)), window.Select(r => r.Index));
            Assert.All(window, r => Assert.Equal(r.Index + 1, r.Event.Id));
        }

        Assert.Equal(4, rows.ChunksRead);
        Assert.Equal(0, fake.Asked[0].Skip);
        Assert.Null(fake.Asked[0].After);
        Assert.All(fake.Asked.Skip(1), q => Assert.Equal(0, q.Skip));
        Assert.Equal([100L, 200L, 300L], fake.Asked.Skip(1).Select(q => q.After!.Id));
    }

    [Fact]
    public async Task A_row_opens_a_day_when_its_date_differs_from_the_row_before_also_across_chunks()
    {
        var fake = new FakeTimeline(250);
        using var rows = new TimelineRows(fake.FetchAsync, new TimelineQuery(), 250, capped: false);

        var all = new List<TimelineRow>();
        all.AddRange(await rows.GetAsync(0, 150));
        all.AddRange(await rows.GetAsync(150, 100));

        Assert.Equal(250, all.Count);
        Assert.All(all, r => Assert.Equal(r.Index % 3 == 0, r.FirstOfDay));
    }

    [Fact]
    public async Task A_jump_past_anything_loaded_skips_from_the_nearest_cursor_and_reads_the_row_before_for_its_day()
    {
        var fake = new FakeTimeline(1_000);
        using var rows = new TimelineRows(fake.FetchAsync, new TimelineQuery(), 1_000, capped: false);
        await rows.GetAsync(0, 10);

        var window = await rows.GetAsync(601, 5);

        Assert.Equal(Enumerable.Range(602, 5).Select(i => (long)i), window.Select(r => r.Event.Id));
        var jump = fake.Asked[^1];
        Assert.Equal(100L, jump.After!.Id);
        Assert.Equal(499, jump.Skip);
        Assert.Equal(101, jump.Take);
        // Row 600 (id 601) is the first of its day (600 / 3 = day 200): known although it was read as "the row before".
        var first = (await rows.GetAsync(600, 1)).Single();
        Assert.True(first.FirstOfDay);
        Assert.False(window[0].FirstOfDay);
    }

    [Fact]
    public async Task A_capped_count_grows_as_the_reader_reaches_its_end_and_settles_where_the_rows_end()
    {
        var fake = new FakeTimeline(1_450);
        using var rows = new TimelineRows(fake.FetchAsync, new TimelineQuery(), 300, capped: true);

        await rows.GetAsync(280, 20);
        Assert.True(rows.Capped);
        Assert.Equal(300 + TimelineRows.GrowBy, rows.Total);

        await rows.GetAsync(1_290, 20);
        Assert.Equal(1_300 + TimelineRows.GrowBy, rows.Total);

        var tail = await rows.GetAsync(1_440, 50);
        Assert.Equal(10, tail.Count);
        Assert.False(rows.Capped);
        Assert.Equal(1_450, rows.Total);
    }

    [Fact]
    public async Task A_count_that_went_stale_shrinks_to_the_rows_that_exist()
    {
        var fake = new FakeTimeline(120);
        using var rows = new TimelineRows(fake.FetchAsync, new TimelineQuery(), 150, capped: false);

        var window = await rows.GetAsync(100, 50);

        Assert.Equal(20, window.Count);
        Assert.Equal(120, rows.Total);
    }

    [Fact]
    public async Task Rows_the_page_already_read_are_not_read_again_and_the_list_goes_on_after_them()
    {
        var fake = new FakeTimeline(730);
        using var rows = new TimelineRows(fake.FetchAsync, new TimelineQuery(), 730, capped: false);

        rows.Prime(fake.All.Take(250).ToList(), wholeList: false);
        var first = await rows.GetAsync(0, 200);

        Assert.Empty(fake.Asked);
        Assert.Equal(200, first.Count);
        Assert.All(first, r => Assert.Equal(r.Index % 3 == 0, r.FirstOfDay));
        // Rows 200-249 were a partial chunk, so chunk 2 is read, after the last row of chunk 1.
        var next = await rows.GetAsync(200, 100);
        Assert.Equal(Enumerable.Range(201, 100).Select(i => (long)i), next.Select(r => r.Event.Id));
        Assert.Equal(200L, Assert.Single(fake.Asked).After!.Id);
    }

    [Fact]
    public async Task A_whole_list_primed_is_never_read_and_its_length_is_exact()
    {
        var fake = new FakeTimeline(42);
        using var rows = new TimelineRows(fake.FetchAsync, new TimelineQuery(), 42, capped: false);

        rows.Prime(fake.All, wholeList: true);

        Assert.Equal(42, (await rows.GetAsync(0, 100)).Count);
        Assert.Empty(fake.Asked);
        Assert.Equal(42, rows.Total);
    }
}
