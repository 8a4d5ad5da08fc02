using System.Diagnostics;
using System.Text;
using Dapper;
using IraqCoalition.Core.Articles;
using IraqCoalition.Data.Ingestion;

namespace IraqCoalition.Data.Tests;

/// <summary>An abandoned ingestion returns at once and stores nothing; one that runs past its budget is refused with a reason.</summary>
public sealed class IngestionLimitsTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    /// <summary>About 2 MB of real news (the sample articles over and over): seconds of real extraction.</summary>
    private static Article Large()
    {
        var bodies = Directory.GetFiles(TempDatabase.RepoFile("data", "articles"), "*.md").Order(StringComparer.Ordinal).Select(f => ArticleReader.ReadFile(f).Body).ToList();
        var sb = new StringBuilder();
        for (var i = 0; sb.Length < 2_000_000; i++)
        {
            sb.Append(bodies[i % bodies.Count]).Append("\n\n").Append(i).Append('\n');
        }

        return new Article { Body = sb.ToString(), Title = "Large", Origin = "large.md", Published = new DateOnly(2020, 1, 10) };
    }

    [Fact]
    public async Task A_cancelled_ingestion_returns_promptly_and_stores_nothing()
    {
        var ingestion = _db.Ingestion();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ingestion.IngestAsync(Large(), cts.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"returned after {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task An_extraction_past_its_budget_is_refused_with_the_budget_named_and_stores_nothing()
    {
        var ingestion = new IngestionService(_db.Factory, new Core.Extraction.ExtractionPipeline()) { ExtractionBudget = TimeSpan.FromMilliseconds(100) };

        var ex = await Assert.ThrowsAsync<ExtractionTimeoutException>(() => ingestion.IngestAsync(Large()));

        Assert.Contains("large.md", ex.Message, StringComparison.Ordinal);
        Assert.Contains("longer than", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync());
    }

    [SqliteFact]
    public async Task A_batch_goes_on_past_an_article_the_database_was_too_busy_to_take_and_says_so()
    {
        var file = Path.Combine(Path.GetDirectoryName(_db.Path_)!, "talks.md");
        await File.WriteAllTextAsync(file, "Baghdad hosted talks on Monday, officials said.");
        var impatient = new IngestionService(new Storage.ConnectionFactory($"Data Source={_db.Path_};Default Timeout=1"), new Core.Extraction.ExtractionPipeline());
        await using (var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_db.Path_};Pooling=False"))
        {
            await holder.OpenAsync();
            // Another process's long write: it holds the write lock through all three waits.
            await holder.ExecuteAsync("BEGIN IMMEDIATE");

            var outcome = Assert.Single(await impatient.IngestFilesAsync([file]));

            Assert.Null(outcome.Result);
            Assert.Contains("locked", outcome.Error, StringComparison.Ordinal);
            await holder.ExecuteAsync("ROLLBACK");
        }

        Assert.NotNull(Assert.Single(await impatient.IngestFilesAsync([file])).Result);
        Assert.Equal(1, await CountAsync());
    }

    private async Task<int> CountAsync()
    {
        await using var c = await _db.Factory.OpenAsync();
        return await c.ExecuteScalarAsync<int>("SELECT count(*) FROM articles");
    }
}
