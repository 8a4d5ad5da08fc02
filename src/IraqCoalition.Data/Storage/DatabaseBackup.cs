using Dapper;
using Microsoft.Data.Sqlite;

namespace IraqCoalition.Data.Storage;

/// <summary>What a backup or restore copied, read from the copy itself.</summary>
public sealed record BackupSummary(string File, long Bytes, int SchemaVersion, long Articles, long Events, long Users);

/// <summary>
/// Online backup and restore with SQLite's backup API: the copy is one consistent snapshot even while
/// the web app and the CLI write (readers and writers are not stopped; in WAL mode they never block it),
/// which copying the file (and its -wal file) by hand does not give. SQLite-specific, like the PRAGMAs
/// in <see cref="ConnectionFactory"/>; a PostgreSQL provider would use pg_dump instead.
/// </summary>
public static class DatabaseBackup
{
    /// <summary>Copies the database to <paramref name="file"/>, which must not exist yet; a failed backup leaves no file of that name.</summary>
    public static async Task<BackupSummary> BackupAsync(ConnectionFactory factory, string file, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        file = Path.GetFullPath(file);
        if (File.Exists(file))
        {
            throw new IOException($"{file} exists already; back up to a new file.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var partial = file + ".partial";
        File.Delete(partial);
        try
        {
            await using (var source = await OpenLiveAsync(factory, ct))
            await using (var copy = Open(partial, SqliteOpenMode.ReadWriteCreate))
            {
                source.BackupDatabase(copy);
                // One self-contained file: the copy need not be in WAL mode like the live database.
                await copy.ExecuteAsync("PRAGMA journal_mode = DELETE");
                await RequireIntactAsync(copy, partial);
            }

            SqliteConnection.ClearAllPools();
            File.Move(partial, file);
        }
        finally
        {
            File.Delete(partial);
        }

        return await SummarizeAsync(file);
    }

    /// <summary>
    /// Replaces the database's content with the backup's, after checking the backup is an intact
    /// database of this application, then applies the migrations a backup from an older version lacks. Works while the app runs (SQLite locks the database for the
    /// copy); restart the app afterwards, as it keeps what it learned from the old data in memory.
    /// </summary>
    public static async Task<BackupSummary> RestoreAsync(ConnectionFactory factory, string file, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        file = Path.GetFullPath(file);
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"No backup at {file}.", file);
        }

        await using (var backup = Open(file, SqliteOpenMode.ReadOnly))
        {
            await RequireIntactAsync(backup, file);
            if (await backup.ExecuteScalarAsync<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'") == 0)
            {
                throw new InvalidDataException($"{file} is an SQLite database but not one of this application (it has no schema_migrations table).");
            }

            await using var target = await OpenLiveAsync(factory, ct);
            backup.BackupDatabase(target);
        }

        SqliteConnection.ClearAllPools();
        // Back to WAL, and an older backup brought up to this version's schema.
        await new DatabaseMigrator(factory).MigrateAsync(ct);
        return await SummarizeAsync(factory.DataSource);
    }

    private static async Task<SqliteConnection> OpenLiveAsync(ConnectionFactory factory, CancellationToken ct) =>
        factory.IsPostgres
            ? throw new NotSupportedException("db backup and db restore copy SQLite files; back up a PostgreSQL database with pg_dump and pg_restore (README, \"PostgreSQL\").")
            : (SqliteConnection)await factory.OpenAsync(ct);

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static async Task RequireIntactAsync(SqliteConnection c, string file)
    {
        string check;
        try
        {
            check = await c.ExecuteScalarAsync<string>("PRAGMA integrity_check") ?? "";
        }
        catch (SqliteException ex)
        {
            throw new InvalidDataException($"{file} is not a readable SQLite database ({ex.Message}).", ex);
        }

        if (check != "ok")
        {
            throw new InvalidDataException($"{file} failed SQLite's integrity check: {check}");
        }
    }

    private static async Task<BackupSummary> SummarizeAsync(string file)
    {
        await using var c = Open(file, SqliteOpenMode.ReadOnly);
        var counts = await c.QuerySingleAsync<(int Schema, long Articles, long Events, long Users)>("""
            SELECT (SELECT COALESCE(max(number), 0) FROM schema_migrations),
                   (SELECT count(*) FROM articles), (SELECT count(*) FROM events), (SELECT count(*) FROM users)
            """);
        return new BackupSummary(file, new FileInfo(file).Length, counts.Schema, counts.Articles, counts.Events, counts.Users);
    }
}
