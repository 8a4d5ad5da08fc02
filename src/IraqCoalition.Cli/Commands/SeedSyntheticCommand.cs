using System.Diagnostics;
using System.Globalization;
using IraqCoalition.Core.Events;
using IraqCoalition.Data.Storage;
using IraqCoalition.Data.Synthetic;

namespace IraqCoalition.Cli.Commands;

/// <summary><c>seed-synthetic --db FILE [--articles N] [--actors N] [--events N]</c>: a large database for benchmarks.</summary>
public static class SeedSyntheticCommand
{
    public static async Task<int> RunAsync(string[] argv, TextWriter stdout, TextWriter stderr)
    {
        var args = Args.Parse(argv, ["--db", "--articles", "--actors", "--events", "--seed"], ["--force"]);
        if (args.Get("--db") is null)
        {
            // Never fill the user's working database with invented records by accident.
            throw new UsageException("seed-synthetic needs --db FILE (a separate database for benchmarks)");
        }

        var file = Path.GetFullPath(args.Get("--db")!);
        if (File.Exists(file))
        {
            if (!args.Has("--force"))
            {
                await stderr.WriteLineAsync($"error: {file} exists; pass --force to replace it");
                return CliApp.Failure;
            }

            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(f);
            }
        }

        var options = new SyntheticOptions
        {
            Articles = Int(args, "--articles", 100_000),
            Actors = Int(args, "--actors", 50_000),
            Events = Int(args, "--events", 1_000_000),
            Seed = Int(args, "--seed", 20200103),
        };
        var factory = Database.Open(args);
        await new DatabaseMigrator(factory).MigrateAsync();
        var sw = Stopwatch.StartNew();
        var progress = new Progress<(string Stage, int Done, int Total)>(p =>
            stderr.WriteLine($"{p.Stage}: {p.Done:N0}/{p.Total:N0} ({sw.Elapsed.TotalSeconds:F0} s)"));
        await new SyntheticSeeder(factory, CameoCodebook.Default.Codes.ToList()).SeedAsync(options, progress);
        await stdout.WriteLineAsync(
            $"seeded {options.Articles:N0} articles, {options.Actors:N0} actors, {options.Events:N0} events into {file} in {sw.Elapsed.TotalSeconds:F1} s");
        return CliApp.Ok;
    }

    internal static int Int(Args args, string name, int fallback) =>
        args.Get(name) is { } v
            ? int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new UsageException($"{name} needs a positive whole number")
            : fallback;
}
