using IraqCoalition.Core.Extraction;
using IraqCoalition.Data.Ingestion;
using IraqCoalition.Data.Storage;
using Npgsql;

namespace IraqCoalition.Data.Tests;

/// <summary>
/// A real, migrated database for one test class, deleted with it: an SQLite file in a temporary
/// folder, or, when <see cref="TestDatabases.PostgresVariable"/> names a PostgreSQL server (as the
/// tests' script does for the second run of the suite), a database of its own on that server.
/// </summary>
public sealed class TempDatabase : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "iqc-tests", Guid.NewGuid().ToString("N"));
    private string? _postgresName;

    public string Path_ => System.IO.Path.Combine(_dir, "test.db");

    public ConnectionFactory Factory { get; private set; } = null!;

    public bool IsPostgres => _postgresName is not null;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        if (TestDatabases.Postgres is { } server)
        {
            _postgresName = await TestDatabases.CreatePostgresAsync(server);
            Factory = new ConnectionFactory(TestDatabases.PostgresConnection(server, _postgresName));
        }
        else
        {
            Factory = new ConnectionFactory($"Data Source={Path_}");
        }

        await new DatabaseMigrator(Factory).MigrateAsync();
    }

    public IngestionService Ingestion(IExtractionPipeline? pipeline = null) =>
        new(Factory, pipeline ?? new ExtractionPipeline());

    public async Task DisposeAsync()
    {
        Factory.ClearPools();
        Factory.Dispose();
        if (_postgresName is not null)
        {
            await TestDatabases.DropPostgresAsync(TestDatabases.Postgres!, _postgresName);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some platform: the OS temp cleaner will take it.
        }
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
