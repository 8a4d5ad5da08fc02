using IraqCoalition.Data.Storage;

namespace IraqCoalition.Cli.Commands;

/// <summary><c>db migrate | db backup FILE | db restore FILE --force</c>, each with <c>[--db FILE]</c>.</summary>
public static class DbCommand
{
    private const string Usage = "usage: db migrate [--db FILE] | db backup FILE [--db FILE] | db restore FILE --force [--db FILE]";

    public static async Task<int> RunAsync(string[] argv, TextWriter stdout, TextWriter stderr)
    {
        var args = Args.Parse(argv, ["--db"], ["--force"]);
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

    private static string Describe(BackupSummary s) =>
        $"{s.File} ({s.Bytes / 1024.0 / 1024.0:0.0} MiB, schema {s.SchemaVersion:0000}: {s.Articles} articles, {s.Events} events, {s.Users} users)";
}
