using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace IraqCoalition.Data.Storage;

/// <summary>
/// Opens one connection per operation, to SQLite or PostgreSQL as the connection string says
/// (<see cref="DatabaseProviders.Detect"/>). The per-connection settings SQLite does not persist
/// (foreign keys, busy timeout) are set here; WAL is a database-level setting, set once by the
/// migrator. This and <see cref="SqlDialect"/> are the places that know which engine is behind.
/// </summary>
public sealed class ConnectionFactory : IDisposable
{
    private readonly NpgsqlDataSource? _postgres;

    public ConnectionFactory(string connectionString, DatabaseProvider? provider = null)
    {
        DapperConfig.Ensure();
        Provider = provider ?? DatabaseProviders.Detect(connectionString);
        Dialect = SqlDialect.For(Provider);
        if (Provider == DatabaseProvider.Postgres)
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            ConnectionString = builder.ConnectionString;
            DataSource = $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
            _postgres = NpgsqlDataSource.Create(ConnectionString);
            return;
        }

        // Default Timeout (30 s unless the connection string says otherwise) is how long a command
        // waits for another process's write lock before SQLITE_BUSY.
        var sqlite = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            Pooling = true,
        };
        if (sqlite.Mode is not SqliteOpenMode.Memory && !string.IsNullOrEmpty(sqlite.DataSource) && sqlite.DataSource != ":memory:")
        {
            var full = Path.GetFullPath(sqlite.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            sqlite.DataSource = full;
        }

        ConnectionString = sqlite.ToString();
        DataSource = sqlite.DataSource;
    }

    public DatabaseProvider Provider { get; }

    public SqlDialect Dialect { get; }

    public string ConnectionString { get; }

    /// <summary>Full path of the SQLite file, or host:port/database of the PostgreSQL server.</summary>
    public string DataSource { get; }

    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(ct);
        }

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
    public async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var c = await OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var result = await work(c, tx);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>Lets go of pooled connections (SQLite files to delete or replace, a PostgreSQL database to drop).</summary>
    public void ClearPools()
    {
        if (_postgres is not null)
        {
            NpgsqlConnection.ClearAllPools();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }
    }

    public void Dispose() => _postgres?.Dispose();
}
