using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Clusters;
using IraqCoalition.Data.Storage;

namespace IraqCoalition.Cli.Commands;

/// <summary><c>recluster [--db FILE]</c>: groups again every event report no editor placed, article by article.</summary>
public static class ReclusterCommand
{
    public static async Task<int> RunAsync(string[] argv, TextWriter stdout)
    {
        var args = Args.Parse(argv, ["--db"]);
        var factory = Database.Open(args);
        await new DatabaseMigrator(factory).MigrateAsync();
        var n = await new EventClusterService(factory).ReclusterAllAsync(UserContext.System);
        var stats = await new EventClusterService(factory).StatsAsync();
        await stdout.WriteLineAsync($"{n} article(s) re-clustered: {stats.Reports} reports in {stats.Events} events ({stats.Corroborated} reported by 2 or more sources)");
        return CliApp.Ok;
    }
}
