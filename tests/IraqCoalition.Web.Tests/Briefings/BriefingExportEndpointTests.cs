using IraqCoalition.Data.Accounts;
using System.Net;
using System.Text;
using System.Text.Json;
using IraqCoalition.Data.Briefings;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace IraqCoalition.Web.Tests.Briefings;

/// <summary>GET /briefings/{id}/export on the whole app (the browser tests' server, seeded with the test corpus, with Chromium).</summary>
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class BriefingExportEndpointTests(BrowserApp app)
{
    private async Task<Briefing> SavedAsync() =>
        await app.Services.GetRequiredService<BriefingRepository>().CreateAsync(UserContext.System, new Briefing
        {
            Title = "Export check: Iraq and the U.S.",
            Author = "Test desk",
            From = new DateOnly(2019, 12, 1),
            To = new DateOnly(2020, 1, 31),
            Dyads = [new Dyad("IRQ", "USA")],
            Summary = "Relations **cooled**.",
        });

    private HttpClient Client() => new() { BaseAddress = app.BaseAddress };

    [Fact]
    public async Task Pdf_export_of_a_saved_briefing_is_a_pdf_download()
    {
        var briefing = await SavedAsync();
        using var client = Client();

        using var response = await client.GetAsync(new Uri($"/briefings/{briefing.Id}/export?format=pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches($@"^briefing-{briefing.Id}-export-check-iraq-and-the-u-s-\d{{4}}-\d{{2}}-\d{{2}}\.pdf$", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.True(bytes.Length > 5_000, $"a {bytes.Length}-byte PDF is too small to hold the briefing");
    }

    [Fact]
    public async Task Markdown_csv_json_and_html_exports_hold_the_briefings_events()
    {
        var briefing = await SavedAsync();
        using var client = Client();

        var markdown = await GetAsync(client, briefing.Id, "md", "text/markdown");
        Assert.Contains("# Export check", markdown, StringComparison.Ordinal);
        Assert.Contains("demanded the withdrawal of", markdown, StringComparison.Ordinal);
        Assert.Contains("Relations **cooled**.", markdown, StringComparison.Ordinal);

        var csv = await GetAsync(client, briefing.Id, "csv", "text/csv");
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // A header, the four Iraq–U.S. events of the period and the one statement of their articles.
        Assert.Equal(1 + 4 + 1, lines.Length);
        Assert.Contains(lines, l => l.Contains(TestCorpus.JointOpsEvidence, StringComparison.Ordinal));

        using var json = JsonDocument.Parse(await GetAsync(client, briefing.Id, "json", "application/json"));
        Assert.Equal(4, json.RootElement.GetProperty("events").GetArrayLength());

        var html = await GetAsync(client, briefing.Id, "html", "text/html");
        Assert.Contains("<h1", html, StringComparison.Ordinal);
    }

    private static async Task<string> GetAsync(HttpClient client, long id, string format, string mediaType)
    {
        using var response = await client.GetAsync(new Uri($"/briefings/{id}/export?format={format}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Unknown_format_and_missing_briefing_are_refused_with_an_explanation()
    {
        var briefing = await SavedAsync();
        using var client = Client();

        using var badFormat = await client.GetAsync(new Uri($"/briefings/{briefing.Id}/export?format=docx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Contains("Unknown format 'docx'", await badFormat.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var missing = await client.GetAsync(new Uri("/briefings/987654/export?format=md", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("No briefing has id 987654", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_reports_the_pdf_renderer_ok_when_Chromium_is_installed()
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = app.BaseAddress };
        await TestUsers.SignInAsAdminAsync(client, app.Services);

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));

        var pdf = json.RootElement.GetProperty("components").GetProperty("pdfRenderer");
        Assert.Equal("ok", pdf.GetProperty("status").GetString());
        Assert.Equal(BrowserApp.ChromiumPath, pdf.GetProperty("data").GetProperty("executablePath").GetString());
    }
}

/// <summary>The app on a server without Chromium: health says so and how to fix it, PDF is refused, other formats work.</summary>
public sealed class BriefingExportWithoutChromiumTests : IAsyncLifetime
{
    private const string NoChromium = "/nonexistent/chromium-for-tests";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "iqc-web-tests", "nochromium-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program> _factory = null!;

    public Task InitializeAsync()
    {
        // No seed articles: the briefing is empty, which is enough to see which formats are served.
        Directory.CreateDirectory(Path.Combine(_dir, "articles"));
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(_dir, "app.db")}");
            builder.UseSetting("Seed:ArticlesDirectory", Path.Combine(_dir, "articles"));
            builder.UseSetting("Reporting:ChromiumPath", NoChromium);
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner if a handle is still open.
        }
    }

    [Fact]
    public async Task Pdf_is_refused_with_the_install_hint_and_csv_still_works()
    {
        using var client = _factory.CreateClient();
        var briefing = await _factory.Services.GetRequiredService<BriefingRepository>().CreateAsync(UserContext.System, new Briefing { Title = "No browser here" });

        using var pdf = await client.GetAsync(new Uri($"/briefings/{briefing.Id}/export?format=pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
        var message = await pdf.Content.ReadAsStringAsync();
        Assert.Contains($"Chromium not found at {NoChromium}", message, StringComparison.Ordinal);
        Assert.Contains("apt-get install", message, StringComparison.Ordinal);

        using var csv = await client.GetAsync(new Uri($"/briefings/{briefing.Id}/export?format=csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Healthz_reports_the_pdf_renderer_degraded_with_the_install_message_and_stays_up()
    {
        using var client = _factory.CreateClient();
        await TestUsers.SignInAsAdminAsync(client, _factory.Services);

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("degraded", json.RootElement.GetProperty("status").GetString());
        var pdf = json.RootElement.GetProperty("components").GetProperty("pdfRenderer");
        Assert.Equal("degraded", pdf.GetProperty("status").GetString());
        Assert.Equal($"Chromium not found at {NoChromium}; install it with: apt-get install -y chromium", pdf.GetProperty("detail").GetString());
        Assert.Equal("ok", json.RootElement.GetProperty("components").GetProperty("database").GetProperty("status").GetString());
    }
}
