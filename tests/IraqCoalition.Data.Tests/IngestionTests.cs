using Dapper;
using IraqCoalition.Core.Articles;
using IraqCoalition.Core.Extraction;

namespace IraqCoalition.Data.Tests;

public sealed class IngestionTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private static Article Seed() => ArticleReader.ReadFile(TempDatabase.RepoFile("data", "articles", "iraq-russia-military-ties.md"));

    [Fact]
    public async Task Seed_article_is_stored_with_what_extraction_found()
    {
        var pipeline = new ExtractionPipeline();
        var expected = pipeline.Extract(Seed());
        var result = await _db.Ingestion(pipeline).IngestAsync(Seed());

        Assert.False(result.Duplicate);
        Assert.Equal(expected.Events.Count, result.Events);
        await using var c = await _db.Factory.OpenAsync();
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM articles"));
        Assert.Equal(expected.Events.Count, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM events"));
        Assert.Equal(expected.Statements.Count, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM statements"));
        Assert.Equal(expected.Actors.Sum(a => a.Mentions.Count), await c.ExecuteScalarAsync<int>("SELECT count(*) FROM mentions"));
        Assert.Equal("2020-02-05", await c.ExecuteScalarAsync<string>("SELECT published FROM articles"));
    }

    [Fact]
    public async Task An_unsafe_url_never_reaches_the_database_and_reader_warnings_come_back_with_the_result()
    {
        var article = Seed() with { Url = "javascript:alert(document.cookie)", Warnings = ["published date 'soon' ignored"] };

        var result = await _db.Ingestion().IngestAsync(article);

        Assert.Equal(["published date 'soon' ignored"], result.Warnings);
        await using var c = await _db.Factory.OpenAsync();
        Assert.Null(await c.ExecuteScalarAsync<string?>("SELECT url FROM articles"));
    }

    [Fact]
    public async Task Same_article_twice_is_stored_once_and_reported_as_duplicate()
    {
        var ingestion = _db.Ingestion();
        var first = await ingestion.IngestAsync(Seed());
        // Same text with other line endings and trailing blanks is the same article.
        var again = Seed() with { Body = Seed().Body.Replace("\n", "\r\n", StringComparison.Ordinal) + "\n\n", Origin = "copy.md" };
        var second = await ingestion.IngestAsync(again);

        Assert.True(second.Duplicate);
        Assert.Equal(first.ArticleId, second.ArticleId);
        await using var c = await _db.Factory.OpenAsync();
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM articles"));
        Assert.Equal(first.Events, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task A_failure_mid_article_rolls_everything_back()
    {
        var ingestion = _db.Ingestion(new BrokenPipeline());
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => ingestion.IngestAsync(Seed()));

        await using var c = await _db.Factory.OpenAsync();
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM articles"));
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM actors"));
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM mentions"));
    }

    [Fact]
    public async Task Actors_are_shared_across_articles_by_identity()
    {
        var pipeline = new FixedPipeline();
        var ingestion = _db.Ingestion(pipeline);
        await ingestion.IngestAsync(new Article { Body = "Lavrov spoke.", Published = new DateOnly(2020, 1, 4) });
        await ingestion.IngestAsync(new Article { Body = "Lavrov spoke again.", Published = new DateOnly(2020, 1, 5) });

        await using var c = await _db.Factory.OpenAsync();
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM actors"));
        Assert.Equal(2, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM mentions"));
    }

    [Fact]
    public async Task Bad_files_are_reported_and_the_good_ones_still_ingested()
    {
        var dir = Path.Combine(Path.GetTempPath(), "iqc-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.Copy(TempDatabase.RepoFile("data", "articles", "iraq-russia-military-ties.md"), Path.Combine(dir, "b-good.md"));
        await File.WriteAllBytesAsync(Path.Combine(dir, "a-binary.md"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]);
        await File.WriteAllTextAsync(Path.Combine(dir, "c-empty.txt"), "");

        var outcomes = await _db.Ingestion().IngestFilesAsync(Ingestion.IngestionService.ExpandPaths([dir]));

        Assert.Equal(3, outcomes.Count);
        Assert.Contains("binary", outcomes[0].Error, StringComparison.Ordinal);
        Assert.NotNull(outcomes[1].Result);
        Assert.Contains("empty", outcomes[2].Error, StringComparison.Ordinal);
        Directory.Delete(dir, true);
    }

    /// <summary>Returns a statement violating a NOT NULL column, after the article and actors are written.</summary>
    private sealed class BrokenPipeline : IExtractionPipeline
    {
        public string Version => "broken";

        public ExtractionResult Extract(Article article, DateOnly? fallbackPublished = null) => new()
        {
            Article = new ArticleInfo { Published = "2020-02-05", Sentences = 1 },
            Actors = [new ExtractedActor { Id = "a1", Name = "Iraq", Kind = ActorKinds.Country, Country = "IRQ", Mentions = [new TextSpan { Start = 0, End = 4, Text = "Iraq" }] }],
            Statements = [new ExtractedStatement { Text = null!, Content = new SpanRef(0, 4) }],
        };
    }

    private sealed class FixedPipeline : IExtractionPipeline
    {
        public string Version => "fixed";

        public ExtractionResult Extract(Article article, DateOnly? fallbackPublished = null) => new()
        {
            Article = new ArticleInfo { Published = article.Published?.ToString("yyyy-MM-dd"), Sentences = 1 },
            Actors = [new ExtractedActor { Id = "a1", Name = "Sergey Lavrov", Kind = ActorKinds.Person, Country = "RUS", Mentions = [new TextSpan { Start = 0, End = 6, Text = "Lavrov" }] }],
        };
    }
}
