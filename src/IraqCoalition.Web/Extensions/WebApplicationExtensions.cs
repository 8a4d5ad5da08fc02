using System.Text.Json;
using IraqCoalition.Web.Auth;
using IraqCoalition.Web.Components;
using IraqCoalition.Web.Endpoints;
using IraqCoalition.Web.Health;
using IraqCoalition.Web.Security;
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
        app.UseFriendlyErrors();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseSameOriginRequests(SameOriginRequests.TrustedOrigins(app.Configuration));
        app.UseAuthentication();
        app.UsePasswordChangeGate();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UseQueryParameterValidation();

        // Styles and scripts are public: the sign-in page needs them when anonymous reading is off.
        app.MapStaticAssets().AllowAnonymous();
        app.MapGet("/healthz", async (HealthReporter reporter, CancellationToken ct) =>
        {
            var report = await reporter.CheckAsync(ct);
            return Results.Json(report, HealthJson, statusCode: report.Status == "unhealthy" ? 503 : 200);
        }).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapEditingApi();
        app.MapBriefingExports();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
