using System.Globalization;
using IraqCoalition.Core.Actors;
using IraqCoalition.Core.Clustering;
using IraqCoalition.Core.Events;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Data.Clusters;
using IraqCoalition.Data.Ingestion;
using IraqCoalition.Data.Storage;

namespace IraqCoalition.Cli.Commands;

/// <summary>
/// <c>eval-clusters GOLD_DIR... --articles DIR... [--verbose]</c>: ingests the articles into a fresh
/// temporary database, as on first start, and scores its event clusters against the gold files'
/// <c>cluster</c> keys (pairwise and B-cubed precision and recall).
/// </summary>
public static class EvalClustersCommand
{
    public static async Task<int> RunAsync(string[] argv, TextWriter stdout, TextWriter stderr)
    {
        var args = Args.Parse(argv, ["--articles", "--threshold", "--text-weight", "--min-text-across-roots", "--min-text-when-vague", "--threshold-grid", "--strong-text", "--swapped-sides"], ["--verbose"]);
        if (args.Positional.Count == 0 || args.GetAll("--articles").Count == 0)
        {
            throw new UsageException("usage: eval-clusters GOLD_DIR [GOLD_DIR ...] --articles DIR [--articles DIR ...] [--verbose]");
        }

        var gold = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dir in args.Positional)
        {
            if (!Directory.Exists(dir))
            {
                stderr.WriteLine($"error: {dir}: no such folder");
                return CliApp.BadInput;
            }

            foreach (var f in Directory.GetFiles(dir, "*.gold.json"))
            {
                gold[Path.GetFileName(f)[..^".gold.json".Length]] = f;
            }
        }

        var files = IngestionService.ExpandPaths(args.GetAll("--articles"))
            .Where(f => gold.ContainsKey(Path.GetFileNameWithoutExtension(f)))
            .ToList();
        var dbDir = Directory.CreateTempSubdirectory("eval-clusters-");
        try
        {
            var factory = new ConnectionFactory($"Data Source={Path.Combine(dbDir.FullName, "eval.db")};Pooling=False");
            await new DatabaseMigrator(factory).MigrateAsync();
            // The matcher's settings can be varied here to tune them on a gold set (docs/event-clusters.md).
            var defaults = new ClusterMatcher();
            var matcher = new ClusterMatcher
            {
                Threshold = Number(args, "--threshold") ?? defaults.Threshold,
                TextWeight = Number(args, "--text-weight") ?? defaults.TextWeight,
                MinTextAcrossRoots = Number(args, "--min-text-across-roots") ?? defaults.MinTextAcrossRoots,
                MinTextWhenVague = Number(args, "--min-text-when-vague") ?? defaults.MinTextWhenVague,
                StrongText = Number(args, "--strong-text") ?? defaults.StrongText,
                SwappedSides = Number(args, "--swapped-sides") ?? defaults.SwappedSides,
            };
            var service = new IngestionService(factory, new ExtractionPipeline(new ActorRecognizer(ActorDictionary.LoadDefault()), TriggerLexicon.Default, CameoCodebook.Default))
            {
                Matcher = matcher,
            };
            await service.IngestFilesAsync(files, null, CancellationToken.None);
            var result = await new ClusterEvaluation(factory).ScoreAsync(gold);
            Print(stdout, result, files.Count, args.Has("--verbose"));
            return CliApp.Ok;
        }
        catch (InvalidDataException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return CliApp.BadInput;
        }
        finally
        {
            dbDir.Delete(recursive: true);
        }
    }

    private static void Print(TextWriter o, ClusterEvaluationResult r, int articles, bool verbose)
    {
        var s = r.Scores;
        if (verbose)
        {
            foreach (var d in r.Disagreements.OrderBy(d => d.Kind, StringComparer.Ordinal).ThenBy(d => d.GoldA, StringComparer.Ordinal))
            {
                o.WriteLine($"{d.Kind}: [{d.GoldA} / event {d.SystemA}] {Cut(d.TextA)}");
                o.WriteLine($"{new string(' ', d.Kind.Length)}  [{d.GoldB} / event {d.SystemB}] {Cut(d.TextB)}");
            }
        }

        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{articles} articles, {r.GoldReports} gold reports, {r.MatchedGoldReports} found by extraction; {s.Items} stored reports scored in {s.SystemClusters} events (gold {s.GoldClusters})"));
        var occ = r.Occasions;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"occasions (gold as annotated): pairwise P {occ.PairPrecision:F3} R {occ.PairRecall:F3} F1 {occ.PairF1:F3} | B-cubed P {occ.BCubedPrecision:F3} R {occ.BCubedRecall:F3} F1 {occ.BCubedF1:F3}"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"acts (gold split by first root): pairwise P {s.PairPrecision:F3} R {s.PairRecall:F3} F1 {s.PairF1:F3} | B-cubed P {s.BCubedPrecision:F3} R {s.BCubedRecall:F3} F1 {s.BCubedF1:F3}"));
    }

    private static double? Number(Args args, string name) =>
        args.Get(name) is { } v
            ? double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : throw new UsageException($"{name} needs a number")
            : null;

    private static string Cut(string s) => s.Length <= 140 ? s : s[..137] + "...";
}
