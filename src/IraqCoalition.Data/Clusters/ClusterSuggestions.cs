using System.Globalization;
using Dapper;
using IraqCoalition.Core.Clustering;
using IraqCoalition.Data.Events;
using IraqCoalition.Data.Storage;

namespace IraqCoalition.Data.Clusters;

/// <summary>Another event an editor might move a report into or merge with, as the picker shows it.</summary>
public sealed class ClusterSuggestion
{
    public long ClusterId { get; init; }
    public int Version { get; init; }
    public long LeadEventId { get; init; }
    public string Code { get; init; } = "";
    public string Root { get; init; } = "";
    public string Label { get; init; } = "";
    public string? SourceName { get; init; }
    public string? SourceCountry { get; init; }
    public string? TargetName { get; init; }
    public string? TargetCountry { get; init; }
    public string DateValue { get; init; } = "";
    public string DateStart { get; init; } = "";
    public string DateEnd { get; init; } = "";
    public string EvidenceText { get; init; } = "";
    public int ReportCount { get; init; }
    public int SourceCount { get; init; }

    /// <summary>What it shares with the event being edited ("same day · compatible root 19 · same target"), ranked by it.</summary>
    public string Why { get; set; } = "";

    internal string Sources { get; init; } = "";
    internal string Targets { get; init; } = "";
    internal double Rank { get; set; }
}

/// <summary>
/// Suggests the events an editor is most likely to mean when moving a report or merging an event:
/// those on the same or neighbouring days, of a compatible CAMEO root, sharing actors or countries
/// (the signals matching uses, <see cref="ClusterMatcher"/>). Typed words search a wider window
/// through the timeline's own text search, so any event of those weeks can be found by its wording.
/// </summary>
public sealed class ClusterSuggestions(ConnectionFactory factory, EventRepository events)
{
    /// <summary>Days either side of the event's interval offered without words: an event is rarely reported more than a few days off.</summary>
    public const int NeighbourDays = 3;

    /// <summary>Days either side searched when the editor types words (a report dated to its article's day can be weeks off).</summary>
    public const int SearchDays = 45;

    private const int MaxCandidates = 400;

    private sealed class Self
    {
        public string Root { get; init; } = "";
        public string Sources { get; init; } = "";
        public string Targets { get; init; } = "";
        public string DateStart { get; init; } = "";
        public string DateEnd { get; init; } = "";
    }

    private const string SuggestionColumns = """
        SELECT ec.id AS cluster_id, ec.version, e.id AS lead_event_id, e.code, e.root, e.label,
               s.name AS source_name, e.source_country, t.name AS target_name, e.target_country,
               e.date_value, ec.date_start, ec.date_end, e.evidence_text, ec.report_count, ec.source_count,
               ec.sources, ec.targets
        FROM event_clusters ec
        JOIN events e ON e.id = ec.lead_event_id
        LEFT JOIN actors s ON s.id = e.source_actor_id
        LEFT JOIN actors t ON t.id = e.target_actor_id
        """;

