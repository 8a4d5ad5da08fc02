using IraqCoalition.Web.Auth;
using IraqCoalition.Web.Briefings;
using IraqCoalition.Web.Diagnostics;
using IraqCoalition.Web.Editing;
using IraqCoalition.Web.Health;
using IraqCoalition.Web.Security;
using IraqCoalition.Web.Startup;
using MudBlazor.Services;
using Serilog;

namespace IraqCoalition.Web.Extensions;

public static class WebApplicationBuilderExtensions
{
    /// <summary>Everything the dashboard needs: logging, data access, health, Blazor and MudBlazor.</summary>
    public static WebApplicationBuilder AddIraqCoalitionWeb(this WebApplicationBuilder builder)
    {
        var data = DataOptions.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
        builder.AddIraqCoalitionLogging(data.RepositoryRoot);

        builder.Services.AddSingleton(data);
        builder.Services.AddIraqCoalitionStorage(data);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<HealthReporter>();
        builder.Services.AddSingleton<Timeline.SharedEvents>();
        builder.Services.AddIraqCoalitionBriefings(builder.Configuration);

        builder.AddIraqCoalitionAuth();
        builder.Services.AddSingleton<ArticleUploads>();
        builder.Services.AddWorkLimits();
        builder.Services.AddBenchDiagnostics(builder.Configuration);

        // Development resolves static web assets from the projects' folders by itself; any other
        // environment started from a build (dotnet run --launch-profile production) needs it asked
        // for, or the framework and MudBlazor scripts answer 404 and no page becomes interactive. A
        // published app has no such manifest and this does nothing there.
        if (!builder.Environment.IsDevelopment())
        {
            builder.WebHost.UseStaticWebAssets();
        }

        // Minimal-API binding failures (a route or query value of the wrong type) become exceptions
        // the error handler answers as 400 with the reason, in every environment.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(o =>
            o.DetailedErrors = builder.Environment.IsDevelopment() && builder.Configuration.GetValue<bool>("DetailedErrors"));
        // Bottom right: a "Saved" confirmation at the top would sit over the very buttons the user just pressed.
        builder.Services.AddMudServices(c => c.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
        return builder;
    }

    private static void AddIraqCoalitionLogging(this WebApplicationBuilder builder, string root)
    {
        // File sinks in appsettings name paths relative to the repository ("data/logs/..."), not to
        // whatever directory the process happened to start in.
        foreach (var sink in builder.Configuration.GetSection("Serilog:WriteTo").GetChildren())
        {
            var pathKey = $"{sink.Path}:Args:path";
            if (builder.Configuration[pathKey] is { Length: > 0 } path && !Path.IsPathRooted(path))
            {
                builder.Configuration[pathKey] = DataOptions.Resolve(root, path);
            }
        }

        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services));
    }
}
