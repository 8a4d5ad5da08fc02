using Dapper;
using IraqCoalition.Data.Sqlite;

namespace IraqCoalition.Data.Health;

public sealed record DatabaseHealthReport(bool Ok, string Provider, string DataSource, int SchemaVersion, int Articles, int Events, string? Error);

public sealed class DatabaseHealth(SqliteConnectionFactory factory)
{
    public async Task<DatabaseHealthReport> CheckAsync(CancellationToken ct = default)
    {
        try
        {
            await using var c = await factory.OpenAsync(ct);
            var version = await c.ExecuteScalarAsync<int?>("SELECT max(number) FROM schema_migrations") ?? 0;
            var articles = await c.ExecuteScalarAsync<int>("SELECT count(*) FROM articles");
            var events = await c.ExecuteScalarAsync<int>("SELECT count(*) FROM events");
            var expected = DatabaseMigrator.All.Count == 0 ? 0 : DatabaseMigrator.All[^1].Number;
            return new DatabaseHealthReport(version == expected, "sqlite", factory.DataSource, version, articles, events,
                version == expected ? null : $"schema at migration {version}, expected {expected}");
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or IOException)
        {
            return new DatabaseHealthReport(false, "sqlite", factory.DataSource, 0, 0, 0, ex.Message);
        }
    }
}
