using Dapper;
using IraqCoalition.Data.Storage;

namespace IraqCoalition.Data.Health;

public sealed record DatabaseHealthReport(bool Ok, string Provider, string DataSource, int SchemaVersion, int Articles, int Events, string? Error);

public sealed class DatabaseHealth(ConnectionFactory factory)
{
    public async Task<DatabaseHealthReport> CheckAsync(CancellationToken ct = default)
    {
        try
        {
            await using var c = await factory.OpenAsync(ct);
            var version = await c.ExecuteScalarAsync<int?>("SELECT max(number) FROM schema_migrations") ?? 0;
            var articles = await c.ExecuteScalarAsync<int>("SELECT count(*) FROM articles");
            var events = await c.ExecuteScalarAsync<int>("SELECT count(*) FROM events");
            var expected = DatabaseMigrator.Latest(factory.Provider);
            return new DatabaseHealthReport(version == expected, factory.IsPostgres ? "postgres" : "sqlite", factory.DataSource, version, articles, events,
                version == expected ? null : $"schema at migration {version}, expected {expected}");
        }
        catch (Exception ex) when (DbErrors.IsDatabaseError(ex) || ex is InvalidOperationException or IOException)
        {
            return new DatabaseHealthReport(false, factory.IsPostgres ? "postgres" : "sqlite", factory.DataSource, 0, 0, 0, ex.Message);
        }
    }
}
