using Dapper;
using IraqCoalition.Core.Articles;
using IraqCoalition.Data.Storage;
using Microsoft.Data.Sqlite;

namespace IraqCoalition.Data.Tests;

/// <summary>Backups through SQLite's backup API while another writer is busy, and restores of them.</summary>
public sealed class BackupTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "iqc-backup-tests", Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => _db.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static Article Numbered(int i) =>
        new() { Body = $"Baghdad hosted talks on Monday, officials said. Round {i} ended without a deal.", Title = $"Talks {i}", Published = new DateOnly(2020, 1, 6) };

    [SqliteFact]
    public async Task A_backup_taken_during_ingestion_is_intact_and_holds_whole_articles_only()
    {
        var ingestion = _db.Ingestion();
        await ingestion.IngestAsync(Numbered(0));
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 1; !stop.IsCancellationRequested && i < 400; i++)
            {
                await ingestion.IngestAsync(Numbered(i));
            }
        });

        var copies = new List<BackupSummary>();
        for (var n = 0; n < 3; n++)
        {
            await Task.Delay(50);
            copies.Add(await DatabaseBackup.BackupAsync(_db.Factory, Path.Combine(_dir, $"copy-{n}.db")));
        }

        await stop.CancelAsync();
        await writer;

        foreach (var copy in copies)
        {
            Assert.True(copy.Articles >= 1);
            await using var c = new SqliteConnection($"Data Source={copy.File};Mode=ReadOnly;Pooling=False");
            await c.OpenAsync();
            Assert.Equal("ok", await c.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
            // Every article in the copy came with all it was stored with: one transaction each, none half there.
            Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id)"));
            Assert.Equal("delete", await c.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        }

        Assert.False(File.Exists(copies[0].File + ".partial"));
    }

    [SqliteFact]
    public async Task A_restore_brings_back_the_backed_up_content_and_refuses_what_is_not_a_backup()
    {
        var ingestion = _db.Ingestion();
        await ingestion.IngestAsync(Numbered(1));
        var backup = await DatabaseBackup.BackupAsync(_db.Factory, Path.Combine(_dir, "before.db"));
        await ingestion.IngestAsync(Numbered(2));
        await ingestion.IngestAsync(Numbered(3));

        var restored = await DatabaseBackup.RestoreAsync(_db.Factory, backup.File);

        Assert.Equal(1, restored.Articles);
        await using (var c = await _db.Factory.OpenAsync())
        {
            Assert.Equal(["Talks 1"], await c.QueryAsync<string>("SELECT title FROM articles"));
            Assert.Equal("wal", await c.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        }

        await Assert.ThrowsAsync<IOException>(() => DatabaseBackup.BackupAsync(_db.Factory, backup.File));
        var junk = Path.Combine(_dir, "junk.db");
        await File.WriteAllTextAsync(junk, "not a database at all, but long enough to look like one's header for a moment");
        await Assert.ThrowsAsync<InvalidDataException>(() => DatabaseBackup.RestoreAsync(_db.Factory, junk));
        Assert.Equal(1, (await DatabaseBackup.BackupAsync(_db.Factory, Path.Combine(_dir, "after.db"))).Articles);
    }
}
