using IraqCoalition.Core.Actors;
using IraqCoalition.Core.Events;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Actors;
using IraqCoalition.Data.Audit;
using IraqCoalition.Data.Editing;
using IraqCoalition.Data.Articles;
using IraqCoalition.Data.Events;
using IraqCoalition.Data.Health;
using IraqCoalition.Data.Ingestion;
using IraqCoalition.Data.Search;
using IraqCoalition.Data.Storage;
using IraqCoalition.Data.Statements;
using IraqCoalition.Data.Tags;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IraqCoalition.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the storage (SQLite or PostgreSQL, by the connection string), repositories, ingestion and the extraction pipeline.</summary>
    public static IServiceCollection AddIraqCoalitionData(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => new ConnectionFactory(connectionString));
        // One live dictionary per process: editors' confirmations are added to it (DictionaryLearning)
        // and the pipeline's recognizer sees them on its next article.
        services.TryAddSingleton(_ => ActorDictionary.LoadDefault());
        services.TryAddSingleton<IExtractionPipeline>(sp => new ExtractionPipeline(
            new ActorRecognizer(sp.GetRequiredService<ActorDictionary>()), TriggerLexicon.Default, CameoCodebook.Default));
        services.AddSingleton<DictionaryLearning>();
        services.TryAddSingleton(CameoCodebook.Default);
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<DatabaseHealth>();
        services.AddSingleton<ArticleRepository>();
        services.AddSingleton<EventRepository>();
        services.AddSingleton<ActorRepository>();
        services.AddSingleton<StatementRepository>();
        services.AddSingleton<IngestionService>();
        services.AddSingleton<SearchRepository>();
        services.AddSingleton<UserService>();
        services.AddSingleton<TagService>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ActorEditService>();
        services.AddSingleton<CorrectionService>();
        services.AddSingleton<AdditionService>();
        services.AddSingleton<Quality.GoldExporter>();
        services.AddSingleton<Quality.QualityService>();
        services.AddSingleton<Clusters.EventClusterService>();
        return services;
    }
}
