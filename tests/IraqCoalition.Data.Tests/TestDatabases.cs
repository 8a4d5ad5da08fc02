using Npgsql;

namespace IraqCoalition.Data.Tests;

/// <summary>Which engine the suite runs on, and throwaway PostgreSQL databases for it.</summary>
public static class TestDatabases
{
    /// <summary>A PostgreSQL server to run the suite on (a connection string without Database), or unset for SQLite.</summary>
    public const string PostgresVariable = "IRAQCOALITION_TEST_POSTGRES";

    public static string? Postgres => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public static string PostgresConnection(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 10 }.ConnectionString;

    public static async Task<string> CreatePostgresAsync(string server)
    {
        var name = "iqc_test_" + Guid.NewGuid().ToString("N");
        await using var c = new NpgsqlConnection(PostgresConnection(server, "postgres"));
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
        await cmd.ExecuteNonQueryAsync();
        return name;
    }

    public static async Task DropPostgresAsync(string server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var c = new NpgsqlConnection(PostgresConnection(server, "postgres"));
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", c);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>A test of something only SQLite has (its file, PRAGMAs, backup API): skipped when the suite runs on PostgreSQL.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabases.Postgres is not null)
        {
            Skip = "SQLite-specific; the suite runs on PostgreSQL";
        }
    }
}
