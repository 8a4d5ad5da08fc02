using System.Reflection;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IraqCoalition.Data.Sqlite;

/// <summary>
/// Applies the numbered SQL scripts embedded from Migrations/ (NNNN_name.sql) in order, each in its
/// own transaction, and records them in <c>schema_migrations</c>. A script is never edited once
/// released; changes go in a new, higher-numbered script.
/// </summary>
public sealed class DatabaseMigrator(SqliteConnectionFactory factory, ILogger<DatabaseMigrator>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<DatabaseMigrator>.Instance;

    public sealed record Migration(int Number, string Name, string Sql);

    public static IReadOnlyList<Migration> All { get; } = LoadMigrations();

    /// <summary>Applies pending migrations; returns how many were applied.</summary>
    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        await using var connection = await factory.OpenAsync(ct);
        // WAL lets readers (the dashboard) proceed while the ingester writes; it persists in the file.
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        await connection.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                number     INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL
            );
            """);
        var applied = (await connection.QueryAsync<int>("SELECT number FROM schema_migrations")).ToHashSet();
        var count = 0;
        foreach (var m in All.Where(m => !applied.Contains(m.Number)))
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
        var exists = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
        return exists == 0 ? [] : (await connection.QueryAsync<int>("SELECT number FROM schema_migrations ORDER BY number")).ToList();
    }

    private static List<Migration> LoadMigrations()
    {
        var asm = typeof(DatabaseMigrator).Assembly;
        var list = new List<Migration>();
        foreach (var resource in asm.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal) && n.Contains(".Migrations.", StringComparison.Ordinal)))
        {
            var file = resource[(resource.IndexOf(".Migrations.", StringComparison.Ordinal) + ".Migrations.".Length)..^4];
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
