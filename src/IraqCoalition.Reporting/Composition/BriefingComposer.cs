using System.Globalization;
using IraqCoalition.Data.Actors;
using IraqCoalition.Data.Articles;
using IraqCoalition.Data.Briefings;
using IraqCoalition.Data.Clusters;
using IraqCoalition.Data.Events;
using IraqCoalition.Data.Statements;

namespace IraqCoalition.Reporting.Composition;

/// <summary>
/// Turns a briefing's scope into a <see cref="BriefingDocument"/> by querying the repositories.
/// Scope semantics: values of one kind are alternatives (IRQ-USA or IRQ-RUS), kinds narrow each
/// other (those dyads and root 19). Pinned items come first and are kept even outside the scope;
/// excluded items never appear.
/// </summary>
public sealed class BriefingComposer(
    EventRepository events,
    StatementRepository statements,
    ActorRepository actors,
    ArticleRepository articles,
    BriefingRepository briefings,
    EventClusterService clusters,
    ReportingOptions options,
    TimeProvider? clock = null)
{
    private const int PageSize = 250;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<BriefingDocument> ComposeAsync(Briefing briefing, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        var notes = new List<string>();

        var scoped = await ScopeEventsAsync(briefing, ct);
        var eventList = await WithPinnedAsync(
            briefing.PinnedEventIds, briefing.ExcludedEventIds, scoped.Items, e => e.Id, e => e.Status,
            async ids => await FetchEventsAsync(ids, ct), "event", notes);
        // One item per event: a pinned report stands for its event, whose lead the scope would list again.
        var keptEvents = Cap(eventList.DistinctBy(e => e.Item.ClusterId ?? -e.Item.Id).ToList(), options.MaxEvents, out var eventsCut);
        if (scoped.Beyond || eventsCut)
        {
            notes.Add($"The scope holds {(scoped.Beyond ? "more than " : "")}{scoped.Total.ToString(CultureInfo.InvariantCulture)} events; this briefing lists the first {options.MaxEvents.ToString(CultureInfo.InvariantCulture)} in date order. Narrow the period or scope to see the rest.");
        }

        var statementList = await WithPinnedAsync(
            briefing.PinnedStatementIds, briefing.ExcludedStatementIds, await ScopeStatementsAsync(briefing, keptEvents, ct),
            s => s.Id, s => s.Status, ids => briefings.StatementsByIdAsync(ids, ct), "statement", notes);
        var keptStatements = Cap(statementList, options.MaxStatements, out var statementsCut);
        if (statementsCut)
        {
            notes.Add($"Only the first {options.MaxStatements.ToString(CultureInfo.InvariantCulture)} statements in scope are listed.");
        }

        var sections = briefing.Sections;
        var shownEvents = sections.HasFlag(BriefingSections.KeyEvents) ? keptEvents : [];
        var shownStatements = sections.HasFlag(BriefingSections.KeyStatements) ? keptStatements : [];
        var reports = await ReportsAsync(shownEvents.Select(e => e.Item), ct);
        var citations = await CiteAsync(shownEvents.SelectMany(e => reports[e.Item.Id].Select(r => r.ArticleId)).Concat(shownStatements.Select(s => s.Item.ArticleId)), ct);
        var number = citations.ToDictionary(c => c.ArticleId, c => c.Number);

        var profiles = sections.HasFlag(BriefingSections.ActorProfiles)
            ? await ProfilesAsync(briefing.ActorIds, keptEvents.Select(e => e.Item).ToList(), keptStatements.Select(s => s.Item).ToList(), ct)
            : [];
        var charts = new List<DyadChart>();
        if (sections.HasFlag(BriefingSections.RelationshipCharts))
        {
            foreach (var dyad in briefing.Dyads.Distinct())
            {
                charts.Add(new DyadChart(dyad, await events.DyadSeriesAsync(dyad.A, dyad.B, briefing.From, briefing.To, ct: ct)));
            }
        }

        return new BriefingDocument
        {
            BriefingId = briefing.Id == 0 ? null : briefing.Id,
            Title = briefing.Title,
            Author = briefing.Author,
            From = briefing.From,
            To = briefing.To,
            GeneratedAt = _clock.GetUtcNow(),
            HandlingMarking = string.IsNullOrWhiteSpace(briefing.HandlingMarking) ? options.HandlingMarking : briefing.HandlingMarking.Trim(),
            Summary = briefing.Summary,
            Sections = sections,
            ScopeDescription = await DescribeScopeAsync(briefing, ct),
            Events = shownEvents.Select(e => BriefingEvent.From(e.Item, e.Pinned, number[e.Item.ArticleId]) with
            {
                ReportCount = reports[e.Item.Id].Count,
                SourceCount = reports[e.Item.Id].Select(r => Outlet(r.Outlet, r.ArticleId)).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
                Reports = reports[e.Item.Id].Select(r => new BriefingReport
                {
                    EventId = r.Id, ArticleId = r.ArticleId, Citation = number[r.ArticleId], Outlet = r.Outlet, ArticleTitle = r.ArticleTitle,
                    Published = r.Published, Evidence = r.EvidenceText, EvidenceStart = r.EvidenceStart, EvidenceEnd = r.EvidenceEnd,
                    Link = ReaderLink(r.ArticleId, r.EvidenceStart, r.EvidenceEnd),
                }).ToList(),
            }).ToList(),
            EventsInScope = scoped.Total,
            EventsTruncated = scoped.Beyond || eventsCut,
            Statements = shownStatements.Select(s => new BriefingStatement
            {
                Id = s.Item.Id,
                Date = s.Item.DateValue ?? s.Item.Published,
                Speaker = s.Item.SpeakerName,
                SpeakerCountry = s.Item.SpeakerCountry,
                Text = s.Item.Text,
                Direct = s.Item.Direct,
                Cue = s.Item.Cue,
                Pinned = s.Pinned,
                Citation = number[s.Item.ArticleId],
            }).ToList(),
            StatementsTruncated = statementsCut,
            Charts = charts,
            Actors = profiles,
            Sources = sections.HasFlag(BriefingSections.Sources) ? Outlets(citations, shownEvents, reports, shownStatements) : [],
            Citations = citations,
            Notes = notes,
        };
    }

    private sealed record Scoped(IReadOnlyList<TimelineEvent> Items, int Total, bool Beyond);

    /// <summary>
    /// One timeline query per combination of scope values, each paged up to the cap: the union of
    /// each query's first N events in date order holds the first N events of the union.
    /// </summary>
    private async Task<Scoped> ScopeEventsAsync(Briefing b, CancellationToken ct)
    {
        var excluded = b.ExcludedEventIds.ToHashSet();
        var found = new Dictionary<long, TimelineEvent>();
        var beyond = false;
        var largest = 0;
        foreach (var q in Combinations(b))
        {
            for (var skip = 0; ; skip += PageSize)
            {
                var page = await events.QueryTimelineAsync(q with { Skip = skip, Take = PageSize }, ct);
                largest = Math.Max(largest, page.Total);
                beyond |= page.Capped;
                foreach (var e in page.Items.Where(e => !excluded.Contains(e.Id)))
                {
                    found.TryAdd(e.Id, e);
                }

                if (Exhausted(page, skip))
                {
                    break;
                }

                if (skip + page.Items.Count >= options.MaxEvents + excluded.Count)
                {
                    beyond = true;
                    break;
                }
            }
        }

        var ordered = found.Values.OrderBy(e => e.DateValue, StringComparer.Ordinal).ThenBy(e => e.Id).ToList();
        return new Scoped(ordered, Math.Max(ordered.Count, beyond ? largest - excluded.Count : 0), beyond);
    }

    /// <summary>The last page: short, or the end of an exact count (a capped count is only a lower bound).</summary>
    private static bool Exhausted<T>(Data.Page<T> page, int skip) =>
        page.Items.Count < PageSize || (!page.Capped && skip + page.Items.Count >= page.Total);

    private static IEnumerable<TimelineQuery> Combinations(Briefing b)
    {
        IEnumerable<T?> OrAny<T>(IEnumerable<T> values) where T : struct =>
            values.Any() ? values.Distinct().Select(v => (T?)v) : [null];
        var roots = b.CameoRoots.Count > 0 ? b.CameoRoots.Distinct().Select(r => (string?)r) : [null];
        return
            from d in OrAny(b.Dyads)
            from a in OrAny(b.ActorIds)
            from t in OrAny(b.TagIds)
            from r in roots
            select new TimelineQuery { From = b.From, To = b.To, CountryA = d?.A, CountryB = d?.B, ActorId = a, TagId = t, Root = r };
    }

    /// <summary>
    /// Statements of the articles that supplied the briefing's events, and of speakers among the
    /// scope's actors; with no scope at all, every statement of the period.
    /// </summary>
    private async Task<IReadOnlyList<StatementRow>> ScopeStatementsAsync(Briefing b, IReadOnlyList<(TimelineEvent Item, bool Pinned)> kept, CancellationToken ct)
    {
        var queries = new List<StatementQuery>();
        var unscoped = b.Dyads.Count == 0 && b.ActorIds.Count == 0 && b.TagIds.Count == 0 && b.CameoRoots.Count == 0;
        if (unscoped)
        {
            queries.Add(new StatementQuery { From = b.From, To = b.To });
        }
        else
        {
            queries.AddRange(kept.Select(e => e.Item.ArticleId).Distinct().Select(id => new StatementQuery { ArticleId = id, From = b.From, To = b.To }));
            queries.AddRange(b.ActorIds.Distinct().Select(id => new StatementQuery { SpeakerId = id, From = b.From, To = b.To }));
        }

        var excluded = b.ExcludedStatementIds.ToHashSet();
        var found = new Dictionary<long, StatementRow>();
        foreach (var q in queries)
        {
            for (var skip = 0; found.Count < options.MaxStatements + 1; skip += PageSize)
            {
                var page = await statements.SearchAsync(q with { Skip = skip, Take = PageSize }, ct);
                foreach (var s in page.Items.Where(s => !excluded.Contains(s.Id)))
                {
                    found.TryAdd(s.Id, s);
                }

                if (Exhausted(page, skip))
                {
                    break;
                }
            }
        }

        return found.Values
            .OrderBy(s => s.DateValue ?? s.Published ?? "", StringComparer.Ordinal)
            .ThenBy(s => s.ArticleId).ThenBy(s => s.ContentStart)
            .ToList();
    }

    private async Task<IReadOnlyList<TimelineEvent>> FetchEventsAsync(IEnumerable<long> ids, CancellationToken ct)
    {
        var list = new List<TimelineEvent>();
        foreach (var id in ids)
        {
            if (await events.GetAsync(id, ct) is { } e)
            {
                list.Add(e);
            }
        }

        return list;
    }

    /// <summary>Pinned items first in the order they were pinned, then the scope's items without them.</summary>
    private static async Task<List<(T Item, bool Pinned)>> WithPinnedAsync<T>(
        IReadOnlyList<long> pinnedIds, IReadOnlyList<long> excludedIds, IReadOnlyList<T> scoped,
        Func<T, long> id, Func<T, string> status, Func<IReadOnlyCollection<long>, Task<IReadOnlyList<T>>> fetch,
        string what, List<string> notes)
    {
        var excluded = excludedIds.ToHashSet();
        var pins = pinnedIds.Where(p => !excluded.Contains(p)).Distinct().ToList();
        var byId = scoped.ToDictionary(id);
        var missing = pins.Where(p => !byId.ContainsKey(p)).ToList();
        foreach (var item in await fetch(missing))
        {
            byId[id(item)] = item;
        }

        var result = new List<(T, bool)>();
        foreach (var p in pins)
        {
            if (!byId.TryGetValue(p, out var item))
            {
                notes.Add($"Pinned {what} {p.ToString(CultureInfo.InvariantCulture)} no longer exists and is left out.");
            }
            else if (status(item) == "rejected")
            {
                notes.Add($"Pinned {what} {p.ToString(CultureInfo.InvariantCulture)} was rejected by an editor and is left out.");
            }
            else
            {
                result.Add((item, true));
            }
        }

        var pinned = pins.ToHashSet();
        result.AddRange(scoped.Where(s => !pinned.Contains(id(s))).Select(s => (s, false)));
        return result;
    }

    private static List<(T Item, bool Pinned)> Cap<T>(List<(T Item, bool Pinned)> items, int max, out bool cut)
    {
        cut = items.Count > max;
        // Pinned items are never cut: the author asked for them by name.
        var pinned = items.Count(i => i.Pinned);
        return cut ? items.Take(Math.Max(max, pinned)).ToList() : items;
    }

    /// <summary>
    /// Every report of each event, the shown one first: the reports of its cluster that editors did not
    /// reject, as the cluster's counts count them (ClusterStore.RecountAsync).
    /// </summary>
    private async Task<Dictionary<long, IReadOnlyList<ClusterReport>>> ReportsAsync(IEnumerable<TimelineEvent> shown, CancellationToken ct)
    {
        var result = new Dictionary<long, IReadOnlyList<ClusterReport>>();
        foreach (var e in shown)
        {
            var all = e.ClusterId is { } cluster ? await clusters.ReportsAsync(cluster, ct) : [];
            var self = all.FirstOrDefault(r => r.Id == e.Id) ?? new ClusterReport
            {
                Id = e.Id, ArticleId = e.ArticleId, ArticleTitle = e.ArticleTitle, EvidenceStart = e.EvidenceStart, EvidenceEnd = e.EvidenceEnd,
                EvidenceText = e.EvidenceText, Status = e.Status,
            };
            result[e.Id] = [self, .. all.Where(r => r.Id != e.Id && r.Status != "rejected")];
        }

        return result;
    }

    /// <summary>How ClusterStore names an outlet when counting sources: an article without one is a source of its own.</summary>
    private static string Outlet(string? outlet, long articleId) =>
        string.IsNullOrWhiteSpace(outlet) ? $"article {articleId.ToString(CultureInfo.InvariantCulture)}" : outlet.Trim();

    private string ReaderLink(long articleId, int start, int end) =>
        string.Create(CultureInfo.InvariantCulture, $"{options.PublicBaseUrl?.TrimEnd('/')}/articles/{articleId}?start={start}&end={end}");

    private async Task<IReadOnlyList<Citation>> CiteAsync(IEnumerable<long> articleIds, CancellationToken ct)
    {
        var list = new List<Citation>();
        foreach (var id in articleIds.Distinct())
        {
            var a = await articles.GetAsync(id, ct);
            list.Add(new Citation { Number = list.Count + 1, ArticleId = id, Title = a?.Title, Source = a?.Source, Published = a?.Published, Url = a?.Url });
        }

        return list;
    }

    private async Task<IReadOnlyList<ActorProfile>> ProfilesAsync(
        IReadOnlyList<long> scopeActors, IReadOnlyList<TimelineEvent> evs, IReadOnlyList<StatementRow> sts, CancellationToken ct)
    {
        var eventCounts = evs.SelectMany(e => new[] { e.SourceActorId, e.TargetActorId }.Distinct())
            .OfType<long>().CountBy(x => x).ToDictionary(kv => kv.Key, kv => kv.Value);
        var statementCounts = sts.Select(s => s.SpeakerActorId).OfType<long>().CountBy(x => x).ToDictionary(kv => kv.Key, kv => kv.Value);
        var ids = scopeActors.Count > 0
            ? scopeActors.Distinct().ToList()
            : eventCounts.Keys.Union(statementCounts.Keys)
                .OrderByDescending(a => eventCounts.GetValueOrDefault(a) + statementCounts.GetValueOrDefault(a)).ThenBy(a => a)
                .Take(options.MaxActorProfiles).ToList();
        var list = new List<ActorProfile>();
        foreach (var id in ids)
        {
            if (await actors.GetAsync(id, ct) is not { } a)
            {
                continue;
            }

            var aliases = await actors.AliasesAsync(id, ct);
            list.Add(new ActorProfile
            {
                Id = a.Id,
                Name = a.Name,
                Kind = a.Kind,
                Country = a.Country,
                Title = a.Title,
                Role = a.Role,
                Aliases = aliases.Select(x => x.Alias).Where(x => !string.Equals(x, a.Name, StringComparison.OrdinalIgnoreCase)).ToList(),
                Mentions = a.Mentions,
                Articles = a.Articles,
                BriefingEvents = eventCounts.GetValueOrDefault(id),
                BriefingStatements = statementCounts.GetValueOrDefault(id),
            });
        }

        return list;
    }

    private static List<SourceOutlet> Outlets(
        IReadOnlyList<Citation> citations, IReadOnlyList<(TimelineEvent Item, bool Pinned)> evs,
        Dictionary<long, IReadOnlyList<ClusterReport>> reports, IReadOnlyList<(StatementRow Item, bool Pinned)> sts)
    {
        var outletOf = citations.ToDictionary(c => c.ArticleId, c => string.IsNullOrWhiteSpace(c.Source) ? "Unknown source" : c.Source.Trim());
        return citations.GroupBy(c => outletOf[c.ArticleId])
            .Select(g =>
            {
                var dates = g.Select(c => c.Published).OfType<string>().Order(StringComparer.Ordinal).ToList();
                return new SourceOutlet(
                    g.Key,
                    g.Count(),
                    // The events this outlet reported, whether or not its report is the one shown.
                    evs.Count(e => reports[e.Item.Id].Any(r => outletOf[r.ArticleId] == g.Key)),
                    sts.Count(s => outletOf[s.Item.ArticleId] == g.Key),
                    dates.FirstOrDefault(),
                    dates.LastOrDefault());
            })
            .OrderByDescending(o => o.Articles).ThenBy(o => o.Name, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<string> DescribeScopeAsync(Briefing b, CancellationToken ct)
    {
        var parts = new List<string>();
        if (b.Dyads.Count > 0)
        {
            parts.Add("Dyads: " + string.Join(", ", b.Dyads.Distinct()));
        }

        if (b.ActorIds.Count > 0)
        {
            var names = new List<string>();
            foreach (var id in b.ActorIds.Distinct())
            {
                names.Add((await actors.GetAsync(id, ct))?.Name ?? $"actor {id.ToString(CultureInfo.InvariantCulture)}");
            }

            parts.Add("Actors: " + string.Join(", ", names));
        }

        if (b.TagIds.Count > 0)
        {
            var tags = await briefings.TagNamesAsync(b.TagIds.Distinct().ToList(), ct);
            parts.Add("Tags: " + string.Join(", ", b.TagIds.Distinct().Select(t => tags.GetValueOrDefault(t) ?? $"tag {t.ToString(CultureInfo.InvariantCulture)}")));
        }

        if (b.CameoRoots.Count > 0)
        {
            parts.Add("CAMEO roots: " + string.Join(", ", b.CameoRoots.Distinct()));
        }

        return parts.Count == 0 ? "All events of the period" : string.Join("; ", parts);
    }
}
