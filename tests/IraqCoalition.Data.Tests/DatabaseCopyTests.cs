using Dapper;
using IraqCoalition.Core.Articles;
using IraqCoalition.Data.Search;
using IraqCoalition.Data.Storage;

namespace IraqCoalition.Data.Tests;

/// <summary>
/// <see cref="DatabaseCopy"/> from the suite's engine into a SQLite file and from that file into a
/// new database of the suite's engine: on the PostgreSQL pass that is PostgreSQL to SQLite and back.
/// </summary>
public sealed class DatabaseCopyTests : IAsyncLifetime
{
    private static readonly string[] Samples =
    [
        "iraq-russia-military-ties.md", "a-abdul-mahdi-resignation-analysis.md", "a-allawi-named-prime-minister.md",
    ];

    private readonly TempDatabase _db = new();
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "iqc-copy-tests", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        Directory.CreateDirectory(_dir);
        var ingestion = _db.Ingestion();
        foreach (var sample in Samples)
        {
            await ingestion.IngestAsync(ArticleReader.ReadFile(TempDatabase.RepoFile("data", "articles", sample)));
        }

        await using var c = await _db.Factory.OpenAsync();
        // Rows of the editorial record too, so every kind of table has something to carry.
        var tag = await c.ExecuteScalarAsync<long>("INSERT INTO tags (name, created_at) VALUES ('watch', '2020-01-01T00:00:00.000Z') RETURNING id");
        await c.ExecuteAsync("INSERT INTO actor_tags (actor_id, tag_id, added_at) SELECT id, @tag, '2020-01-01T00:00:00.000Z' FROM actors WHERE id % 3 = 0", new { tag });
        await c.ExecuteAsync("UPDATE events SET status = 'rejected' WHERE id % 5 = 0");
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Every_row_goes_over_and_comes_back_with_search_counts_and_ids_derived_by_the_target()
    {
        using var file = new ConnectionFactory($"Data Source={Path.Combine(_dir, "copy.db")}");
        var there = await DatabaseCopy.CopyAsync(_db.Factory, file);
        Assert.True(there.Verified, string.Join(", ", there.Tables.Where(t => !t.Matches).Select(t => t.Table)));
        Assert.Contains(there.Tables, t => t.Table == "events" && t.TargetRows > 5);
        Assert.Contains(there.Tables, t => t.Table == "actor_tags" && t.TargetRows > 0);

        await using var back = new TempDatabase();
        await back.InitializeAsync();
        var report = await DatabaseCopy.CopyAsync(file, back.Factory);
        Assert.True(report.Verified);
        Assert.Equal(there.Tables.Select(t => (t.Table, t.SourceRows, t.SourceChecksum)), report.Tables.Select(t => (t.Table, t.TargetRows, t.TargetChecksum)));

        foreach (var copy in new[] { file, back.Factory })
        {
            // Counts and search words are the target's own work, not copied: they must agree anyway.
            Assert.Equal(await CountsAsync(_db.Factory), await CountsAsync(copy));
            foreach (var words in new[] { "Russia", "prime minister", "resign" })
            {
                var expected = await new SearchRepository(_db.Factory).SearchAsync(words, take: 100);
                var found = await new SearchRepository(copy).SearchAsync(words, take: 100);
                Assert.True(expected.Total > 0, words);
                Assert.Equal(expected.Items.Select(h => (h.Kind, h.RefId)).Order(), found.Items.Select(h => (h.Kind, h.RefId)).Order());
            }
        }

        // New rows continue after the copied ids (PostgreSQL's identity sequences were moved on).
        var maxArticle = await MaxAsync(back.Factory, "articles");
        var maxEvent = await MaxAsync(back.Factory, "events");
        var added = await back.Ingestion().IngestAsync(ArticleReader.ReadFile(TempDatabase.RepoFile("data", "articles", "a-allawi-withdraws-kurdish-objections.md")));
        Assert.True(added.ArticleId > maxArticle);
        Assert.True(await MaxAsync(back.Factory, "events") > maxEvent);
    }

    [Fact]
    public async Task A_target_with_rows_is_refused_and_left_as_it_was()
    {
        using var file = new ConnectionFactory($"Data Source={Path.Combine(_dir, "full.db")}");
        await DatabaseCopy.CopyAsync(_db.Factory, file);
        var before = await CountsAsync(file);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseCopy.CopyAsync(_db.Factory, file));
        Assert.Contains("not empty", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(file));
    }

    private static async Task<List<(long, long, long)>> CountsAsync(ConnectionFactory f)
    {
        await using var c = await f.OpenAsync();
        return (await c.QueryAsync<(long, long, long)>("SELECT id, mention_count, article_count FROM actors ORDER BY id")).ToList();
    }

    private static async Task<long> MaxAsync(ConnectionFactory f, string table)
    {
        await using var c = await f.OpenAsync();
        return await c.ExecuteScalarAsync<long>($"SELECT max(id) FROM {table}");
    }
}
