using System.Globalization;
using IraqCoalition.Reporting;
using IraqCoalition.Reporting.Pdf;
using IraqCoalition.Web.Security;

namespace IraqCoalition.Web.Endpoints;

public static class BriefingExportEndpoints
{
    public const string FormatList = "pdf, html, md, csv or json";

    /// <summary>The export link of a saved briefing, e.g. /briefings/12/export?format=pdf.</summary>
    public static string ExportUrl(long id, BriefingFormat format) =>
        string.Create(CultureInfo.InvariantCulture, $"/briefings/{id}/export?format={format.Extension().TrimStart('.')}");

    /// <summary>PDF is the default format; the others are cheap and not limited.</summary>
    private static bool IsPdf(HttpRequest request) =>
        request.Query["format"].ToString() is var f && (f.Length == 0 || string.Equals(f, "pdf", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// GET /briefings/{id}/export?format=pdf|html|md|csv|json: the saved briefing as a download.
    /// Errors are plain text, because the page shows them to the user as they are.
    /// </summary>
    public static IEndpointRouteBuilder MapBriefingExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/briefings/{id:long}/export", async (long id, string? format, BriefingExporter exporter, HttpContext http, CancellationToken ct) =>
        {
            if (!BriefingFormats.TryParse(format ?? "pdf", out var f))
            {
                return Results.Text($"Unknown format '{format}': use {FormatList}.", statusCode: StatusCodes.Status400BadRequest);
            }

            try
            {
                var file = await exporter.ExportAsync(id, f, ct);
                // The briefing is re-composed from live data on every export: never serve an old copy.
                http.Response.Headers.CacheControl = "no-store";
                return Results.File(file.Content, file.ContentType, file.FileName);
            }
            catch (KeyNotFoundException ex)
            {
                return Results.Text(ex.Message, statusCode: StatusCodes.Status404NotFound);
            }
            catch (PdfRendererUnavailableException ex)
            {
                return Results.Text($"PDF export is not available: {ex.Message}. The other formats work.", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).WithMetadata(new ExpensiveWorkAttribute(WorkKind.Pdf) { When = IsPdf });
        return app;
    }
}
