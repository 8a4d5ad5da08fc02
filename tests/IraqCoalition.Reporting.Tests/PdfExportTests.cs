using IraqCoalition.Data.Accounts;
using System.Text.RegularExpressions;
using IraqCoalition.Core.Articles;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Core.Statements;
using IraqCoalition.Data.Briefings;
using IraqCoalition.Data.Ingestion;
using IraqCoalition.Reporting.Pdf;
using IraqCoalition.Reporting.Rendering;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using P = IraqCoalition.Reporting.Tests.BriefingDatabase.ScriptedPipeline;

namespace IraqCoalition.Reporting.Tests;

/// <summary>One Chromium for the class, as in the app: started on first use, reused, restarted after a crash.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public PdfRenderer Renderer { get; } = new(new ReportingOptions());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Renderer.DisposeAsync();

    /// <summary>Fails (never skips) when Chromium is missing: PDF export is a feature, and scripts/test.sh installs it.</summary>
    public static void RequireChromium()
    {
        if (!File.Exists(ReportingOptions.DefaultChromiumPath))
        {
            Assert.Fail($"PDF tests need Chromium at {ReportingOptions.DefaultChromiumPath}: run 'apt-get install -y --no-install-recommends chromium fonts-dejavu-core fonts-liberation fonts-noto-core' (scripts/test.sh does this){(Environment.GetEnvironmentVariable("CI") == "true" ? " — CI=true requires it" : "")}.");
        }
    }
}