    /// <summary>The best <paramref name="take"/> other events for the event <paramref name="clusterId"/>, best first.</summary>
    public async Task<IReadOnlyList<ClusterSuggestion>> ForAsync(long clusterId, string? text = null, int take = 12, CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        var self = await c.QuerySingleOrDefaultAsync<Self>(new CommandDefinition(
            "SELECT root, sources, targets, date_start, date_end FROM event_clusters WHERE id = @clusterId",
            new { clusterId }, cancellationToken: ct));
        if (self is null)
        {
            return [];
        }

        var start = EventReport.Day(self.DateStart);
        var end = EventReport.Day(self.DateEnd);
        List<long> ids;
        if (string.IsNullOrWhiteSpace(text))
        {
            // ix_clusters_window: root first, so every root is listed to walk it by date.
            ids = (await c.QueryAsync<long>(new CommandDefinition($"""
                SELECT id FROM event_clusters
                WHERE {factory.Dialect.In("root", "@roots")} AND date_start >= @lo AND date_start <= @hi AND date_end >= @near AND report_count > 0 AND id <> @clusterId
                LIMIT {MaxCandidates}
                """,
                new
                {
                    roots = AllRoots, clusterId,
                    lo = Clock.Day(start.AddDays(-ClusterMatcher.LookBackDays)),
                    hi = Clock.Day(end.AddDays(NeighbourDays)),
                    near = Clock.Day(start.AddDays(-NeighbourDays)),
                }, cancellationToken: ct))).ToList();
        }
        else
        {
            var found = await events.PageTimelineAsync(new TimelineQuery
            {
                Text = text, From = start.AddDays(-SearchDays), To = end.AddDays(SearchDays), Take = MaxCandidates,
            }, ct);
            ids = found.Where(e => e.ClusterId is { } id && id != clusterId).Select(e => e.ClusterId!.Value).Distinct().ToList();
        }

        var rows = new List<ClusterSuggestion>(ids.Count);
        foreach (var chunk in ids.Chunk(500))
        {
            rows.AddRange(await c.QueryAsync<ClusterSuggestion>(new CommandDefinition(
                $"{SuggestionColumns} WHERE {factory.Dialect.In("ec.id", "@chunk")}", new { chunk }, cancellationToken: ct)));
        }

        foreach (var row in rows)
        {
            Rank(row, self, start, end);
        }

        return rows.OrderByDescending(r => r.Rank).ThenBy(r => r.DateValue, StringComparer.Ordinal).ThenBy(r => r.ClusterId).Take(Math.Clamp(take, 1, 50)).ToList();
    }

    private static readonly string[] AllRoots = [.. Enumerable.Range(1, 20).Select(r => r.ToString("00", CultureInfo.InvariantCulture))];

    /// <summary>Scores a candidate by what it shares with the event and says so; shared sides and roots outweigh closeness in time.</summary>
    private static void Rank(ClusterSuggestion row, Self self, DateOnly start, DateOnly end)
    {
        var why = new List<string>();
        var rank = 0.0;
        var rowStart = EventReport.Day(row.DateStart);
        var rowEnd = EventReport.Day(row.DateEnd);
        var gap = rowStart > end ? rowStart.DayNumber - end.DayNumber : start > rowEnd ? start.DayNumber - rowEnd.DayNumber : 0;
        if (gap == 0)
        {
            rank += 1.0;
            why.Add(start == end && rowStart == rowEnd ? "same day" : "overlapping dates");
        }
        else
        {
            rank += Math.Max(0, 1.0 - (0.25 * gap));
            why.Add(gap == 1 ? "1 day apart" : $"{gap} days apart");
        }

        if (row.Root == self.Root)
        {
            rank += 2.0;
            why.Add($"same root {row.Root}");
        }
        else if (RootCompatibility.Default.Compatible(row.Root, self.Root))
        {
            rank += 1.5;
            why.Add($"compatible root {row.Root}");
        }

        var (mySources, myTargets) = (SideKeys.Parse(self.Sources), SideKeys.Parse(self.Targets));
        var (theirSources, theirTargets) = (SideKeys.Parse(row.Sources), SideKeys.Parse(row.Targets));
        var sides = Side(mySources, theirSources, "source", why) + Side(myTargets, theirTargets, "target", why);
        // Neither side shared as is: the sides may be swapped ("Soleimani was killed in a U.S. strike").
        if (sides == 0 && mySources.Overlaps(theirTargets) && myTargets.Overlaps(theirSources))
        {
            sides = 1.0;
            why.Add("sides swapped");
        }

        rank += sides;
        row.Rank = rank;
        row.Why = string.Join(" · ", why);
    }

    private static double Side(IReadOnlySet<string> mine, IReadOnlySet<string> theirs, string side, List<string> why)
    {
        if (mine.Any(k => SideKeys.IsActor(k) && theirs.Contains(k)))
        {
            why.Add($"same {side}");
            return 1.0;
        }

        if (mine.Overlaps(theirs))
        {
            why.Add($"same {side} country");
            return 0.7;
        }

        return 0;
    }
}
