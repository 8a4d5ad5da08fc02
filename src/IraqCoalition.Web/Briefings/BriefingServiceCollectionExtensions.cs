using IraqCoalition.Reporting;
using IraqCoalition.Web.Health;

namespace IraqCoalition.Web.Briefings;

public static class BriefingServiceCollectionExtensions
{
    /// <summary>Briefing composition and export (Reporting section), the composer's workspace and the PDF renderer's health probe.</summary>
    public static IServiceCollection AddIraqCoalitionBriefings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIraqCoalitionReporting(configuration);
        services.AddSingleton<BriefingWorkspace>();
        services.AddScoped<BriefingDownloads>();
        services.AddSingleton<IHealthProbe, PdfRendererHealthProbe>();
        return services;
    }
}