public sealed class PdfExportTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private readonly BriefingDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private BriefingExporter Exporter(PdfRenderer? pdf = null) =>
        new(_db.Composer(), _db.Briefings, new BriefingHtmlRenderer(), pdf ?? chromium.Renderer);

    private static Briefing Saved() => new()
    {
        Title = "Iraq between Washington and Moscow",
        Author = "Analyst on duty",
        From = new DateOnly(2020, 1, 1),
        To = new DateOnly(2020, 2, 29),
        Dyads = [Dyad.Parse("IRQ-USA"), Dyad.Parse("IRQ-RUS")],
        Summary = "After the **3 January** strike, Baghdad's parliament voted to expel US troops while Moscow offered support.",
    };

    private static (int Pages, List<string> Text) Read(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        var pages = doc.GetPages().Select(p => Flat(ContentOrderTextExtractor.GetText(p))).ToList();
        return (doc.NumberOfPages, pages);
    }

    /// <summary>
    /// Text as PdfPig gives it back: ligatures and ellipses decomposed, line breaks as spaces, and
    /// none after a hyphen (Chromium wraps "Al-Ghanimi" after the hyphen).
    /// </summary>
    private static string Flat(string s) =>
        Regex.Replace(Regex.Replace(s.Normalize(System.Text.NormalizationForm.FormKC), @"\s+", " "), @"(?<=\w-) ", "").Trim();

    [Fact]
    public async Task Saved_briefing_exports_to_a_numbered_pdf_with_events_quotes_and_citations()
    {
        ChromiumFixture.RequireChromium();
        var saved = await _db.Briefings.CreateAsync(UserContext.System, Saved());

        var file = await Exporter().ExportAsync(saved.Id, BriefingFormat.Pdf);

        Assert.Equal("application/pdf", file.ContentType);
        Assert.Matches(@"^briefing-\d+-iraq-between-washington-and-moscow-\d{4}-\d{2}-\d{2}\.pdf$", file.FileName);
        var (pages, text) = Read(file.Content);
        var all = string.Join(" ", text);
        Assert.True(pages >= 2, $"expected at least two pages, got {pages}");
        Assert.Contains("Iraq between Washington and Moscow", text[0], StringComparison.Ordinal);
        Assert.Contains("UNCLASSIFIED // FOR OFFICIAL USE ONLY", text[0], StringComparison.Ordinal);
        foreach (var summary in new[] { P.Strike, P.Condemn, P.Vote, P.Lavrov, P.Arms })
        {
            Assert.True(all.Contains(summary, StringComparison.Ordinal), $"'{summary}' not in: {all}");
        }

        Assert.Contains(P.MahdiQuote, all, StringComparison.Ordinal);
        Assert.Contains("Adel Abdul Mahdi", all, StringComparison.Ordinal);
        Assert.Contains("References", all, StringComparison.Ordinal);
        Assert.Contains("[1] Strike at Baghdad airport kills Soleimani. Reuters. 2020-01-03.", all, StringComparison.Ordinal);
        Assert.Contains("[3] Lavrov in Baghdad. TASS. 2020-01-20.", all, StringComparison.Ordinal);
        // Every page carries its number and the total, from Chromium's footer template.
        for (var i = 0; i < pages; i++)
        {
            Assert.Contains($"Page {i + 1} of {pages}", text[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Pdf_quotes_direct_speech_and_prints_reported_speech_as_plain_text_with_balanced_marks()
    {
        ChromiumFixture.RequireChromium();
        var doc = HtmlRendererTests.Document(statements: StatementExportTests.Statements);

        var (_, text) = Read((await Exporter().ExportAsync(doc, BriefingFormat.Pdf)).Content);

        var all = string.Join(" ", text);
        Assert.Contains(Flat("reported: relations with Iraq were \u201Cin a period of turbulence\u201D"), all, StringComparison.Ordinal);
        Assert.Contains(Flat("\u201CWe reject \u2018any violation\u2019 of our sovereignty.\u201D"), all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Briefing_from_the_seed_articles_reads_back_from_the_pdf()
    {
        ChromiumFixture.RequireChromium();
        // The real extraction pipeline on the repository's seed article: whatever it finds must reach the PDF.
        await using var seed = new BriefingDatabase(pipeline: new ExtractionPipeline());
        await seed.InitializeAsync(IngestionService.ExpandPaths([BriefingDatabase.RepoFile("data", "articles")]).Select(f => ArticleReader.ReadFile(f)));
        var exporter = new BriefingExporter(seed.Composer(), seed.Briefings, new BriefingHtmlRenderer(), chromium.Renderer);
        var doc = await exporter.ComposeAsync(new Briefing
        {
            Title = "Seed briefing: Iraq, the United States and Russia",
            From = new DateOnly(2020, 1, 1),
            To = new DateOnly(2020, 2, 29),
            Dyads = [Dyad.Parse("IRQ-USA"), Dyad.Parse("IRQ-RUS")],
        });
        Assert.NotEmpty(doc.Events);
        var quote = doc.Statements.FirstOrDefault(s => s.Speaker is not null);
        Assert.NotNull(quote);

        var (pages, text) = Read((await exporter.ExportAsync(doc, BriefingFormat.Pdf)).Content);
        var all = string.Join(" ", text);
        Assert.Contains(Flat(doc.Title), all, StringComparison.Ordinal);
        foreach (var e in doc.Events)
        {
            Assert.True(all.Contains(Flat(e.Summary), StringComparison.Ordinal), $"event summary '{e.Summary}' is not in the PDF");
        }

        Assert.Contains(Flat(StatementWording.Display(quote.Text, quote.Direct).Text), all, StringComparison.Ordinal);
        Assert.Contains(Flat(quote.Speaker!), all, StringComparison.Ordinal);
        foreach (var c in doc.Citations)
        {
            Assert.Contains(Flat($"[{c.Number}] {Wording.Reference(c)}"), all, StringComparison.Ordinal);
        }

        Assert.Contains($"Page {pages} of {pages}", text[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browser_is_shared_by_concurrent_exports_and_restarted_after_it_dies()
    {
        ChromiumFixture.RequireChromium();
        var exporter = Exporter();
        var doc = await exporter.ComposeAsync(Saved());

        var files = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => exporter.ExportAsync(doc, BriefingFormat.Pdf)));
        Assert.All(files, f => Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(f.Content, 0, 4), StringComparison.Ordinal));
        var launches = chromium.Renderer.Launches;
        Assert.True(launches >= 1);

        var process = chromium.Renderer.BrowserProcess;
        Assert.NotNull(process);
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();

        var again = await exporter.ExportAsync(doc, BriefingFormat.Pdf);
        Assert.Contains(P.Strike, string.Join(" ", Read(again.Content).Text), StringComparison.Ordinal);
        Assert.Equal(launches + 1, chromium.Renderer.Launches);
        Assert.True(chromium.Renderer.Status().Running);
    }

    [Fact]
    public async Task Without_chromium_pdf_export_fails_clearly_and_other_formats_work()
    {
        await using var missing = new PdfRenderer(new ReportingOptions { ChromiumPath = "/nonexistent/chromium" });
        var status = missing.Status();
        Assert.False(status.Available);
        Assert.Equal("/nonexistent/chromium", status.ExecutablePath);
        Assert.Equal("Chromium not found at /nonexistent/chromium; install it with: apt-get install -y chromium", status.Message);

        var exporter = Exporter(missing);
        var ex = await Assert.ThrowsAsync<PdfRendererUnavailableException>(() => exporter.ExportAsync(Saved(), BriefingFormat.Pdf));
        Assert.Equal(status.Message, ex.Message);

        foreach (var format in new[] { BriefingFormat.Markdown, BriefingFormat.Csv, BriefingFormat.Json, BriefingFormat.Html })
        {
            var file = await exporter.ExportAsync(Saved(), format);
            Assert.Contains(P.Strike, System.Text.Encoding.UTF8.GetString(file.Content), StringComparison.Ordinal);
        }
    }
}
