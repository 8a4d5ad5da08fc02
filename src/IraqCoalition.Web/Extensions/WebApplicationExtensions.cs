using System.Text.Json;
using IraqCoalition.Web.Components;
using IraqCoalition.Web.Health;
using Serilog;

namespace IraqCoalition.Web.Extensions;

public static class WebApplicationExtensions
{
    private static readonly JsonSerializerOptions HealthJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static WebApplication MapIraqCoalitionEndpoints(this WebApplication app)
    {
        app.UseSerilogRequestLogging();

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapGet("/healthz", async (HealthReporter reporter, CancellationToken ct) =>
        {
            var report = await reporter.CheckAsync(ct);
            return Results.Json(report, HealthJson, statusCode: report.Status == "ok" ? 200 : 503);
        });
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
