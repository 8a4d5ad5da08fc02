using Dapper;
using IraqCoalition.Data.Storage;
using Microsoft.Data.Sqlite;

namespace IraqCoalition.Cli.Tests;

public sealed class IngestCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "iqc-cli-tests", Guid.NewGuid().ToString("N"));

    public IngestCommandTests() => Directory.CreateDirectory(_dir);

    private string Db => Path.Combine(_dir, "cli.db");

    private static string Seed()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "IraqCoalition.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir.FullName, "data", "articles", "iraq-russia-military-ties.md");
    }

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Ingesting_the_seed_twice_leaves_one_article()
    {
        var first = await Run("ingest", Seed(), "--db", Db);
        var second = await Run("ingest", Seed(), "--db", Db);

        Assert.Equal(0, first.Exit);
        Assert.StartsWith("1 article(s) ingested", first.Out, StringComparison.Ordinal);
        Assert.Equal(0, second.Exit);
        Assert.StartsWith("0 article(s) ingested, 1 duplicate(s) skipped", second.Out, StringComparison.Ordinal);
        await using var c = await new ConnectionFactory($"Data Source={Db}").OpenAsync();
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM articles"));
    }

    [Fact]
    public async Task A_binary_file_exits_2_with_one_clear_line_and_the_rest_is_ingested()
    {
        var bin = Path.Combine(_dir, "photo.md");
        await File.WriteAllBytesAsync(bin, [0xFF, 0xD8, 0xFF, 0x00, 0x10]);
        var latin1 = Path.Combine(_dir, "latin1.txt");
        await File.WriteAllBytesAsync(latin1, [(byte)'C', (byte)'a', (byte)'f', 0xE9, (byte)' ', (byte)'x']);

        var (exit, output, err) = await Run("ingest", bin, latin1, Seed(), "--db", Db);

        Assert.Equal(2, exit);
        Assert.Contains($"error: {bin}: is binary", err, StringComparison.Ordinal);
        Assert.Contains($"error: {latin1}: is not valid UTF-8", err, StringComparison.Ordinal);
        Assert.StartsWith("1 article(s) ingested", output, StringComparison.Ordinal);
        Assert.Contains("2 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_migrate_creates_the_schema()
    {
        var (exit, output, _) = await Run("db", "migrate", "--db", Db);
        Assert.Equal(0, exit);
        Assert.Contains("applied", output, StringComparison.Ordinal);
        Assert.NotEmpty(await new DatabaseMigrator(new ConnectionFactory($"Data Source={Db}")).AppliedAsync());
    }

    [Fact]
    public async Task Db_backup_and_restore_round_trip_and_restore_asks_for_force()
    {
        await Run("ingest", Seed(), "--db", Db);
        var copy = Path.Combine(_dir, "backups", "copy.db");

        var (exit, output, _) = await Run("db", "backup", copy, "--db", Db);
        Assert.Equal(0, exit);
        Assert.Contains("1 articles", output, StringComparison.Ordinal);
        Assert.Equal(1, (await Run("db", "backup", copy, "--db", Db)).Exit);

        var empty = Path.Combine(_dir, "empty.db");
        await Run("db", "migrate", "--db", empty);
        var (refused, _, why) = await Run("db", "restore", copy, "--db", empty);
        Assert.Equal(2, refused);
        Assert.Contains("--force", why, StringComparison.Ordinal);

        var (restored, said, _) = await Run("db", "restore", copy, "--force", "--db", empty);
        Assert.Equal(0, restored);
        Assert.Contains("1 articles", said, StringComparison.Ordinal);
        await using var c = new SqliteConnection($"Data Source={empty};Pooling=False");
        await c.OpenAsync();
        Assert.Equal(1, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM articles"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
