using IraqCoalition.Core.Extraction;
using IraqCoalition.Data;
using IraqCoalition.Data.Ingestion;
using IraqCoalition.Data.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace IraqCoalition.Web.Tests.Fixtures;

/// <summary>A real SQLite file in a temporary folder, migrated and filled through the ingestion service.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string directory) => Directory = directory;

    public string Directory { get; }

    public string ConnectionString => $"Data Source={Path.Combine(Directory, "test.db")}";

    /// <summary>Registers the data layer on <paramref name="services"/> with the scripted pipeline, migrates and ingests the test corpus.</summary>
    public static async Task<TestDatabase> CreateAsync(IServiceCollection services, IReadOnlyList<ScriptedArticle>? corpus = null)
    {
        var db = new TestDatabase(Path.Combine(Path.GetTempPath(), "iqc-web-tests", Guid.NewGuid().ToString("N")));
        System.IO.Directory.CreateDirectory(db.Directory);
        corpus ??= TestCorpus.Articles;
        services.AddSingleton<IExtractionPipeline>(new ScriptedPipeline(corpus));
        services.AddIraqCoalitionData(db.ConnectionString);

        // A private provider for setup, so the test context's own provider is not locked before the test registers more.
        await using var setup = new ServiceCollection().AddSingleton<IExtractionPipeline>(new ScriptedPipeline(corpus))
            .AddIraqCoalitionData(db.ConnectionString).BuildServiceProvider();
        await setup.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var ingestion = setup.GetRequiredService<IngestionService>();
        foreach (var entry in corpus)
        {
            await ingestion.IngestAsync(entry.Article, CancellationToken.None);
        }

        return db;
    }

    public ValueTask DisposeAsync()
    {
        DeleteDirectory(Directory);
        return ValueTask.CompletedTask;
    }

    /// <summary>Closes pooled SQLite connections (they hold the files open) and removes a test's temporary folder.</summary>
    public static void DeleteDirectory(string directory)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner if a handle is still open.
        }
    }
}
