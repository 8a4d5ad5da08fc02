namespace IraqCoalition.Data;

/// <summary>
/// Where the embedded default keeps its files: <c>data/</c> at the repository root, whichever folder
/// the app or CLI was started from, so `dotnet run --project ...` and the CLI share one database.
/// </summary>
public static class DataPaths
{
    public const string DefaultDatabaseFile = "iraqcoalition.db";

    /// <summary>The folder holding IraqCoalition.sln above <paramref name="start"/>, or <paramref name="start"/> itself.</summary>
    public static string RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IraqCoalition.sln")))
            {
                return dir.FullName;
            }
        }

        return Path.GetFullPath(start);
    }

    public static string DataDirectory(string start) => Path.Combine(RepositoryRoot(start), "data");

    /// <summary>
    /// The configured connection string, or the default database file under data/. A relative
    /// <c>Data Source</c> is taken relative to the repository root, not the working directory;
    /// a PostgreSQL connection string (<c>Host=</c>) is used as it is.
    /// </summary>
    public static string ConnectionString(string? configured, string start)
    {
        if (!string.IsNullOrWhiteSpace(configured) && Storage.DatabaseProviders.Detect(configured) == Storage.DatabaseProvider.Postgres)
        {
            return configured;
        }

        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? $"Data Source=data/{DefaultDatabaseFile}" : configured);
        if (builder.DataSource is { Length: > 0 } ds && ds != ":memory:" && !Path.IsPathRooted(ds))
        {
            builder.DataSource = Path.Combine(RepositoryRoot(start), ds);
        }

        return builder.ToString();
    }
}
