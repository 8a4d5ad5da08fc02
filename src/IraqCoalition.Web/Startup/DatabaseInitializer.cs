using IraqCoalition.Data.Articles;
using IraqCoalition.Data.Ingestion;
using IraqCoalition.Data.Sqlite;

namespace IraqCoalition.Web.Startup;

/// <summary>
/// Brings the database up to date before the app serves anything, and on first start loads the
/// seed articles so a newcomer's first page shows real extracted events.
/// </summary>
public sealed class DatabaseInitializer(
    DatabaseMigrator migrator,
    ArticleRepository articles,
    IngestionService ingestion,
    DataOptions options,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var applied = await migrator.MigrateAsync(cancellationToken);
        logger.LogInformation("Database ready ({Applied} migration(s) applied)", applied);

        var existing = await articles.ListAsync(0, 1);
        if (existing.Total > 0)
        {
            return;
        }

        if (!Directory.Exists(options.SeedDirectory))
        {
            logger.LogWarning("The database has no articles and the seed folder {SeedDirectory} does not exist; starting empty", options.SeedDirectory);
            return;
        }

        logger.LogInformation("The database has no articles: ingesting the seed folder {SeedDirectory}", options.SeedDirectory);
        var results = await ingestion.IngestDirectoryAsync(options.SeedDirectory, null, cancellationToken);
        foreach (var r in results)
        {
            logger.LogInformation(
                "Seed article {ArticleId} ingested: {Actors} actors, {Statements} statements, {Events} events{Duplicate}",
                r.ArticleId, r.Actors, r.Statements, r.Events, r.Duplicate ? " (duplicate, skipped)" : "");
        }
    }
}
