using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace IraqCoalition.Reporting.Pdf;

/// <summary>The running header and footer Chromium prints on every page.</summary>
public sealed record PdfPageChrome(string Title, string Date, string Marking);

/// <summary>
/// Prints HTML to PDF with headless Chromium through PuppeteerSharp. One browser serves the whole
/// process: launching costs about half a second, a page about a tenth of that. The browser starts
/// on first use and is started again if it died. Register as a singleton.
/// </summary>
public sealed class PdfRenderer : IAsyncDisposable, IDisposable
{
    // Flags from the stack notes: no sandbox (root in a container), and no background networking,
    // whose connections this machine's closed network refuses many at a time.
    private static readonly string[] LaunchArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly ReportingOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _launchLock = new(1, 1);
    private IBrowser? _browser;
    private string? _launchError;
    private bool _disposed;

    public PdfRenderer(ReportingOptions options, ILogger<PdfRenderer>? logger = null)
    {
        _options = options;
        _logger = logger ?? NullLogger<PdfRenderer>.Instance;
    }

    public string ExecutablePath => _options.ChromiumPath;

    /// <summary>How many times a browser was started (tests check there is one per process, or a new one after a crash).</summary>
    internal int Launches { get; private set; }

    internal System.Diagnostics.Process? BrowserProcess => _browser?.Process;

    public PdfRendererStatus Status()
    {
        var path = _options.ChromiumPath;
        if (!File.Exists(path))
        {
            return new PdfRendererStatus(false, path, $"Chromium not found at {path}; install it with: apt-get install -y chromium");
        }

        if (_launchError is { } error && _browser is null)
        {
            return new PdfRendererStatus(false, path, $"Chromium at {path} did not start: {error}");
        }

        var running = _browser is { IsClosed: false, IsConnected: true };
        return new PdfRendererStatus(true, path, running ? $"Chromium at {path} is running" : $"Chromium at {path} will start on first export") { Running = running };
    }

    /// <summary>Starts the browser now rather than on the first export (for a warm first request or a benchmark).</summary>
    public async Task WarmUpAsync(CancellationToken ct = default) => await BrowserAsync(ct);

    public async Task<byte[]> RenderAsync(string html, PdfPageChrome chrome, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(chrome);
        var browser = await BrowserAsync(ct);
        IPage page;
        try
        {
            page = await browser.NewPageAsync();
        }
        catch (Exception ex) when (ex is PuppeteerException or ObjectDisposedException or InvalidOperationException)
        {
            // The browser went away between the check and the call: start a new one once.
            _logger.LogWarning(ex, "Chromium did not open a page; restarting it");
            await ResetAsync(browser);
            browser = await BrowserAsync(ct);
            page = await browser.NewPageAsync();
        }

        await using (page)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_options.PdfTimeout);
            var ms = (int)_options.PdfTimeout.TotalMilliseconds;
            // The briefing needs no script; turning it off means nothing in user text can run.
            await page.SetJavaScriptEnabledAsync(false);
            await page.SetContentAsync(html, new SetContentOptions { Timeout = ms, WaitUntil = [WaitUntilNavigation.Load], CancellationToken = timeout.Token });
            return await page.PdfDataAsync(new PdfOptions
            {
                Format = PaperFormat.A4,
                PrintBackground = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = HeaderTemplate(chrome),
                FooterTemplate = FooterTemplate(chrome),
                MarginOptions = new MarginOptions { Top = "20mm", Bottom = "18mm", Left = "14mm", Right = "14mm" },
                Outline = _options.TaggedPdf,
                Tagged = _options.TaggedPdf,
                Timeout = ms,
            }).WaitAsync(timeout.Token);
        }
    }

    // Chromium renders these templates in their own tiny document: sizes must be explicit and the
    // page's CSS does not apply. Values are escaped: a title is user text.
    private const string ChromeStyle = "font-family:'Noto Sans','Noto Naskh Arabic','DejaVu Sans',sans-serif;font-size:8px;color:#444;width:100%;margin:0 14mm;display:flex;justify-content:space-between;gap:8px;";

    internal static string HeaderTemplate(PdfPageChrome c) =>
        $"<div style=\"{ChromeStyle}\"><span style=\"overflow:hidden;white-space:nowrap;text-overflow:ellipsis;max-width:60%\">{Enc(c.Title)}</span><span>{Enc(c.Date)}</span></div>" +
        $"<div style=\"position:absolute;top:3mm;left:0;right:0;text-align:center;font-family:'DejaVu Sans',sans-serif;font-size:7px;font-weight:bold;\">{Enc(c.Marking)}</div>";

    internal static string FooterTemplate(PdfPageChrome c) =>
        $"<div style=\"{ChromeStyle}\"><span style=\"font-weight:bold\">{Enc(c.Marking)}</span><span>Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></span></div>";

    private static string Enc(string s) => WebUtility.HtmlEncode(s);

    private async Task<IBrowser> BrowserAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_browser is { IsClosed: false, IsConnected: true } ready)
        {
            return ready;
        }

        await _launchLock.WaitAsync(ct);
        try
        {
            if (_browser is { IsClosed: false, IsConnected: true } raced)
            {
                return raced;
            }

            if (_browser is not null)
            {
                _logger.LogWarning("Chromium is no longer running; starting it again");
                await CloseQuietlyAsync(_browser);
                _browser = null;
            }

            var path = _options.ChromiumPath;
            if (!File.Exists(path))
            {
                throw new PdfRendererUnavailableException($"Chromium not found at {path}; install it with: apt-get install -y chromium");
            }

            try
            {
                var started = System.Diagnostics.Stopwatch.StartNew();
                _browser = await Puppeteer.LaunchAsync(new LaunchOptions
                {
                    ExecutablePath = path,
                    Headless = true,
                    Args = LaunchArgs,
                    Timeout = 30_000,
                });
                _launchError = null;
                Launches++;
                _logger.LogInformation("Started Chromium {Path} for PDF export in {ElapsedMs} ms", path, (int)started.ElapsedMilliseconds);
                return _browser;
            }
            catch (Exception ex) when (ex is PuppeteerException or ProcessException or IOException or InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
            {
                _launchError = ex.Message;
                _logger.LogError(ex, "Chromium at {Path} did not start", path);
                throw new PdfRendererUnavailableException($"Chromium at {path} did not start: {ex.Message}", ex);
            }
        }
        finally
        {
            _launchLock.Release();
        }
    }

    private async Task ResetAsync(IBrowser dead)
    {
        await _launchLock.WaitAsync();
        try
        {
            if (ReferenceEquals(_browser, dead))
            {
                await CloseQuietlyAsync(dead);
                _browser = null;
            }
        }
        finally
        {
            _launchLock.Release();
        }
    }

    private async Task CloseQuietlyAsync(IBrowser browser)
    {
        try
        {
            await browser.CloseAsync();
        }
        catch (Exception ex) when (ex is PuppeteerException or ObjectDisposedException or InvalidOperationException or IOException)
        {
            _logger.LogDebug(ex, "Closing a dead Chromium failed; it is gone anyway");
        }

        await browser.DisposeAsync();
    }

    /// <summary>For containers and test hosts that dispose synchronously; closes the browser all the same.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _launchLock.WaitAsync();
        try
        {
            if (_browser is not null)
            {
                await CloseQuietlyAsync(_browser);
                _browser = null;
            }
        }
        finally
        {
            _launchLock.Release();
            _launchLock.Dispose();
        }
    }
}
