using System.Text.Json;
using Dapper;
using IraqCoalition.Core.Events;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Editing;
using IraqCoalition.Data.Storage;
using Microsoft.Data.Sqlite;

namespace IraqCoalition.Cli.Tests;

public sealed class ExportGoldCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "iqc-cli-tests", Guid.NewGuid().ToString("N"));

    public ExportGoldCommandTests() => Directory.CreateDirectory(_dir);

    private string Db => Path.Combine(_dir, "cli.db");

    private string Out => Path.Combine(_dir, "gold");

    private static string Seed => ExtractCommandTests.RepoFile("data", "articles", "iraq-russia-military-ties.md");

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>An editor rejects the first event of the seed and verifies the second; returns their ids.</summary>
    private async Task<(long Rejected, long Verified)> ReviewSeedAsync()
    {
        Assert.Equal(0, (await Run("ingest", Seed, "--db", Db)).Exit);
        var factory = new ConnectionFactory($"Data Source={Db}");
        List<(long Id, int Version)> events;
        await using (var c = await factory.OpenAsync())
        {
            events = (await c.QueryAsync<(long, int)>("SELECT id, version FROM events ORDER BY evidence_start, id LIMIT 2")).ToList();
        }

        var corrections = new CorrectionService(factory, CameoCodebook.Default);
        var editor = new UserContext("eve", Roles.Editor);
        await corrections.SetEventStatusAsync(editor, events[0].Id, CorrectionService.Rejected, events[0].Version);
        await corrections.SetEventStatusAsync(editor, events[1].Id, CorrectionService.Verified, events[1].Version);
        return (events[0].Id, events[1].Id);
    }

    [Fact]
    public async Task Reviewed_seed_is_written_as_gold_and_its_markdown_extracts_as_the_original_does()
    {
        var (rejected, verified) = await ReviewSeedAsync();

        var (exit, output, err) = await Run("export-gold", "--db", Db, "--out", Out);

        Assert.Equal((0, ""), (exit, err));
        Assert.StartsWith($"1 article(s) written to {Out}: ", output, StringComparison.Ordinal);
        Assert.Matches(@"\d+ actors, \d+ statements, \d+ events, \d+ dyads \(\d+ required\)", output);
        using var gold = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Out, "iraq-russia-military-ties.gold.json")));
        var events = gold.RootElement.GetProperty("events").EnumerateArray().ToDictionary(e => e.GetProperty("key").GetString()!, e => e.GetProperty("required").GetBoolean());
        Assert.DoesNotContain($"e-{rejected}", events.Keys);
        Assert.True(events[$"e-{verified}"]);
        Assert.Single(events, e => e.Value);

        // The exported text is the stored one: extraction reads it exactly as it read the original file.
        Assert.Equal(0, (await Run("extract", Seed, "--out", Path.Combine(_dir, "original"))).Exit);
        Assert.Equal(0, (await Run("extract", Path.Combine(Out, "iraq-russia-military-ties.md"), "--out", Path.Combine(_dir, "exported"))).Exit);
        Assert.Equal(
            await File.ReadAllTextAsync(Path.Combine(_dir, "original", "iraq-russia-military-ties.json")),
            await File.ReadAllTextAsync(Path.Combine(_dir, "exported", "iraq-russia-military-ties.json")));
    }

    [Fact]
    public async Task Nothing_reviewed_writes_nothing_and_says_why_unless_the_article_is_named()
    {
        Assert.Equal(0, (await Run("ingest", Seed, "--db", Db)).Exit);

        var (exit, output, _) = await Run("export-gold", "--db", Db, "--out", Out);
        Assert.Equal(0, exit);
        Assert.StartsWith("0 articles written: no event or statement has been reviewed", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Out));

        var named = await Run("export-gold", "--db", Db, "--out", Out, "--article", "1");
        Assert.StartsWith($"1 article(s) written to {Out}: ", named.Out, StringComparison.Ordinal);
        Assert.Contains("(0 required)", named.Out, StringComparison.Ordinal);
        Assert.Equal(["iraq-russia-military-ties.gold.json", "iraq-russia-military-ties.md"], Directory.GetFiles(Out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("export-gold")]
    [InlineData("export-gold", "--out", "x", "--article", "one")]
    [InlineData("export-gold", "--out", "x", "stray")]
    public async Task Bad_arguments_are_usage_errors(params string[] args)
    {
        var r = await Run([.. args, "--db", Db]);
        Assert.Equal(1, r.Exit);
        Assert.StartsWith("error: ", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_article_is_an_error_naming_it()
    {
        var r = await Run("export-gold", "--db", Db, "--out", Out, "--article", "42");
        Assert.Equal((1, "error: No article 42."), (r.Exit, r.Err.Trim()));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
