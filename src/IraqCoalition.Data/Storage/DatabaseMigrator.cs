using System.Reflection;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IraqCoalition.Data.Storage;

/// <summary>
/// Applies the numbered SQL scripts embedded from Migrations/Sqlite or Migrations/Postgres
/// (NNNN_name.sql) in order, each in its own transaction, and records them in <c>schema_migrations</c>,
/// the same journal on both engines. A script is never edited once released; changes go in a new,
/// higher-numbered script, written for both engines: the same number means the same schema.
/// PostgreSQL's first script is numbered 0012, the schema SQLite reached in twelve steps.
/// </summary>
public sealed class DatabaseMigrator(ConnectionFactory factory, ILogger<DatabaseMigrator>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<DatabaseMigrator>.Instance;

    public sealed record Migration(int Number, string Name, string Sql);

    /// <summary>The SQLite scripts (the embedded default).</summary>
    public static IReadOnlyList<Migration> All => Sqlite;

    private static readonly IReadOnlyList<Migration> Sqlite = LoadMigrations("Sqlite");
    private static readonly IReadOnlyList<Migration> Postgres = LoadMigrations("Postgres");

    public static IReadOnlyList<Migration> For(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? Postgres : Sqlite;

    /// <summary>The migration number a database of this version is at once migrated.</summary>
    public static int Latest(DatabaseProvider provider) => For(provider) is { Count: > 0 } list ? list[^1].Number : 0;

    /// <summary>Applies pending migrations; returns how many were applied.</summary>
    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        await using var connection = await factory.OpenAsync(ct);
        if (!factory.IsPostgres)
        {
            // WAL lets readers (the dashboard) proceed while the ingester writes; it persists in the file.
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        }
        else
        {
            // Several servers may start at once against one database: one of them migrates, the
            // others wait here and then find nothing left to do. Held to the end of the session.
            await connection.ExecuteAsync("SELECT pg_advisory_lock(@key)", new { key = AdvisoryLocks.Migrations });
        }

        await connection.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                number     INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL
            );
            """);
        var applied = (await connection.QueryAsync<int>("SELECT number FROM schema_migrations")).ToHashSet();
        var count = 0;
        foreach (var m in For(factory.Provider).Where(m => !applied.Contains(m.Number)))
        {
            ct.ThrowIfCancellationRequested();
            await using var tx = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync(m.Sql, transaction: tx);
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (number, name, applied_at) VALUES (@Number, @Name, @At)",
                new { m.Number, m.Name, At = Clock.Now() }, tx);
            await tx.CommitAsync(ct);
            _logger.LogInformation("Applied migration {Number:0000} {Name}", m.Number, m.Name);
            count++;
        }

        return count;
    }

    public async Task<IReadOnlyList<int>> AppliedAsync(CancellationToken ct = default)
    {
        await using var connection = await factory.OpenAsync(ct);
        var exists = await connection.ExecuteScalarAsync<long>(factory.IsPostgres
            ? "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'"
            : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
        return exists == 0 ? [] : (await connection.QueryAsync<int>("SELECT number FROM schema_migrations ORDER BY number")).ToList();
    }

    private static List<Migration> LoadMigrations(string folder)
    {
        var asm = typeof(DatabaseMigrator).Assembly;
        var list = new List<Migration>();
        var prefix = $".Migrations.{folder}.";
        foreach (var resource in asm.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal) && n.Contains(prefix, StringComparison.Ordinal)))
        {
            var file = resource[(resource.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length)..^4];
            var underscore = file.IndexOf('_');
            if (underscore <= 0 || !int.TryParse(file[..underscore], out var number))
            {
                throw new InvalidOperationException($"Migration resource '{resource}' is not named NNNN_name.sql");
            }

            using var stream = asm.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            list.Add(new Migration(number, file[(underscore + 1)..], reader.ReadToEnd()));
        }

        list.Sort((a, b) => a.Number.CompareTo(b.Number));
        for (var i = 1; i < list.Count; i++)
        {
            if (list[i].Number == list[i - 1].Number)
            {
                throw new InvalidOperationException($"Two migrations are numbered {list[i].Number}");
            }
        }

        return list;
    }
}
