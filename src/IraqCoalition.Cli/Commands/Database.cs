using IraqCoalition.Data;
using IraqCoalition.Data.Storage;

namespace IraqCoalition.Cli.Commands;

/// <summary>Opens the database the CLI was pointed at: --db FILE, else ConnectionStrings__Default, else data/iraqcoalition.db.</summary>
internal static class Database
{
    public static ConnectionFactory Open(Args args)
    {
        var configured = args.Get("--db") is { } file
            ? $"Data Source={Path.GetFullPath(file)}"
            : Environment.GetEnvironmentVariable("ConnectionStrings__Default");
        return new ConnectionFactory(DataPaths.ConnectionString(configured, Directory.GetCurrentDirectory()));
    }
}
