using IraqCoalition.Reporting;
using IraqCoalition.Web.Endpoints;
using Microsoft.JSInterop;

namespace IraqCoalition.Web.Briefings;

/// <summary>The export formats, in the order the buttons and menus offer them.</summary>
public static class BriefingExportFormats
{
    public static IReadOnlyList<(BriefingFormat Format, string Label)> All { get; } =
    [
        (BriefingFormat.Pdf, "PDF"),
        (BriefingFormat.Html, "HTML"),
        (BriefingFormat.Markdown, "Markdown"),
        (BriefingFormat.Csv, "CSV"),
        (BriefingFormat.Json, "JSON"),
    ];

    public static string Label(BriefingFormat format) => All.First(x => x.Format == format).Label;
}

/// <summary>What a download came to: the file's name, or the server's own explanation of the failure.</summary>
public sealed record DownloadOutcome(bool Ok, string Message);

/// <summary>
/// Downloads a saved briefing through the browser (fetch, then a blob link), so a page can show progress
/// while the server renders and show the server's words when an export fails. One per circuit: the
/// JavaScript module belongs to the browser tab.
/// </summary>
public sealed class BriefingDownloads(IJSRuntime js) : IAsyncDisposable
{
    private IJSObjectReference? _module;

    public async Task<DownloadOutcome> DownloadAsync(long briefingId, BriefingFormat format)
    {
        try
        {
            _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/briefing-download.js");
            var result = await _module.InvokeAsync<DownloadOutcome?>("download", BriefingExportEndpoints.ExportUrl(briefingId, format));
            return result switch
            {
                null => new(false, "The browser did not report the download."),
                { Ok: true } => new(true, $"Downloaded {result.Message}."),
                _ => result,
            };
        }
        catch (JSException ex)
        {
            return new(false, $"The download failed in the browser: {ex.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the module with it.
            }
        }
    }
}
