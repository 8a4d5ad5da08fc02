using IraqCoalition.Data;
using IraqCoalition.Data.Storage;

namespace IraqCoalition.Cli.Commands;

/// <summary>
/// Opens the database the CLI was pointed at: --db FILE or --db "Host=...;Database=..." (a PostgreSQL
/// connection string), else ConnectionStrings__Default, else data/iraqcoalition.db.
/// </summary>
internal static class Database
{
    public static ConnectionFactory Open(Args args, string option = "--db") =>
        Open(args.Get(option) ?? Environment.GetEnvironmentVariable("ConnectionStrings__Default"));

    /// <summary>A SQLite file path or any connection string; null for the default database.</summary>
    public static ConnectionFactory Open(string? where) =>
        new(DataPaths.ConnectionString(Describe(where), Directory.GetCurrentDirectory()));

    // A bare path is a SQLite file; anything with key=value pairs is a connection string already.
    private static string? Describe(string? where) =>
        where is null ? null : where.Contains('=', StringComparison.Ordinal) ? where : $"Data Source={Path.GetFullPath(where)}";
}
