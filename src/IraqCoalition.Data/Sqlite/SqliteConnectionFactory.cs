using Microsoft.Data.Sqlite;

namespace IraqCoalition.Data.Sqlite;

/// <summary>
/// Opens one connection per operation with the per-connection settings SQLite does not persist
/// (foreign keys, busy timeout). WAL is a database-level setting and is set once by the migrator.
/// This is the one place that knows SQLite PRAGMAs; a PostgreSQL provider replaces this class.
/// </summary>
public sealed class SqliteConnectionFactory
{
    public SqliteConnectionFactory(string connectionString)
    {
        DapperConfig.Ensure();
        // Default Timeout (30 s unless the connection string says otherwise) is how long a command
        // waits for another process's write lock before SQLITE_BUSY.
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            Pooling = true,
        };
        if (builder.Mode is not SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            var full = Path.GetFullPath(builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            builder.DataSource = full;
        }

        ConnectionString = builder.ToString();
        DataSource = builder.DataSource;
    }

    public string ConnectionString { get; }

    /// <summary>Full path of the database file.</summary>
    public string DataSource { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken ct = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using (var cmd = connection.CreateCommand())
        {
            // busy_timeout lets concurrent writers (web app + CLI) wait instead of failing with SQLITE_BUSY.
            cmd.CommandText = "PRAGMA busy_timeout = 5000;";
            await cmd.ExecuteNonQueryAsync(ct);
        }

        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in one transaction on its own connection; commits only if it returns.</summary>
    public async Task<T> InTransactionAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var c = await OpenAsync(ct);
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(ct);
        var result = await work(c, tx);
        await tx.CommitAsync(ct);
        return result;
    }
}
