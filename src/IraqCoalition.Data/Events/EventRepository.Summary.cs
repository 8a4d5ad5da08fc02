using Dapper;
using IraqCoalition.Data.Storage;

namespace IraqCoalition.Data.Events;

/// <summary>What a timeline filter covers, for the line that opens the page.</summary>
/// <param name="First">Day of the earliest matching event, or null when none match.</param>
/// <param name="Sampled">How many events the dyads were counted in, when that is fewer than all that match.</param>
public sealed record TimelineSummary(string? First, string? Last, int Total, bool Capped, IReadOnlyList<DyadCount> TopDyads, int? Sampled);

/// <summary>Events from one country's actors to another's.</summary>
public sealed record DyadCount(string SourceCountry, string TargetCountry, int Events);

/// <summary>A country the actors belong to, with the name its country actor carries.</summary>
public sealed record KnownCountry(string Code, string Name);

public sealed partial class EventRepository
{
    /// <summary>Up to this many matching events, the dyads are counted in all of them.</summary>
    public const int SummaryExactUpTo = 1_000;

    /// <summary>Past it, in this many slices of the period with <see cref="SummarySliceSize"/> events each.</summary>
    public const int SummarySlices = 10;

    public const int SummarySliceSize = 100;

    /// <summary>
    /// The period, the (capped) count and the busiest directed dyads of a filter. On a large corpus the
    /// dyads are counted in the first events of each of <see cref="SummarySlices"/> equal slices of the
    /// period: a bounded sample spread over the whole time, read by the same index walks as the list.
    /// </summary>
    public async Task<TimelineSummary> SummarizeTimelineAsync(TimelineQuery q, int topDyads = 3, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(q);
        q = q with { After = null, Skip = 0, Descending = false };
        var first = (await PageTimelineAsync(q with { Take = 1 }, ct)).FirstOrDefault();
        if (first is null)
        {
            return new TimelineSummary(null, null, 0, false, [], null);
        }

        var last = (await PageTimelineAsync(q with { Take = 1, Descending = true }, ct))[0];
        var (total, capped) = await CountTimelineAsync(q, ct);
        var sample = new List<TimelineEvent>();
        int? sampled = null;
        if (!capped && total <= SummaryExactUpTo)
        {
            sample.AddRange(await PageTimelineAsync(q with { Take = SummaryExactUpTo }, ct));
        }
        else
        {
            var from = DateOnly.ParseExact(first.DateValue, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).DayNumber;
            var to = DateOnly.ParseExact(last.DateValue, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).DayNumber;
            var width = Math.Max(1, (to - from + 1 + SummarySlices - 1) / SummarySlices);
            for (var start = from; start <= to; start += width)
            {
                var slice = q with { From = DateOnly.FromDayNumber(start), To = DateOnly.FromDayNumber(Math.Min(to, start + width - 1)), Take = SummarySliceSize };
                sample.AddRange(await PageTimelineAsync(slice, ct));
            }

            sampled = sample.Count;
        }

        var dyads = sample
            .Where(e => !string.IsNullOrEmpty(e.SourceCountry) && !string.IsNullOrEmpty(e.TargetCountry) && e.SourceCountry != e.TargetCountry)
            .GroupBy(e => (e.SourceCountry!, e.TargetCountry!))
            .Select(g => new DyadCount(g.Key.Item1, g.Key.Item2, g.Count()))
            .OrderByDescending(d => d.Events).ThenBy(d => d.SourceCountry, StringComparer.Ordinal).ThenBy(d => d.TargetCountry, StringComparer.Ordinal)
            .Take(topDyads)
            .ToList();
        return new TimelineSummary(first.DateValue, last.DateValue, total, capped, dyads, sampled);
    }

    /// <summary>
    /// Where event <paramref name="eventId"/> stands in the list of <paramref name="q"/> (0 = first), or
    /// null when it does not match the filters. Counted like the pager, so at most <see cref="Counting.Cap"/>.
    /// </summary>
    public async Task<int?> PositionInTimelineAsync(TimelineQuery q, long eventId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(q);
        if (await GetAsync(eventId, ct) is not { } e)
        {
            return null;
        }

        // The first event at or before it in the filtered list is the event itself only if it matches.
        q = q with { Skip = 0, Descending = true };
        var atOrBefore = await PageTimelineAsync(q with { After = new TimelineCursor(e.DateValue, e.Id + 1), Take = 1 }, ct);
        if (atOrBefore.Count == 0 || atOrBefore[0].Id != e.Id)
        {
            return null;
        }

        await using var c = await factory.OpenAsync(ct);
        return (await CountAsync(c, q with { After = e.Cursor }, ct)).Total;
    }

    /// <summary>Countries the actors belong to, named by their country actor (the code when there is none), by name.</summary>
    public async Task<IReadOnlyList<KnownCountry>> KnownCountriesAsync(CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        return (await c.QueryAsync<KnownCountry>(new CommandDefinition($"""
            SELECT code, name FROM (
                SELECT country AS code, coalesce(min(CASE WHEN kind = 'country' THEN name END), country) AS name
                FROM actors
                WHERE country IS NOT NULL AND merged_into_id IS NULL
                GROUP BY country) AS countries
            ORDER BY {factory.Dialect.NoCase("name")}
            """, cancellationToken: ct))).ToList();
    }
}
