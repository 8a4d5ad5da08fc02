using IraqCoalition.Core.Extraction;
using IraqCoalition.Data.Actors;
using IraqCoalition.Data.Articles;
using IraqCoalition.Data.Events;
using IraqCoalition.Data.Health;
using IraqCoalition.Data.Ingestion;
using IraqCoalition.Data.Sqlite;
using IraqCoalition.Data.Statements;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IraqCoalition.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the SQLite storage, repositories, ingestion and the extraction pipeline.</summary>
    public static IServiceCollection AddIraqCoalitionData(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(new SqliteConnectionFactory(connectionString));
        services.TryAddSingleton<IExtractionPipeline, ExtractionPipeline>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<DatabaseHealth>();
        services.AddSingleton<ArticleRepository>();
        services.AddSingleton<EventRepository>();
        services.AddSingleton<ActorRepository>();
        services.AddSingleton<StatementRepository>();
        services.AddSingleton<IngestionService>();
        return services;
    }
}
