using IraqCoalition.Data;
using IraqCoalition.Web.Health;
using IraqCoalition.Web.Startup;

namespace IraqCoalition.Web.Extensions;

public static class DataExtensions
{
    public static IServiceCollection AddIraqCoalitionStorage(this IServiceCollection services, DataOptions options)
    {
        services.AddIraqCoalitionData(options.ConnectionString);
        services.AddSingleton<IHealthProbe, DatabaseHealthProbe>();
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }

    /// <summary>Migrates the database and, when it holds no article yet, ingests the seed articles.</summary>
    public static async Task InitializeIraqCoalitionDataAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
    }
}
