using CameoCodebook = IraqCoalition.Core.Events.CameoCodebook;
using IraqCoalition.Data;
using IraqCoalition.Data.Editing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using IraqCoalition.Web.Health;
using IraqCoalition.Web.Startup;

namespace IraqCoalition.Web.Extensions;

public static class DataExtensions
{
    public static IServiceCollection AddIraqCoalitionStorage(this IServiceCollection services, DataOptions options)
    {
        services.AddIraqCoalitionData(options.ConnectionString);

        // CorrectionService validates codes through this lookup; AddIraqCoalitionData does not register one yet.
        services.TryAddSingleton<Func<string, CameoCode?>>(static code =>
            CameoCodebook.Default.TryGet(code, out var c) ? new CameoCode(c.Code, c.Label, c.Goldstein, c.QuadClass) : null);
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
