using IraqCoalition.Data.Quality;

namespace IraqCoalition.Web.Endpoints;

/// <summary>Downloads of the editors' record for measuring the extraction (docs/gold-format.md).</summary>
public static class QualityApi
{
    public static IEndpointRouteBuilder MapQualityApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/quality");
        api.WithApiProblems();

        // GET /api/quality/gold.zip: every reviewed article as NAME.md and NAME.gold.json, for editors only.
        api.MapGet("/gold.zip", async (HttpContext http, GoldExporter exporter) =>
        {
            // Checked here before any reading, even with anonymous reading on: the files are an editor's tool.
            var user = EditingApi.Require(http, "export gold files");
            using var zip = new MemoryStream();
            await exporter.WriteZipAsync(user, zip, ct: http.RequestAborted);
            // Made from live data on every request: an old copy would miss the latest verdicts.
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(zip.ToArray(), "application/zip", "gold.zip");
        });
        return app;
    }
}
