using System.Text.Json;
using IraqCoalition.Web.Auth;
using IraqCoalition.Web.Components;
using IraqCoalition.Web.Diagnostics;
using IraqCoalition.Web.Endpoints;
using IraqCoalition.Web.Health;
using IraqCoalition.Web.Security;
using Microsoft.AspNetCore.HttpOverrides;
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
        // Behind a reverse proxy on this machine (the usual TLS front), the scheme and client address
        // come from X-Forwarded-Proto/-For, so cookies get Secure under HTTPS and limits see the real client.
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        app.UseSerilogRequestLogging();
        app.UseFriendlyErrors();
        app.UseSecurityHeaders();
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
        app.MapGet("/healthz", async (HealthReporter reporter, HttpContext http, CancellationToken ct) =>
        {
            var full = await reporter.CheckAsync(ct);
            var report = http.User.IsInRole(IraqCoalition.Data.Accounts.Roles.Admin) ? full : full.ForPublic();
            return Results.Json(report, HealthJson, statusCode: report.Status == "unhealthy" ? 503 : 200);
        }).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapEditingApi();
        app.MapQualityApi();
        app.MapBriefingExports();
        app.MapBenchDiagnostics();
        // The policy is in SecurityHeaders (frame-ancestors 'none'); Blazor's own default would add a second, looser one.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
