using System.Text.Json;
using System.Text.Json.Serialization;

namespace IraqCoalition.WebBench;

/// <summary>
/// <c>bench-web</c>: the bounded load test of issue 12. Starts the web app (or takes --url), runs
/// the HTTP phase and then the circuit phase, prints the report and optionally writes it as JSON.
/// </summary>
public static class BenchWeb
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadUsage = 2;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        if (args is ["-h" or "--help" or "help"])
        {
            await stdout.WriteLineAsync(BenchOptions.Usage);
            return Ok;
        }

        try
        {
            var options = BenchOptions.Parse(args);
            var report = await MeasureAsync(options, stderr, ct);
            await ReportWriter.WriteAsync(report, stdout);
            if (options.JsonPath is { } path)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, Json), ct);
            }

            return report.Failures == 0 ? Ok : Failure;
        }
        catch (BenchUsageException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            await stderr.WriteLineAsync("run with --help for usage");
            return BadUsage;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return Failure;
        }
    }

    internal static async Task<BenchReport> MeasureAsync(BenchOptions options, TextWriter progress, CancellationToken ct)
    {
        var started = DateTimeOffset.Now;
        var loadStart = Machine.LoadAverage();
        await using var server = options.Url is null ? await StartServerAsync(options, progress, ct) : null;
        var baseAddress = server?.BaseAddress ?? options.Url!;
        var token = server?.Token ?? options.DiagnosticsToken;

        using var http = new HttpClient(new SocketsHttpHandler
        {
            // Pages only: no cookies (anonymous readers), redirects are answers, one connection per client.
            UseCookies = false,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var diagnostics = token is null ? null : new ServerDiagnostics(http, baseAddress, token);

        HttpReport? httpReport = null;
        if (options.Clients > 0)
        {
            var pages = await BenchPages.DiscoverAsync(http, ct);
            var what = options.Requests is { } n ? $"{n:N0} requests" : $"{options.Duration.TotalSeconds:F0} s";
            await progress.WriteLineAsync($"HTTP phase: {options.Clients} clients, {what}, {pages.Count} pages...");
            var before = diagnostics is null ? null : await diagnostics.MemoryAsync(ct);
            var (results, overall, seconds) = await HttpPhase.RunAsync(http, pages, options, ct);
            var after = diagnostics is null ? null : await diagnostics.MemoryAsync(ct);
            httpReport = new HttpReport(
                options.Clients, seconds, options.WarmupRounds, options.ForwardedFor, results, overall,
                before is null || after is null ? null : Math.Round(after.CpuSeconds - before.CpuSeconds, 1),
                after?.PeakWorkingSetBytes);
        }

        CircuitReport? circuits = null;
        if (options.Circuits > 0)
        {
            await progress.WriteLineAsync($"Circuit phase: {options.Circuits} dashboards in Chromium...");
            circuits = await CircuitPhase.RunAsync(baseAddress, diagnostics, options, progress, ct);
        }

        var target = server is null ? baseAddress.ToString() : $"{baseAddress} (own server, pid {server.ProcessId}: Production build, fresh database seeded on first start)";
        return new BenchReport(target, server is not null, started, Environment.ProcessorCount, loadStart, Machine.LoadAverage(), httpReport, circuits);
    }

    private static async Task<ServerProcess> StartServerAsync(BenchOptions options, TextWriter progress, CancellationToken ct)
    {
        await progress.WriteLineAsync("Starting the web app (migrations and the seed articles on a fresh database)...");
        var server = await ServerProcess.StartAsync(options, ct);
        await progress.WriteLineAsync($"  listening on {server.BaseAddress}");
        return server;
    }
}

internal static class Machine
{
    /// <summary>The 1-, 5- and 15-minute load averages (Linux), or "n/a".</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }
}
