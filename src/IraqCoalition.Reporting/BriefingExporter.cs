using System.Globalization;
using System.Text;
using IraqCoalition.Data.Briefings;
using IraqCoalition.Reporting.Composition;
using IraqCoalition.Reporting.Pdf;
using IraqCoalition.Reporting.Rendering;

namespace IraqCoalition.Reporting;

/// <summary>A file ready to save or send as a download.</summary>
public sealed record BriefingFile(byte[] Content, string FileName, string ContentType);

/// <summary>
/// What the web app and the CLI call: compose a briefing (saved or ad hoc) and write it in a format.
/// PDF needs Chromium; every other format works without it.
/// </summary>
public sealed class BriefingExporter(BriefingComposer composer, BriefingRepository briefings, BriefingHtmlRenderer html, PdfRenderer pdf)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public PdfRendererStatus PdfStatus => pdf.Status();

    public Task<BriefingDocument> ComposeAsync(Briefing briefing, CancellationToken ct = default) => composer.ComposeAsync(briefing, ct);

    /// <summary>The preview the web page shows: the same HTML Chromium prints.</summary>
    public async Task<string> PreviewHtmlAsync(Briefing briefing, CancellationToken ct = default) =>
        html.RenderHtml(await composer.ComposeAsync(briefing, ct));

    /// <exception cref="KeyNotFoundException">No briefing has this id.</exception>
    public async Task<BriefingFile> ExportAsync(long briefingId, BriefingFormat format, CancellationToken ct = default)
    {
        var briefing = await briefings.GetAsync(briefingId, ct) ?? throw new KeyNotFoundException($"No briefing has id {briefingId.ToString(CultureInfo.InvariantCulture)}.");
        return await ExportAsync(briefing, format, ct);
    }

    public async Task<BriefingFile> ExportAsync(Briefing briefing, BriefingFormat format, CancellationToken ct = default) =>
        await ExportAsync(await composer.ComposeAsync(briefing, ct), format, ct);

    /// <exception cref="PdfRendererUnavailableException">PDF was asked for and Chromium is missing or will not start.</exception>
    public async Task<BriefingFile> ExportAsync(BriefingDocument doc, BriefingFormat format, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(doc);
        byte[] content = format switch
        {
            BriefingFormat.Pdf => await pdf.RenderAsync(
                html.RenderHtml(doc), new PdfPageChrome(doc.Title, Wording.Day(doc.GeneratedAt), doc.HandlingMarking), ct),
            BriefingFormat.Html => Utf8.GetBytes(html.RenderHtml(doc)),
            BriefingFormat.Markdown => Utf8.GetBytes(BriefingMarkdownWriter.Write(doc)),
            // A byte-order mark so spreadsheet programs read Arabic names as UTF-8.
            BriefingFormat.Csv => [.. Encoding.UTF8.GetPreamble(), .. Utf8.GetBytes(BriefingCsvWriter.Write(doc))],
            _ => Utf8.GetBytes(BriefingJsonWriter.Write(doc)),
        };
        return new BriefingFile(content, FileName(doc, format), format.ContentType());
    }

    /// <summary>briefing-12-iraq-us-tensions-2020-01-03.pdf: ASCII only, safe in a Content-Disposition header.</summary>
    public static string FileName(BriefingDocument doc, BriefingFormat format)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var slug = new StringBuilder();
        foreach (var ch in doc.Title.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                slug.Append(ch);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }

            if (slug.Length >= 48)
            {
                break;
            }
        }

        var id = doc.BriefingId is { } n ? $"-{n.ToString(CultureInfo.InvariantCulture)}" : "";
        var name = slug.ToString().Trim('-');
        return $"briefing{id}{(name.Length > 0 ? "-" + name : "")}-{doc.GeneratedAt.UtcDateTime:yyyy-MM-dd}{format.Extension()}";
    }
}
