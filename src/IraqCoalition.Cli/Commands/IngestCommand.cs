using IraqCoalition.Core.Actors;
using IraqCoalition.Core.Events;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Data.Editing;
using IraqCoalition.Data.Ingestion;
using IraqCoalition.Data.Storage;

namespace IraqCoalition.Cli.Commands;

/// <summary><c>ingest PATH... [--db FILE]</c>: files or folders of articles, with progress and a summary.</summary>
public static class IngestCommand
{
    public static async Task<int> RunAsync(string[] argv, TextWriter stdout, TextWriter stderr, bool interactive)
    {
        var args = Args.Parse(argv, ["--db"]);
        if (args.Positional.Count == 0)
        {
            throw new UsageException("ingest needs at least one file or folder");
        }

        var factory = Database.Open(args);
        var service = await ServiceAsync(factory);
        var files = IngestionService.ExpandPaths(args.Positional);
        if (files.Count == 0)
        {
            await stderr.WriteLineAsync("error: no .md or .txt articles found in the given folders");
            return CliApp.BadInput;
        }

        // Progress goes to stderr so stdout carries only the summary; on a terminal one line is redrawn.
        var progress = new SyncProgress(p =>
        {
            if (p.Error is not null)
            {
                if (interactive)
                {
                    stderr.Write("\r\u001b[K");
                }

                stderr.WriteLine($"error: {p.Origin}: {p.Error}");
            }

            foreach (var warning in p.Result?.Warnings ?? [])
            {
                if (interactive)
                {
                    stderr.Write("\r\u001b[K");
                }

                stderr.WriteLine($"warning: {p.Origin}: {warning}");
            }

            var what = p.Result is null ? "failed" : p.Result.Duplicate ? "duplicate" : $"{p.Result.Events} events";
            var line = $"[{p.Done}/{p.Total}] {Path.GetFileName(p.Origin)}: {what}";
            if (interactive)
            {
                stderr.Write("\r\u001b[K" + line);
            }
            else if (p.Error is null)
            {
                stderr.WriteLine(line);
            }
        });
        var outcomes = await service.IngestFilesAsync(files, progress);
        if (interactive)
        {
            stderr.WriteLine();
        }

        var stored = outcomes.Where(o => o.Result is { Duplicate: false }).Select(o => o.Result!).ToList();
        var duplicates = outcomes.Count(o => o.Result is { Duplicate: true });
        var failed = outcomes.Count(o => o.Error is not null);
        await stdout.WriteLineAsync(
            $"{stored.Count} article(s) ingested, {duplicates} duplicate(s) skipped, {failed} failed; " +
            $"{stored.Sum(r => r.Actors)} actors, {stored.Sum(r => r.Statements)} statements, {stored.Sum(r => r.Events)} events " +
            $"-> {factory.DataSource}");
        return failed > 0 ? CliApp.BadInput : CliApp.Ok;
    }

    /// <summary>The ingestion the app runs, on a migrated database whose editors' confirmed actors and aliases join the dictionary first.</summary>
    internal static async Task<IngestionService> ServiceAsync(ConnectionFactory factory)
    {
        await new DatabaseMigrator(factory).MigrateAsync();
        var dictionary = ActorDictionary.LoadDefault();
        await new DictionaryLearning(factory, dictionary).LearnAllAsync();
        return new IngestionService(factory, new ExtractionPipeline(new ActorRecognizer(dictionary), TriggerLexicon.Default, CameoCodebook.Default));
    }

    /// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SyncProgress(Action<IngestionProgress> report) : IProgress<IngestionProgress>
    {
        public void Report(IngestionProgress value) => report(value);
    }
}
