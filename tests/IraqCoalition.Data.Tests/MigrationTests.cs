using Dapper;
using IraqCoalition.Data.Storage;

namespace IraqCoalition.Data.Tests;

public sealed class MigrationTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Empty_database_gets_every_migration_recorded_in_the_journal()
    {
        var applied = await new DatabaseMigrator(_db.Factory).AppliedAsync();
        Assert.Equal(DatabaseMigrator.For(_db.Factory.Provider).Select(m => m.Number), applied);
    }

    [Fact]
    public async Task Running_again_applies_nothing()
    {
        Assert.Equal(0, await new DatabaseMigrator(_db.Factory).MigrateAsync());
    }

    [Fact]
    public async Task Schema_has_the_tables_the_product_needs()
    {
        await using var c = await _db.Factory.OpenAsync();
        var tables = (await c.QueryAsync<string>(_db.Factory.IsPostgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            : "SELECT name FROM sqlite_master WHERE type = 'table'")).ToHashSet();
        foreach (var t in new[] { "articles", "actors", "actor_aliases", "mentions", "statements", "events", "event_clusters", "timexes", "tags", "actor_tags", "users", "audit_log", "search_index", "schema_migrations" })
        {
            Assert.Contains(t, tables);
        }
    }

    [SqliteFact]
    public async Task Sqlite_connections_run_in_wal_with_foreign_keys_and_a_busy_timeout()
    {
        await using var c = await _db.Factory.OpenAsync();
        Assert.Equal("wal", await c.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("PRAGMA foreign_keys"));
        Assert.Equal(5000, await c.ExecuteScalarAsync<int>("PRAGMA busy_timeout"));
    }

    [Fact]
    public async Task Foreign_keys_are_enforced()
    {
        await using var c = await _db.Factory.OpenAsync();
        var ex = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => c.ExecuteAsync(
            "INSERT INTO mentions (article_id, actor_id, start_offset, end_offset, text) VALUES (999, 999, 0, 1, 'x')"));
        Assert.Contains("FOREIGN KEY", ex.Message, StringComparison.OrdinalIgnoreCase);
    }
}
