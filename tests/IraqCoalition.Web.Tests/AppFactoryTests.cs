using System.Net;
using AngleSharp.Html.Parser;
using System.Text.Json;
using IraqCoalition.Data.Audit;
using IraqCoalition.Data.Briefings;
using IraqCoalition.Data.Events;
using IraqCoalition.Web.Startup;
using MudBlazor;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IraqCoalition.Web.Tests;

/// <summary>
/// The whole app in memory on a temporary database and a temporary copy of the seed folder: start-up
/// must migrate and ingest the seed before the first request is answered.
/// </summary>
public sealed class AppFactoryTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "iqc-web-tests", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program> _factory = null!;

    private string DatabasePath => Path.Combine(_dir, "app.db");

    public Task InitializeAsync()
    {
        var seed = Path.Combine(_dir, "articles");
        Directory.CreateDirectory(seed);
        foreach (var file in Directory.EnumerateFiles(RepoPath("data", "articles")))
        {
            File.Copy(file, Path.Combine(seed, Path.GetFileName(file)));
        }

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath}");
            builder.UseSetting("Seed:ArticlesDirectory", seed);
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        TestDatabase.DeleteDirectory(_dir);
    }

    [Fact]
    public async Task Healthz_reports_the_database_and_the_pdf_renderer_ok()
    {
        using var client = _factory.CreateClient();
        await TestUsers.SignInAsAdminAsync(client, _factory.Services);

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var components = json.RootElement.GetProperty("components");
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("ok", components.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(DatabasePath, components.GetProperty("database").GetProperty("data").GetProperty("dataSource").GetString());
        Assert.Equal(Directory.GetFiles(RepoPath("data", "articles"), "*.md").Length, components.GetProperty("database").GetProperty("data").GetProperty("articles").GetInt32());
        // Chromium is installed on test machines (the browser tests need it); BriefingExportWithoutChromiumTests covers its absence.
        Assert.Equal("ok", components.GetProperty("pdfRenderer").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Healthz_shows_anonymous_callers_statuses_and_counts_but_no_paths()
    {
        using var client = _factory.CreateClient();

        var body = await client.GetStringAsync(new Uri("/healthz", UriKind.Relative));

        using var json = JsonDocument.Parse(body);
        Assert.Equal("ok", json.RootElement.GetProperty("components").GetProperty("database").GetProperty("status").GetString());
        Assert.True(json.RootElement.GetProperty("components").GetProperty("database").GetProperty("data").GetProperty("articles").GetInt32() > 0);
        Assert.DoesNotContain(DatabasePath, body, StringComparison.Ordinal);
        Assert.DoesNotContain("dataSource", body, StringComparison.Ordinal);
        Assert.DoesNotContain("/usr/lib/chromium", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/actors/99999", "Actor not found")]
    [InlineData("/articles/99999", "Article not found")]
    [InlineData("/briefings/99999", "Briefing not found")]
    public async Task A_missing_item_answers_404_with_its_friendly_page(string path, string heading)
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Contains(heading, StringComparison.Ordinal), body[..Math.Min(body.Length, 3000)]);
        using var found = await client.GetAsync(new Uri("/articles/1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
    }

    [Fact]
    public async Task Home_page_is_the_timeline_and_holds_every_stored_seed_event()
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("<h1", html);
        Assert.Contains("Timeline", html);
        // The prerendered page holds the first 30 rows of the (virtualised) list.
        var events = await _factory.Services.GetRequiredService<EventRepository>()
            .QueryTimelineAsync(new TimelineQuery { Take = 30 }, CancellationToken.None);
        Assert.Contains($"{events.Total:N0} event", html);
        var document = await new HtmlParser().ParseDocumentAsync(html);
        var shown = document.QuerySelectorAll(".evidence").Select(q => q.TextContent.Trim()).ToList();
        Assert.Equal(events.Items.Select(e => e.EvidenceText), shown);

        // The sample corpus' key event, the 3 January 2020 U.S. drone strike near Baghdad airport, is
        // one timeline entry, however many articles reported it.
        var day = await _factory.Services.GetRequiredService<EventRepository>().QueryTimelineAsync(
            new TimelineQuery { From = new DateOnly(2020, 1, 3), To = new DateOnly(2020, 1, 3), Take = 100 }, CancellationToken.None);
        // Most of its reports share one event; a few with misread actors still form a second one (docs/event-clusters.md).
        var strike = day.Items.Where(e => e.EvidenceText.Contains("drone strike", StringComparison.Ordinal) && e.Root is "18" or "19")
            .MaxBy(e => e.ReportCount)!;
        Assert.Equal(4, strike.QuadClass);
        Assert.True(strike.ReportCount >= 5, $"{strike.ReportCount} reports");
        Assert.True(strike.SourceCount >= 3, $"{strike.SourceCount} sources");
        var dayHtml = await client.GetStringAsync(new Uri("/?from=2020-01-03&to=2020-01-03", UriKind.Relative));
        Assert.Contains("Friday 3 January 2020", dayHtml, StringComparison.Ordinal);
        Assert.Contains($"{strike.ReportCount} reports, {strike.SourceCount} sources", dayHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relationships_on_the_sample_corpus_read_Iraq_US_cooling_and_Iraq_Russia_warming()
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/relationships", UriKind.Relative));

        var document = await new HtmlParser().ParseDocumentAsync(html);
        Assert.Equal("cooling", document.QuerySelector("[data-dyad='IRQ-USA'] .trend")?.GetAttribute("data-trend"));
        Assert.Equal("warming", document.QuerySelector("[data-dyad='IRQ-RUS'] .trend")?.GetAttribute("data-trend"));
    }

    [Fact]
    public async Task Every_navigation_page_answers()
    {
        using var client = _factory.CreateClient();

        foreach (var path in new[] { "/", "/relationships", "/actors", "/statements", "/articles", "/briefings", "/search" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_fresh_install_opens_with_a_sample_briefing_that_exports_from_the_list()
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/briefings", UriKind.Relative));

        var briefings = await _factory.Services.GetRequiredService<BriefingRepository>().ListAsync();
        var sample = Assert.Single(briefings.Items);
        Assert.Equal(SampleBriefing.Title, sample.Title);
        var stored = (await _factory.Services.GetRequiredService<BriefingRepository>().GetAsync(sample.Id))!;
        Assert.Equal([new Dyad("IRQ", "USA"), new Dyad("IRQ", "RUS")], stored.Dyads);
        Assert.Equal((new DateOnly(2020, 1, 1), new DateOnly(2020, 2, 29)), (stored.From!.Value, stored.To!.Value));
        var row = (await new HtmlParser().ParseDocumentAsync(html)).QuerySelector($"tr[data-briefing-id='{sample.Id}']");
        Assert.NotNull(row?.QuerySelector(".export-menu"));

        // Composed from the sample articles: the strike's aftermath with both pairs.
        var markdown = await client.GetStringAsync(new Uri($"/briefings/{sample.Id}/export?format=md", UriKind.Relative));
        Assert.Contains("Iraq", markdown, StringComparison.Ordinal);
        Assert.Matches(@"\b2020-01-0[3-9]\b", markdown);
        var audit = await _factory.Services.GetRequiredService<AuditLog>().QueryAsync(new AuditQuery { Action = "briefing" });
        Assert.Contains(audit.Items, a => a.Action == "briefing.create" && a.UserName == "system");
    }

    [Fact]
    public void Snackbars_appear_at_the_bottom_away_from_the_page_buttons()
    {
        using var scope = _factory.Services.CreateScope();

        var position = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SnackbarConfiguration>>().Value.PositionClass;

        Assert.Equal(MudBlazor.Defaults.Classes.Position.BottomRight, position);
    }

    private static string RepoPath(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IraqCoalition.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine([dir?.FullName ?? throw new InvalidOperationException("repository root not found"), .. parts]);
    }
}
