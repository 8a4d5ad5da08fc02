using IraqCoalition.Data.Events;

namespace IraqCoalition.Web.Timeline;

/// <summary>One line of the virtualised event list: the event and whether it opens a new day.</summary>
public sealed record TimelineRow(int Index, TimelineEvent Event, bool FirstOfDay);

/// <summary>
/// The rows of the virtualised event list for one filter, fetched in chunks by keyset cursor.
/// </summary>
/// <remarks>
/// The list asks for rows by position (Blazor's <c>Virtualize</c> speaks in start index and count),
/// but an SQL OFFSET walks every row it skips. So each chunk is read after the last event of the
/// nearest chunk already loaded before it: scrolling down costs one index seek per chunk, whatever
/// the depth. Only a jump far past anything loaded (dragging the scrollbar) skips rows, and then only
/// from the nearest known cursor. Each chunk also reads the row before it, so the first row of a chunk
/// knows whether it starts a new day.
/// </remarks>
public sealed class TimelineRows : IDisposable
{
    public const int ChunkSize = 100;

    /// <summary>Rows to reveal past a capped count each time the reader reaches its end.</summary>
    public const int GrowBy = 1_000;

    private readonly Func<TimelineQuery, CancellationToken, Task<IReadOnlyList<TimelineEvent>>> _fetch;
    private readonly TimelineQuery _query;
    private readonly SortedDictionary<int, Chunk> _chunks = [];
    private readonly SemaphoreSlim _lock = new(1, 1);

    /// <param name="fetch">Reads events in timeline order (<see cref="EventRepository.PageTimelineAsync"/>).</param>
    /// <param name="query">The filters; its paging fields are ignored.</param>
    /// <param name="total">How many events match, as counted (at most the count cap when <paramref name="capped"/>).</param>
    public TimelineRows(Func<TimelineQuery, CancellationToken, Task<IReadOnlyList<TimelineEvent>>> fetch, TimelineQuery query, int total, bool capped)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentNullException.ThrowIfNull(query);
        _fetch = fetch;
        _query = query with { After = null, Skip = 0 };
        Total = total;
        Capped = capped;
    }

    /// <summary>Rows the list can scroll through: the count, grown past the cap as the reader gets there.</summary>
    public int Total { get; private set; }

    /// <summary>True while more events may exist than <see cref="Total"/>.</summary>
    public bool Capped { get; private set; }

    /// <summary>How many chunks have been read from the database (for tests and diagnostics).</summary>
    public int ChunksRead { get; private set; }

    /// <summary>
    /// Takes rows the page has already read from the start of the list (the axis reads the first
    /// events of the same filter), so the list does not ask for them again.
    /// </summary>
    /// <param name="leading">The first events of the list, in order.</param>
    /// <param name="wholeList">True when <paramref name="leading"/> is every matching event.</param>
    public void Prime(IReadOnlyList<TimelineEvent> leading, bool wholeList)
    {
        ArgumentNullException.ThrowIfNull(leading);
        string? previousDay = null;
        for (var k = 0; k * ChunkSize < leading.Count; k++)
        {
            var events = leading.Skip(k * ChunkSize).Take(ChunkSize).ToList();
            if (events.Count < ChunkSize && !wholeList)
            {
                break; // a partial chunk in the middle of the list would read as its end
            }

            var chunk = new Chunk(events, previousDay);
            _chunks[k] = chunk;
            Reconcile(k, chunk);
            previousDay = events[^1].DateValue;
        }
    }

    /// <summary>Rows [start, start + count), fewer at the end of the list.</summary>
    public async Task<IReadOnlyList<TimelineRow>> GetAsync(int start, int count, CancellationToken ct = default)
    {
        start = Math.Max(0, start);
        var end = Math.Min(start + Math.Max(0, count), Total);
        var rows = new List<TimelineRow>(Math.Max(0, end - start));
        for (var k = start / ChunkSize; k * ChunkSize < end; k++)
        {
            var chunk = await ChunkAsync(k, ct);
            var from = Math.Max(start, k * ChunkSize);
            var to = Math.Min(end, k * ChunkSize + chunk.Events.Count);
            for (var i = from; i < to; i++)
            {
                var e = chunk.Events[i - k * ChunkSize];
                var previousDay = i == k * ChunkSize ? chunk.PreviousDay : chunk.Events[i - k * ChunkSize - 1].DateValue;
                rows.Add(new TimelineRow(i, e, previousDay != e.DateValue));
            }

            if (chunk.Events.Count < ChunkSize)
            {
                break;
            }
        }

        return rows;
    }

    private async Task<Chunk> ChunkAsync(int k, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            if (_chunks.TryGetValue(k, out var cached))
            {
                return cached;
            }

            var chunk = await ReadAsync(k, ct);
            _chunks[k] = chunk;
            ChunksRead++;
            Reconcile(k, chunk);
            return chunk;
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<Chunk> ReadAsync(int k, CancellationToken ct)
    {
        // The nearest loaded chunk before k that is full, so its last event is a cursor into the list.
        var before = _chunks.LastOrDefault(c => c.Key < k && c.Value.Events.Count == ChunkSize);
        if (before.Value is { } known && before.Key == k - 1)
        {
            var events = await _fetch(_query with { After = known.Events[^1].Cursor, Take = ChunkSize }, ct);
            return new Chunk(events, known.Events[^1].DateValue);
        }

        // Otherwise read one row more, the one before the chunk, from the nearest cursor (or the start).
        var target = k * ChunkSize;
        var origin = before.Value is not null ? (before.Key + 1) * ChunkSize : 0;
        var skip = target - origin;
        var query = _query with
        {
            After = before.Value?.Events[^1].Cursor,
            Skip = Math.Max(0, skip - 1),
            Take = ChunkSize + (skip > 0 ? 1 : 0),
        };
        var read = await _fetch(query, ct);
        if (skip == 0)
        {
            return new Chunk(read, null);
        }

        return read.Count == 0 ? new Chunk([], null) : new Chunk(read.Skip(1).ToList(), read[0].DateValue);
    }

    /// <summary>Keeps the scrollable length honest with what the reads found.</summary>
    private void Reconcile(int k, Chunk chunk)
    {
        var reached = k * ChunkSize + chunk.Events.Count;
        if (chunk.Events.Count < ChunkSize)
        {
            // The list ends here: a count taken before an ingest or a deletion may have been off.
            if (Capped || reached < Total)
            {
                Total = reached;
                Capped = false;
            }
        }
        else if (Capped && reached + ChunkSize > Total)
        {
            Total = reached + GrowBy;
        }
    }

    public void Dispose() => _lock.Dispose();

    private sealed record Chunk(IReadOnlyList<TimelineEvent> Events, string? PreviousDay);
}
