using System.Net;
using System.Text.RegularExpressions;
using IraqCoalition.Core.Extraction;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IraqCoalition.Web.Tests.Fixtures;

/// <summary>
/// The app on a real socket, seeded at start-up from article files of the test corpus (through the
/// app's own first-start ingestion, with the scripted extraction), and a headless Debian Chromium.
/// </summary>
public class BrowserApp : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/lib/chromium/chromium";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "iqc-web-tests", "browser-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            // Never skip: a missing browser is a broken test machine, and the message says how to fix it.
            throw new InvalidOperationException(
                $"Browser tests need Debian's Chromium at {ChromiumPath}: apt-get install -y --no-install-recommends chromium fonts-liberation");
        }

        var seed = Path.Combine(_dir, "articles");
        await TestCorpus.WriteSeedFilesAsync(seed);
        var database = Path.Combine(_dir, "app.db");
        await PrepareDatabaseAsync(database);

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={database}");
            builder.UseSetting("Seed:ArticlesDirectory", seed);
            builder.ConfigureTestServices(services => services.AddSingleton<IExtractionPipeline>(new ScriptedPipeline(TestCorpus.Articles)));
        });
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);

        // Blazor Server round trips and the queries behind them can take seconds on a loaded two-core
        // CI machine; Playwright's 5 s default for expectations made the slowest flows flaky there.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// Fills the database before the app starts; the app ingests the test corpus only into a database
    /// without articles, so a fixture that stores its own articles here replaces the corpus.
    /// </summary>
    protected virtual Task PrepareDatabaseAsync(string path) => Task.CompletedTask;

    /// <summary>A fresh page at <paramref name="relative"/>, returned once the Blazor circuit is up (clicks before that do nothing).</summary>
    public async Task<IPage> OpenAsync(string relative, int width = 1280, int height = 900)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        await page.GotoAsync(new Uri(BaseAddress, relative).ToString());
        await page.WaitForSelectorAsync("[data-interactive='true']");
        return page;
    }

    /// <summary>A fresh page signed in as <paramref name="user"/> through the real form, at <paramref name="returnUrl"/> once the circuit is up.</summary>
    public async Task<IPage> SignInAsync(TestUser user, string returnUrl)
    {
        ArgumentNullException.ThrowIfNull(user);
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(new Uri(BaseAddress, $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}").ToString());
        await page.Locator("#userName").FillAsync(user.Name);
        await page.Locator("#password").FillAsync(user.Password);
        await page.Locator("#login-submit").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(returnUrl) + "$"));
        await page.WaitForSelectorAsync("[data-interactive='true']");
        return page;
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        TestDatabase.DeleteDirectory(_dir);
    }
}
