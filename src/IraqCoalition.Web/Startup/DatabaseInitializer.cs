using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Articles;
using IraqCoalition.Data.Briefings;
using IraqCoalition.Data.Editing;
using IraqCoalition.Data.Ingestion;
using IraqCoalition.Data.Storage;

namespace IraqCoalition.Web.Startup;

/// <summary>
/// Brings the database up to date before the app serves anything, and on first start loads the
/// seed articles and a sample briefing over them, so a newcomer's first pages show real extracted
/// events and a briefing to open and export.
/// </summary>
public sealed class DatabaseInitializer(
    DatabaseMigrator migrator,
    ArticleRepository articles,
    BriefingRepository briefings,
    IngestionService ingestion,
    DictionaryLearning learning,
    DataOptions options,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var applied = await migrator.MigrateAsync(cancellationToken);
        logger.LogInformation("Database ready ({Applied} migration(s) applied)", applied);
        var learned = await learning.LearnAllAsync(cancellationToken);
        if (learned > 0)
        {
            logger.LogInformation("Extraction dictionary learned {Actors} editor-confirmed actor(s)", learned);
        }

        if (await articles.CountAsync(cancellationToken) > 0)
        {
            return;
        }

        if (!Directory.Exists(options.SeedDirectory))
        {
            logger.LogWarning("The database has no articles and the seed folder {SeedDirectory} does not exist; starting empty", options.SeedDirectory);
            return;
        }

        logger.LogInformation("The database has no articles: ingesting the seed folder {SeedDirectory}", options.SeedDirectory);
        // IngestionService logs each article with its id and counts; a summary here closes the start-up story.
        var outcomes = await ingestion.IngestFilesAsync(IngestionService.ExpandPaths([options.SeedDirectory]), null, cancellationToken);
        var stored = outcomes.Where(o => o.Result is { Duplicate: false }).Select(o => o.Result!).ToList();
        logger.LogInformation(
            "Seed ingested: {Articles} article(s), {Events} events, {Actors} actors, {Statements} statements; {Failed} file(s) skipped",
            stored.Count, stored.Sum(r => r.Events), stored.Sum(r => r.Actors), stored.Sum(r => r.Statements), outcomes.Count(o => o.Error is not null));

        // Only with the seed: an install that starts from its own articles has no use for a briefing about ours,
        // and one the user deleted is not made again, because the articles are there by then.
        if (stored.Count > 0 && (await briefings.ListAsync(0, 1, null, cancellationToken)).Total == 0)
        {
            var sample = await briefings.CreateAsync(UserContext.System, SampleBriefing.Create(), cancellationToken);
            logger.LogInformation("Sample briefing {BriefingId} created: {Title}", sample.Id, sample.Title);
        }
    }
}
