using System.Diagnostics;
using System.Globalization;
using IraqCoalition.Core.Articles;
using IraqCoalition.Core.Extraction;

namespace IraqCoalition.Cli.Commands;

/// <summary>
/// <c>bench [--words N] [--corpus DIR]</c>: builds a corpus of at least N words (default 1,000,000) by
/// repeating and varying the articles found (data/articles and the gold copies under tests/), extracts
/// it on one thread and prints words per second and peak memory.
/// </summary>
public static class BenchCommand
{
    public const int DefaultWords = 1_000_000;

    // Varied copies swap actors of the same kind, so the corpus is not one article's text over and over.
    private static readonly (string From, string[] To)[] Swaps =
    [
        ("Russia", ["China", "Turkey", "France", "Germany", "Jordan"]),
        ("Moscow", ["Beijing", "Ankara", "Paris", "Berlin", "Amman"]),
        ("Iran", ["Syria", "Saudi Arabia", "Egypt", "Kuwait", "Qatar"]),
        ("Lavrov", ["Wang", "Cavusoglu", "Le Drian", "Maas", "Safadi"]),
    ];

    public static int Run(string[] argv, TextWriter stdout, TextWriter stderr, IExtractionPipeline? pipeline = null)
    {
        var args = Args.Parse(argv, ["--words", "--corpus"], ["--stages"]);
        if (args.Positional.Count > 0)
        {
            throw new UsageException($"bench takes no positional arguments ('{args.Positional[0]}')");
        }

        var words = DefaultWords;
        if (args.Get("--words") is { } w && (!int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out words) || words < 1))
        {
            throw new UsageException($"--words '{w}' is not a positive whole number");
        }

        var sources = FindSources(args.Get("--corpus"), stderr);
        if (sources.Count == 0)
        {
            stderr.WriteLine("error: no articles found; pass --corpus DIR (a folder of .md or .txt articles)");
            return CliApp.Failure;
        }

        var corpus = BuildCorpus(sources, words);
        var total = corpus.Sum(c => c.Words);
        pipeline ??= new ExtractionPipeline();

        // Warm-up: load dictionaries and JIT the hot paths before timing.
        foreach (var a in sources)
        {
            pipeline.Extract(a);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        long events = 0, statements = 0, actors = 0;
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        foreach (var (article, _) in corpus)
        {
            var r = pipeline.Extract(article);
            events += r.Events.Count;
            statements += r.Statements.Count;
            actors += r.Actors.Count;
        }

        sw.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        var seconds = sw.Elapsed.TotalSeconds;

        // CPU time as well as wall time: on a shared machine the wall clock also counts other processes' turns.
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var inv = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(inv, $"pipeline {pipeline.Version}; {sources.Count} source articles, {corpus.Count} articles in the corpus"));
        stdout.WriteLine(string.Create(inv, $"models loaded:  {Core.Linguistics.LinguisticModels.Default.LoadTime.TotalMilliseconds:F0} ms (tagger, parser, names)"));
        stdout.WriteLine(string.Create(inv, $"words:          {total:N0}"));
        stdout.WriteLine(string.Create(inv, $"time:           {seconds:F2} s on one thread"));
        stdout.WriteLine(string.Create(inv, $"words/s:        {total / seconds:N0}"));
        stdout.WriteLine(string.Create(inv, $"cpu time:       {cpu:F2} s ({total / Math.Max(cpu, 1e-9):N0} words per CPU second)"));
        stdout.WriteLine(string.Create(inv, $"extracted:      {actors:N0} actors, {statements:N0} statements, {events:N0} events"));
        stdout.WriteLine(string.Create(inv, $"peak memory:    {process.PeakWorkingSet64 / (1024.0 * 1024):F1} MiB working set; managed heap {GC.GetGCMemoryInfo().HeapSizeBytes / (1024.0 * 1024):F1} MiB"));
        stdout.WriteLine(string.Create(inv, $"allocated:      {allocated / (1024.0 * 1024):F0} MiB ({allocated / (double)total:F0} bytes/word); GCs gen0 {GC.CollectionCount(0) - gen0}, gen2 {GC.CollectionCount(2) - gen2}"));
        if (args.Has("--stages"))
        {
            TimeStages(pipeline, corpus, total, stdout);
        }

