using Dapper;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Data.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace IraqCoalition.Web.Tests.Fixtures;

/// <summary>
/// The whole app in memory, seeded at start-up from the test corpus with the scripted extraction:
/// for HTTP tests of sign-in and of the endpoints that change data.
/// </summary>
public sealed class EditingApp : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "iqc-web-tests", "editing-" + Guid.NewGuid().ToString("N"));

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public IServiceProvider Services => Factory.Services;

    public string DatabasePath => Path.Combine(_dir, "app.db");

    public string SeedDirectory => Path.Combine(_dir, "articles");

    public async Task InitializeAsync()
    {
        await TestCorpus.WriteSeedFilesAsync(SeedDirectory);
        Factory = Configure(new WebApplicationFactory<Program>(), allowAnonymousRead: true);
        _ = Factory.Server;
    }

    /// <summary>The same app and database with other settings (a second host over the same file).</summary>
    public WebApplicationFactory<Program> Configure(WebApplicationFactory<Program> factory, bool allowAnonymousRead, string environment = "Testing", IReadOnlyDictionary<string, string>? settings = null) =>
        factory.WithWebHostBuilder(builder =>
        {

            builder.UseEnvironment(environment);
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath}");
            builder.UseSetting("Seed:ArticlesDirectory", SeedDirectory);
            builder.UseSetting("Auth:AllowAnonymousRead", allowAnonymousRead ? "true" : "false");
            // Last, so a test can override the settings above too.
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(key, value);
            }
            builder.ConfigureTestServices(services => services.AddSingleton<IExtractionPipeline>(new ScriptedPipeline(TestCorpus.Articles)));
        });

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see where sign-in sends them.</summary>
    public HttpClient Client() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in through the sign-in form as a new user of <paramref name="role"/>.</summary>
    public async Task<HttpClient> SignedInClientAsync(string role)
    {
        var user = await TestUsers.CreateAsync(Services, role);
        var client = Client();
        (await TestUsers.SignInAsync(client, user.Name, user.Password)).Dispose();
        return client;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var c = await Services.GetRequiredService<ConnectionFactory>().OpenAsync(CancellationToken.None);
        return await c.ExecuteScalarAsync<long>(sql);
    }

    /// <summary>Counts that any change through the API would move: articles, tags, actor tags, events, audit entries.</summary>
    public async Task<string> FingerprintAsync() => string.Join(",",
        await ScalarAsync("SELECT count(*) FROM articles"),
        await ScalarAsync("SELECT count(*) FROM tags"),
        await ScalarAsync("SELECT count(*) FROM actor_tags"),
        await ScalarAsync("SELECT COALESCE(max(id), 0) FROM events"),
        await ScalarAsync("SELECT count(*) FROM audit_log"));

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
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
}
