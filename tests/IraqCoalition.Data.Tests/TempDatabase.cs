using IraqCoalition.Core.Extraction;
using IraqCoalition.Data.Ingestion;
using IraqCoalition.Data.Sqlite;
using Microsoft.Data.Sqlite;

namespace IraqCoalition.Data.Tests;

/// <summary>A real SQLite file in a temporary folder, migrated, deleted with the test class.</summary>
public sealed class TempDatabase : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "iqc-tests", Guid.NewGuid().ToString("N"));

    public string Path_ => System.IO.Path.Combine(_dir, "test.db");

    public SqliteConnectionFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        Factory = new SqliteConnectionFactory($"Data Source={Path_}");
        await new DatabaseMigrator(Factory).MigrateAsync();
    }

    public IngestionService Ingestion(IExtractionPipeline? pipeline = null) =>
        new(Factory, pipeline ?? new ExtractionPipeline());

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some platform: the OS temp cleaner will take it.
        }

        return Task.CompletedTask;
    }

    public static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "IraqCoalition.sln")))
        {
            dir = dir.Parent;
        }

        return System.IO.Path.Combine([dir?.FullName ?? throw new InvalidOperationException("repo root not found"), .. parts]);
    }
}
