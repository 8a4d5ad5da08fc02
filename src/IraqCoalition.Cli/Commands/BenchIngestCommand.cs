using System.Diagnostics;
using IraqCoalition.Core.Articles;
using IraqCoalition.Data;
using IraqCoalition.Data.Ingestion;
using IraqCoalition.Data.Storage;
using Microsoft.Data.Sqlite;

namespace IraqCoalition.Cli.Commands;

/// <summary>
/// <c>bench-ingest --db FILE [--articles DIR...] [--keep]</c>: the time to ingest each article into a
/// large record, and the part of it spent matching the article's reports to stored events. The
/// database is copied first, so the benchmark database stays as it was and runs can be repeated.
/// </summary>
public static class BenchIngestCommand
{
    public static async Task<int> RunAsync(string[] argv, TextWriter stdout, TextWriter stderr)
    {
        var args = Args.Parse(argv, ["--db", "--articles"], ["--keep"]);
        if (args.Get("--db") is not { } source || !File.Exists(source))
        {
            throw new UsageException("bench-ingest needs --db FILE, an existing database (e.g. one made by seed-synthetic)");
        }

        var folders = args.GetAll("--articles") is { Count: > 0 } given ? given : [Path.Combine("data", "articles")];
        var files = IngestionService.ExpandPaths(folders);
        if (files.Count == 0)
        {
            await stderr.WriteLineAsync("error: no articles found in " + string.Join(", ", folders));
            return CliApp.BadInput;
        }

        var copy = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(source))!, $"bench-ingest-{Guid.NewGuid():N}.db");
        try
        {
            await stderr.WriteLineAsync($"copying {source} ...");
            await CopyAsync(source, copy);
            var factory = new ConnectionFactory(DataPaths.ConnectionString($"Data Source={copy}", Directory.GetCurrentDirectory()));
            var service = await IngestCommand.ServiceAsync(factory);
            var (reports, events) = await CountsAsync(factory);
            await stdout.WriteLineAsync($"{reports:N0} reports in {events:N0} events before; ingesting {files.Count} articles one by one");

            var results = new List<IngestionResult>();
            foreach (var file in files)
            {
                var result = await service.IngestAsync(ArticleReader.ReadFile(file));
                if (!result.Duplicate)
                {
                    results.Add(result);
                }

                await stderr.WriteLineAsync($"[{results.Count}/{files.Count}] {Path.GetFileName(file)}: {result.Events} events, {result.Elapsed.TotalMilliseconds:F0} ms ({result.Clustering.TotalMilliseconds:F0} ms matching)");
            }

            if (results.Count == 0)
            {
                await stderr.WriteLineAsync("error: every article was already in the database");
                return CliApp.BadInput;
            }

            await WriteAsync(stdout, results);
            return CliApp.Ok;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (!args.Has("--keep"))
            {
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(copy + suffix);
                }
            }
            else
            {
                await stderr.WriteLineAsync($"kept {copy}");
            }
        }
    }

    private static async Task WriteAsync(TextWriter stdout, List<IngestionResult> results)
    {
        static double P(IEnumerable<double> xs, double q)
        {
            var sorted = xs.Order().ToArray();
            return sorted[Math.Max(0, (int)Math.Ceiling(sorted.Length * q) - 1)];
        }

        var total = results.Select(r => r.Elapsed.TotalMilliseconds).ToList();
        var matching = results.Select(r => r.Clustering.TotalMilliseconds).ToList();
        var without = results.Select(r => (r.Elapsed - r.Clustering).TotalMilliseconds).ToList();
        await stdout.WriteLineAsync($"{"per article",-28} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"sum ms",9}");
        foreach (var (name, xs) in new[] { ("ingestion", total), ("  of which matching events", matching), ("ingestion without matching", without) })
        {
            await stdout.WriteLineAsync($"{name,-28} {P(xs, 0.5),8:F1} {P(xs, 0.95),8:F1} {xs.Max(),8:F1} {xs.Sum(),9:F0}");
        }

        var perReport = matching.Sum() / Math.Max(1, results.Sum(r => r.Events));
        await stdout.WriteLineAsync(
            $"{results.Count} articles, {results.Sum(r => r.Events)} reports; matching {perReport:F2} ms per report; " +
            $"ingestion with matching / without: {total.Sum() / without.Sum():F2}x");
    }

    private static async Task<(long Reports, long Events)> CountsAsync(ConnectionFactory factory)
    {
        await using var c = await factory.OpenAsync();
        await using var command = c.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM event_clusters WHERE report_count > 0)";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The SQLite backup API: a consistent copy even if the source has a write-ahead log.</summary>
    private static async Task CopyAsync(string source, string target)
    {
        await using var from = new SqliteConnection($"Data Source={Path.GetFullPath(source)};Mode=ReadOnly;Pooling=False");
        await using var to = new SqliteConnection($"Data Source={target};Pooling=False");
        await from.OpenAsync();
        await to.OpenAsync();
        from.BackupDatabase(to);
    }
}
