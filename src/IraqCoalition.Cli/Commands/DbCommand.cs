using IraqCoalition.Data.Sqlite;

namespace IraqCoalition.Cli.Commands;

/// <summary><c>db migrate [--db FILE]</c></summary>
public static class DbCommand
{
    public static async Task<int> RunAsync(string[] argv, TextWriter stdout)
    {
        var args = Args.Parse(argv, ["--db"]);
        if (args.Positional is not ["migrate"])
        {
            throw new UsageException("usage: db migrate [--db FILE]");
        }

        var factory = Database.Open(args);
        var migrator = new DatabaseMigrator(factory);
        var applied = await migrator.MigrateAsync();
        var all = await migrator.AppliedAsync();
        await stdout.WriteLineAsync($"{factory.DataSource}: applied {applied} migration(s); schema at {(all.Count == 0 ? 0 : all[^1]):0000}");
        return CliApp.Ok;
    }
}
