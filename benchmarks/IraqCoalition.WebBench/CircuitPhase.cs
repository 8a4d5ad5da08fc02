using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Playwright;

namespace IraqCoalition.WebBench;

/// <summary>
/// Real interactive dashboards held open at once: one Chromium page (in a context of its own, as
/// separate visitors) per circuit, each waited for until its Blazor circuit is up and the timeline
/// has drawn, so the server holds exactly what a reader's open tab costs it.
/// </summary>
internal static class CircuitPhase
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    public static async Task<CircuitReport> RunAsync(Uri baseAddress, ServerDiagnostics? diagnostics, BenchOptions options, TextWriter progress, CancellationToken ct)
    {
        if (!File.Exists(options.ChromiumPath))
        {
            throw new BenchUsageException(
                $"the circuit phase needs Debian's Chromium at {options.ChromiumPath} (apt-get install -y --no-install-recommends chromium fonts-liberation), or run with --circuits 0");
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = options.ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        var url = new Uri(baseAddress, options.CircuitPage).ToString();
        var errors = new ConcurrentQueue<string>();
        var failures = new ConcurrentQueue<string>();

        // One dashboard opened and closed first: the circuit code is compiled and the caches filled
        // before the baseline, so the baseline does not hide costs that the first circuit pays once.
        var warm = await OpenAsync(browser, url, errors, ct);
        await CloseAsync(warm.Context);
        var baseline = diagnostics is null ? null : await diagnostics.WaitForOpenCircuitsAsync(0, TimeSpan.FromSeconds(30), ct);
        var before = diagnostics is null ? null : await diagnostics.SettledMemoryAsync(ct);

        await progress.WriteLineAsync($"  opening {options.Circuits} dashboards at {url} ({options.OpenParallel} at a time)...");
        var opened = new ConcurrentBag<(IBrowserContext Context, double Ms)>();
        var failed = 0;
        var clock = Stopwatch.StartNew();
        using (var gate = new SemaphoreSlim(options.OpenParallel))
        {
            await Task.WhenAll(Enumerable.Range(0, options.Circuits).Select(async _ =>
            {
                await gate.WaitAsync(ct);
                try
                {
                    opened.Add(await OpenAsync(browser, url, errors, ct));
                }
                catch (PlaywrightException ex)
                {
                    Interlocked.Increment(ref failed);
                    failures.Enqueue($"a dashboard did not become interactive: {ex.Message.Split('\n')[0]}");
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var openSeconds = clock.Elapsed.TotalSeconds;
        var expected = (baseline?.Open ?? 0) + opened.Count;
        var serverOpen = diagnostics is null ? null : await diagnostics.WaitForOpenCircuitsAsync(expected, TimeSpan.FromSeconds(30), ct);
        await progress.WriteLineAsync($"  {opened.Count} open in {openSeconds:F1} s; holding them {options.Settle.TotalSeconds:F0} s before reading memory...");
        await Task.Delay(options.Settle, ct);
        var open = diagnostics is null ? null : await diagnostics.SettledMemoryAsync(ct);

        using (var gate = new SemaphoreSlim(options.OpenParallel * 2))
        {
            await Task.WhenAll(opened.Select(async o =>
            {
                await gate.WaitAsync(ct);
                try
                {
                    await CloseAsync(o.Context);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var afterCounts = diagnostics is null ? null : await diagnostics.WaitForOpenCircuitsAsync(baseline?.Open ?? 0, TimeSpan.FromSeconds(30), ct);
        var after = diagnostics is null ? null : await diagnostics.SettledMemoryAsync(ct);

        var times = opened.Select(o => o.Ms).Order().ToArray();
        return new CircuitReport(
            options.CircuitPage,
            options.Circuits,
            opened.Count,
            failed,
            serverOpen?.Open,
            Math.Round(openSeconds, 1),
            Latency.Percentile(times, 0.5),
            times.Length == 0 ? 0 : Math.Round(times[^1], 1),
            errors.Count,
            failures.Concat(errors).Take(10).ToList(),
            before is null || open is null || after is null || opened.IsEmpty ? null : Memory(before, open, after, opened.Count),
            afterCounts?.Open);
    }

    private static CircuitMemory Memory(ServerMemory before, ServerMemory open, ServerMemory after, int circuits) => new(
        MemoryReading.From(before),
        MemoryReading.From(open),
        MemoryReading.From(after),
        (open.ManagedBytes - before.ManagedBytes) / circuits,
        (open.WorkingSetBytes - before.WorkingSetBytes) / circuits,
        (open.PrivateBytes - before.PrivateBytes) / circuits,
        CircuitMemory.Target);

    private static async Task<(IBrowserContext Context, double Ms)> OpenAsync(IBrowser browser, string url, ConcurrentQueue<string> errors, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        try
        {
            var page = await context.NewPageAsync();
            page.PageError += (_, message) => errors.Enqueue($"page error: {message}");
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    errors.Enqueue($"console error: {message.Text}");
                }
            };
            await page.GotoAsync(url, new PageGotoOptions { Timeout = 60_000 });
            // The layout marks the page once the circuit has rendered it interactively.
            await page.WaitForSelectorAsync("[data-interactive='true']", new PageWaitForSelectorOptions { Timeout = 60_000 });
            if (IsTimeline(url))
            {
                // The axis is drawn by JS interop after the first interactive render.
                await page.WaitForSelectorAsync("#timeline-axis .vis-timeline", new PageWaitForSelectorOptions { Timeout = 60_000 });
            }

            return (context, clock.Elapsed.TotalMilliseconds);
        }
        catch
        {
            await context.CloseAsync();
            throw;
        }
    }

    /// <summary>
    /// Navigating away first lets blazor.web.js tell the server the circuit is done (its unload
    /// beacon); a page killed without it leaves a disconnected circuit kept for minutes.
    /// </summary>
    private static async Task CloseAsync(IBrowserContext context)
    {
        try
        {
            foreach (var page in context.Pages)
            {
                await page.GotoAsync("about:blank");
            }
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static bool IsTimeline(string url) => new Uri(url).AbsolutePath == "/";
}
