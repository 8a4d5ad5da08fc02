using System.Text.Json;
using Dapper;
using IraqCoalition.Core.Clustering;
using IraqCoalition.Data.Storage;

namespace IraqCoalition.Data.Clusters;

/// <summary>One gold event of an article: where its evidence is and which real-world event it reports.</summary>
/// <param name="Roots">The roots the annotator allows, main root first.</param>
public sealed record GoldEventReport(string Article, string Key, string Cluster, int Start, int End, IReadOnlyList<string> Roots)
{
    /// <summary>The cluster split by the main root: an occasion (a meeting) splits into its acts (meeting, praise, invitation).</summary>
    public string Act => $"{Cluster}/{Roots.FirstOrDefault()}";
}

/// <summary>A pair of reports the system and gold disagree on, for reading the errors.</summary>
public sealed record ClusterDisagreement(string Kind, string GoldA, string GoldB, long SystemA, long SystemB, string TextA, string TextB);

/// <param name="Scores">Against gold events split by their first root (one coded act per event: the default measure).</param>
/// <param name="Occasions">Against gold events as annotated, where a meeting and what was said at it can be one event.</param>
public sealed record ClusterEvaluationResult(
    ClusterScores Scores, ClusterScores Occasions, int GoldReports, int MatchedGoldReports, IReadOnlyList<ClusterDisagreement> Disagreements);

/// <summary>
/// Scores the stored clustering against gold files (NAME.gold.json whose events carry a
/// <c>cluster</c> key): each stored report is labelled with the gold event whose evidence it
/// overlaps most in the same article and whose roots hold its root, and the system's clusters of those reports are compared with
/// gold's (pairwise and B-cubed). Reports extraction did not find cannot be clustered and are counted
/// apart (<see cref="ClusterEvaluationResult.MatchedGoldReports"/>), as in event coreference on
/// predicted mentions.
/// </summary>
public sealed class ClusterEvaluation(ConnectionFactory factory)
{
    /// <summary>The gold event reports of one gold file that carry a cluster, located in the article's body.</summary>
    public static IReadOnlyList<GoldEventReport> ReadGold(string goldFile, string body)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(goldFile));
        var article = Path.GetFileName(goldFile)[..^".gold.json".Length];
        var list = new List<GoldEventReport>();
        foreach (var e in doc.RootElement.GetProperty("events").EnumerateArray())
        {
            if (!e.TryGetProperty("cluster", out var cluster) || cluster.GetString() is not { Length: > 0 } key)
            {
                continue;
            }

            var evidence = e.GetProperty("evidence").GetString() ?? "";
            var at = body.IndexOf(evidence, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new InvalidDataException($"{goldFile}: evidence of {e.GetProperty("key").GetString()} is not in the article");
            }

            IReadOnlyList<string> roots = e.TryGetProperty("roots", out var r) ? [.. r.EnumerateArray().Select(x => x.GetString() ?? "")] : [];
            list.Add(new GoldEventReport(article, e.GetProperty("key").GetString() ?? "", key, at, at + evidence.Length, roots));
        }

        return list;
    }

    /// <param name="gold">Gold files by the origin stem of the stored article they annotate.</param>
    public async Task<ClusterEvaluationResult> ScoreAsync(IReadOnlyDictionary<string, string> gold, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(gold);
        await using var c = await factory.OpenAsync(ct);
        var articles = (await c.QueryAsync<(long Id, string? Origin, string Body)>(
            new CommandDefinition("SELECT id, origin, body FROM articles", cancellationToken: ct))).ToList();
        var items = new List<(string Gold, string Occasion, long System, long Event, string Text)>();
        int goldReports = 0, matched = 0;
        foreach (var a in articles)
        {
            var stem = Path.GetFileNameWithoutExtension(a.Origin ?? "");
            if (!gold.TryGetValue(stem, out var file))
            {
                continue;
            }

            var golds = ReadGold(file, a.Body);
            goldReports += golds.Count;
            var reports = (await c.QueryAsync<(long Id, long Cluster, int Start, int End, string Text, string Root)>(new CommandDefinition(
                "SELECT id, cluster_id, evidence_start, evidence_end, evidence_text, root FROM events WHERE article_id = @Id AND cluster_id IS NOT NULL AND status <> 'rejected'",
                new { a.Id }, cancellationToken: ct))).ToList();
            var found = new HashSet<string>(StringComparer.Ordinal);
            foreach (var r in reports)
            {
                var best = golds
                    .Select(g => (g, overlap: Math.Min(r.End, g.End) - Math.Max(r.Start, g.Start)))
                    // As score.py: the report must be coded with one of the gold's roots, else it is another event read from the same words.
                    .Where(x => x.overlap > 0 && x.overlap * 2 >= Math.Min(x.g.End - x.g.Start, r.End - r.Start) && x.g.Roots.Contains(r.Root))
                    .OrderByDescending(x => x.overlap)
                    .Select(x => x.g)
                    .FirstOrDefault();
                if (best is null)
                {
                    continue;
                }

                found.Add(best.Key);
                items.Add((best.Act, best.Cluster, r.Cluster, r.Id, $"{stem}: {r.Text}"));
            }

            matched += found.Count;
        }

        var scores = ClusterScores.Of(items.Select(i => (i.Gold, i.System)).ToList());
        var occasions = ClusterScores.Of(items.Select(i => (i.Occasion, i.System)).ToList());
        var disagreements = new List<ClusterDisagreement>();
        for (var i = 0; i < items.Count; i++)
        {
            for (var j = i + 1; j < items.Count; j++)
            {
                var g = items[i].Gold == items[j].Gold;
                var s = items[i].System == items[j].System;
                if (g != s)
                {
                    disagreements.Add(new ClusterDisagreement(s ? "wrongly merged" : "not merged", items[i].Gold, items[j].Gold,
                        items[i].System, items[j].System, items[i].Text, items[j].Text));
                }
            }
        }

        return new ClusterEvaluationResult(scores, occasions, goldReports, matched, disagreements);
    }
}
