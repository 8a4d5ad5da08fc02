using IraqCoalition.Data;
using IraqCoalition.Data.Sqlite;

namespace IraqCoalition.Cli.Commands;

/// <summary>Opens the database the CLI was pointed at: --db FILE, else ConnectionStrings__Default, else data/iraqcoalition.db.</summary>
internal static class Database
{
    public static SqliteConnectionFactory Open(Args args)
    {
        var configured = args.Get("--db") is { } file
            ? $"Data Source={Path.GetFullPath(file)}"
            : Environment.GetEnvironmentVariable("ConnectionStrings__Default");
        return new SqliteConnectionFactory(DataPaths.ConnectionString(configured, Directory.GetCurrentDirectory()));
    }
}
