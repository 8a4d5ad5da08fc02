using Dapper;
using IraqCoalition.Data.Storage;

namespace IraqCoalition.Cli.Tests;

public sealed class BenchIngestCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "iqc-cli-tests", Guid.NewGuid().ToString("N"));

    public BenchIngestCommandTests() => Directory.CreateDirectory(_dir);

    private string Db => Path.Combine(_dir, "bench.db");

    private static string Articles(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "IraqCoalition.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir.FullName, "data", "articles", name);
    }

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private async Task<(long Articles, long Reports)> CountsAsync()
    {
        await using var c = await new ConnectionFactory($"Data Source={Db}").OpenAsync();
        return (await c.ExecuteScalarAsync<long>("SELECT count(*) FROM articles"), await c.ExecuteScalarAsync<long>("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task Times_ingestion_and_matching_on_a_copy_and_leaves_the_database_as_it_was()
    {
        var seeded = await Run("seed-synthetic", "--db", Db, "--articles", "300", "--actors", "200", "--events", "3000");
        Assert.Equal(0, seeded.Exit);
        var before = await CountsAsync();

        var (exit, output, err) = await Run("bench-ingest", "--db", Db,
            "--articles", Articles("iraq-russia-military-ties.md"), "--articles", Articles("a-soleimani-killed-airport-strike.md"));

        Assert.True(exit == 0, err);
        Assert.Contains("3,000 reports in", output, StringComparison.Ordinal);
        Assert.Matches(@"ingestion\s+[\d.]+\s+[\d.]+", output);
        Assert.Matches(@"of which matching events\s+[\d.]+", output);
        Assert.Matches(@"2 articles, \d+ reports; matching [\d.]+ ms per report; ingestion with matching / without: [\d.]+x", output);
        Assert.Equal(before, await CountsAsync());
        Assert.Single(Directory.GetFiles(_dir, "*.db"));
    }

    [Fact]
    public async Task A_missing_database_is_a_usage_error()
    {
        var (exit, _, err) = await Run("bench-ingest", "--db", Path.Combine(_dir, "none.db"));
        Assert.Equal(1, exit);
        Assert.Contains("bench-ingest needs --db FILE, an existing database", err, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
