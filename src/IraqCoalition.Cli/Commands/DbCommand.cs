using System.Diagnostics;
using IraqCoalition.Data.Storage;

namespace IraqCoalition.Cli.Commands;

/// <summary>
/// <c>db migrate | db backup FILE | db restore FILE --force</c>, each with <c>[--db FILE]</c>, and
/// <c>db copy --from A --to B</c> between engines.
/// </summary>
public static class DbCommand
{
    private const string Usage = "usage: db migrate [--db FILE] | db backup FILE [--db FILE] | db restore FILE --force [--db FILE] | db copy --from FILE|CONNECTION --to FILE|CONNECTION";

    public static async Task<int> RunAsync(string[] argv, TextWriter stdout, TextWriter stderr)
    {
        var args = Args.Parse(argv, ["--db", "--from", "--to"], ["--force"]);
        if (args.Positional is ["copy"])
        {
            return await CopyAsync(args, stdout, stderr);
        }

        var factory = Database.Open(args);
        try
        {
            switch (args.Positional)
            {
                case ["migrate"]:
                    var migrator = new DatabaseMigrator(factory);
                    var applied = await migrator.MigrateAsync();
                    var all = await migrator.AppliedAsync();
                    await stdout.WriteLineAsync($"{factory.DataSource}: applied {applied} migration(s); schema at {(all.Count == 0 ? 0 : all[^1]):0000}");
                    return CliApp.Ok;
                case ["backup", var file]:
                    var copy = await DatabaseBackup.BackupAsync(factory, file);
                    await stdout.WriteLineAsync($"backed up {factory.DataSource} to {Describe(copy)}");
                    return CliApp.Ok;
                case ["restore", var file]:
                    if (!args.Has("--force"))
                    {
                        await stderr.WriteLineAsync($"error: restoring replaces everything in {factory.DataSource}; add --force to do it (back it up first with db backup)");
                        return CliApp.BadInput;
                    }

                    var restored = await DatabaseBackup.RestoreAsync(factory, file);
                    await stdout.WriteLineAsync($"restored {file} into {Describe(restored)}; restart the web app if it is running");
                    return CliApp.Ok;
                default:
                    throw new UsageException(Usage);
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return CliApp.Failure;
        }
    }

    private static async Task<int> CopyAsync(Args args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Get("--from") is not { } from || args.Get("--to") is not { } to)
        {
            throw new UsageException("db copy needs --from and --to (a SQLite file or a PostgreSQL connection string each)");
        }

        if (!from.Contains('=', StringComparison.Ordinal) && !File.Exists(from))
        {
            await stderr.WriteLineAsync($"error: {Path.GetFullPath(from)} does not exist");
            return CliApp.BadInput;
        }

        using var source = Database.Open(from);
        using var target = Database.Open(to);
        var sw = Stopwatch.StartNew();
        var lastStage = "";
        var lastReport = TimeSpan.Zero;
        // Progress comes every batch of rows; a line per stage and at most one a second within it.
        var progress = new Progress<(string Stage, long Done, long Total)>(p =>
        {
            if (p.Stage == lastStage && sw.Elapsed - lastReport < TimeSpan.FromSeconds(1) && p.Done < p.Total)
            {
                return;
            }

            lastStage = p.Stage;
            lastReport = sw.Elapsed;
            stderr.WriteLine($"{p.Stage}: {p.Done:N0}/{p.Total:N0} ({sw.Elapsed.TotalSeconds:F0} s)");
        });
        CopyReport report;
        try
        {
            report = await DatabaseCopy.CopyAsync(source, target, progress);
        }
        catch (InvalidOperationException ex)
        {
            // Source behind on migrations, target not empty, a table the copy does not know: nothing was written.
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return CliApp.Failure;
        }

        await stdout.WriteLineAsync($"{"table",-22} {"source rows",12} {"target rows",12}  checksum");
        foreach (var t in report.Tables)
        {
            await stdout.WriteLineAsync($"{t.Table,-22} {t.SourceRows,12:N0} {t.TargetRows,12:N0}  {(t.Matches ? "same" : "DIFFERENT")}");
        }

        if (!report.Verified)
        {
            await stderr.WriteLineAsync($"error: {report.Tables.Count(t => !t.Matches)} table(s) differ after the copy into {target.DataSource}; do not use it");
            return CliApp.Failure;
        }

        await stdout.WriteLineAsync(
            $"copied {report.Rows:N0} rows in {report.Tables.Count} tables from {source.DataSource} ({source.Provider}) to {target.DataSource} ({target.Provider}) in {sw.Elapsed.TotalSeconds:F1} s; counts and checksums agree");
        return CliApp.Ok;
    }

    private static string Describe(BackupSummary s) =>
        $"{s.File} ({s.Bytes / 1024.0 / 1024.0:0.0} MiB, schema {s.SchemaVersion:0000}: {s.Articles} articles, {s.Events} events, {s.Users} users)";
}
