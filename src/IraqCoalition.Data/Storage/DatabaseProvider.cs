using System.Data.Common;

namespace IraqCoalition.Data.Storage;

/// <summary>The database engines the product runs on: SQLite embedded (the default), PostgreSQL on a server.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseProviders
{
    /// <summary>
    /// The engine a connection string is for: an explicit setting ("sqlite", "postgres") wins;
    /// otherwise <c>Host=</c> is PostgreSQL and anything else (<c>Data Source=</c>) SQLite.
    /// </summary>
    public static DatabaseProvider Detect(string connectionString, string? configured = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim().ToLowerInvariant() switch
            {
                "sqlite" => DatabaseProvider.Sqlite,
                "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
                var other => throw new ArgumentException($"Database:Provider is '{other}'; it must be 'sqlite' or 'postgres'.", nameof(configured)),
            };
        }

        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"The connection string cannot be read: {ex.Message}", nameof(connectionString), ex);
        }

        return builder.ContainsKey("Host") || builder.ContainsKey("Server") && !builder.ContainsKey("Data Source")
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;
    }
}