        return CliApp.Ok;
    }

    /// <summary>Time spent in each stage of the pipeline over the same corpus, to show where to optimise.</summary>
    private static void TimeStages(IExtractionPipeline pipeline, List<(Article Article, int Words)> corpus, int total, TextWriter stdout)
    {
        if (pipeline is not ExtractionPipeline stages)
        {
            stdout.WriteLine("--stages needs the built-in pipeline");
            return;
        }

        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (article, _) in corpus)
        {
            stages.Annotate(article, new DateOnly(2020, 1, 1), (stage, elapsed) =>
                seconds[stage.Name] = seconds.GetValueOrDefault(stage.Name) + elapsed.TotalSeconds);
        }

        foreach (var stage in stages.Stages)
        {
            var s = seconds.GetValueOrDefault(stage.Name);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stage {stage.Name,-18} {s,6:F2} s  ({total / Math.Max(s, 1e-9),12:N0} words/s)"));
        }
    }

    /// <summary>The articles to vary: those in DIR, or data/articles and the gold copies of the repository.</summary>
    internal static List<Article> FindSources(string? corpusDir, TextWriter stderr)
    {
        var dirs = new List<string>();
        if (corpusDir is not null)
        {
            if (!Directory.Exists(corpusDir))
            {
                throw new UsageException($"--corpus '{corpusDir}' is not a folder");
            }

            dirs.Add(corpusDir);
        }
        else if (FindRepositoryRoot() is { } root)
        {
            dirs.Add(Path.Combine(root, "data", "articles"));
            dirs.Add(Path.Combine(root, "tests", "IraqCoalition.Core.Tests", "Gold"));
        }

        var articles = new List<Article>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dir in dirs.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories)
                         .Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
                         .Order(StringComparer.Ordinal))
            {
                try
                {
                    var a = ArticleReader.ReadFile(file);
                    if (seen.Add(a.Body))
                    {
                        articles.Add(a);
                    }
                }
                catch (ArticleReadException ex)
                {
                    stderr.WriteLine($"warning: skipped {ex.Message}");
                }
            }
        }

        return articles;
    }

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "data", "articles")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>Copies of the sources, each varied (paragraph order rotated, actors swapped, date shifted), until <paramref name="words"/> is reached.</summary>
    internal static List<(Article Article, int Words)> BuildCorpus(IReadOnlyList<Article> sources, int words)
    {
        var corpus = new List<(Article, int)>();
        var total = 0;
        for (var copy = 0; total < words; copy++)
        {
            foreach (var src in sources)
            {
                var body = Vary(src.Body, copy);
                var n = CountWords(body);
                corpus.Add((src with { Body = body, Published = src.Published?.AddDays(copy % 60) }, n));
                total += n;
                if (total >= words)
                {
                    break;
                }
            }
        }

        return corpus;
    }

    private static string Vary(string body, int copy)
    {
        if (copy == 0)
        {
            return body;
        }

        var paragraphs = body.Split('\n');
        var k = copy % Math.Max(1, paragraphs.Length);
        var rotated = string.Join('\n', paragraphs.Skip(k).Concat(paragraphs.Take(k)));
        foreach (var (from, to) in Swaps)
        {
            rotated = rotated.Replace(from, to[copy % to.Length], StringComparison.Ordinal);
        }

        return rotated;
    }

    internal static int CountWords(string text)
    {
        var n = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var ws = char.IsWhiteSpace(c);
            if (!ws && !inWord)
            {
                n++;
            }

            inWord = !ws;
        }

        return n;
    }
}
