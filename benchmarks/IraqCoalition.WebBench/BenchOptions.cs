using System.Globalization;

namespace IraqCoalition.WebBench;

/// <summary>What one run measures; the defaults are issue 12's load (100 clients, 50 circuits), kept short for a shared 2-core machine.</summary>
internal sealed record BenchOptions
{
    public const string DefaultChromium = "/usr/lib/chromium/chromium";

    /// <summary>A running instance to measure; null starts the app's own build on loopback with a fresh database.</summary>
    public Uri? Url { get; init; }

    /// <summary>The <c>Diagnostics:Token</c> a running instance was started with; without it its memory is not measured.</summary>
    public string? DiagnosticsToken { get; init; }

    public int Clients { get; init; } = 100;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Total requests instead of a duration.</summary>
    public int? Requests { get; init; }

    public int WarmupRounds { get; init; } = 2;

    public int Circuits { get; init; } = 50;

    public string CircuitPage { get; init; } = "/";

    /// <summary>Pages opened at once while the circuits are being set up (each costs Chromium a renderer).</summary>
    public int OpenParallel { get; init; } = 5;

    /// <summary>Time left after the last circuit is up, before its memory is read (the axis and list finish loading).</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(5);

    public string ChromiumPath { get; init; } = DefaultChromium;

    public string? ServerDll { get; init; }

    public string? ArticlesDirectory { get; init; }

    public string? JsonPath { get; init; }

    /// <summary>Each client sends its own X-Forwarded-For, so per-visitor limits see 100 visitors, not one.</summary>
    public bool ForwardedFor { get; init; } = true;

    public const string Usage = """
        bench-web: bounded load test of the dashboard on loopback (docs/performance.md)

          dotnet run -c Release --project benchmarks/IraqCoalition.WebBench -- [options]

        Without --url it starts the web app's own build (Production, Kestrel on a free loopback port,
        a fresh SQLite database in a temporary folder seeded with data/articles as on first start).

          --url URL                  measure a running instance instead
          --diagnostics-token TOKEN  that instance's Diagnostics:Token (server memory is read only with it)
          --clients N                concurrent HTTP clients (100; 0 skips the HTTP phase)
          --duration SECONDS         length of the HTTP phase (20)
          --requests N               stop after N requests instead
          --warmup N                 untimed rounds over every page first (2)
          --circuits N               Blazor circuits held open at once in Chromium (50; 0 skips)
          --circuit-page PATH        the page they open (/, the timeline dashboard)
          --open-parallel N          pages opened at once while setting up (5)
          --settle SECONDS           wait after the last circuit is up before reading memory (5)
          --chromium PATH            browser (/usr/lib/chromium/chromium)
          --server-dll PATH          web app to start (default: this build's src/IraqCoalition.Web output)
          --articles DIR             seed articles for the fresh database (default: data/articles)
          --no-forwarded-for         send all requests as one visitor
          --json FILE                also write the report as JSON

        Exit code 0 when nothing failed, 1 when a request, a circuit or a page script failed, 2 on bad usage.
        """;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new BenchUsageException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--url" => o with { Url = Uri.TryCreate(Value(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u : throw new BenchUsageException("--url needs an absolute http(s) URL") },
                "--diagnostics-token" => o with { DiagnosticsToken = Value() },
                "--clients" => o with { Clients = Count(args[i], Value(), 0) },
                "--duration" => o with { Duration = TimeSpan.FromSeconds(Seconds(args[i], Value())) },
                "--requests" => o with { Requests = Count(args[i], Value(), 1) },
                "--warmup" => o with { WarmupRounds = Count(args[i], Value(), 0) },
                "--circuits" => o with { Circuits = Count(args[i], Value(), 0) },
                "--circuit-page" => o with { CircuitPage = Value() is var p && p.StartsWith('/') ? p : throw new BenchUsageException("--circuit-page is a path starting with /") },
                "--open-parallel" => o with { OpenParallel = Count(args[i], Value(), 1) },
                "--settle" => o with { Settle = TimeSpan.FromSeconds(Seconds(args[i], Value())) },
                "--chromium" => o with { ChromiumPath = Value() },
                "--server-dll" => o with { ServerDll = Path.GetFullPath(Value()) },
                "--articles" => o with { ArticlesDirectory = Path.GetFullPath(Value()) },
                "--json" => o with { JsonPath = Path.GetFullPath(Value()) },
                "--no-forwarded-for" => o with { ForwardedFor = false },
                var other => throw new BenchUsageException($"unknown argument {other}"),
            };
        }

        if (o.Url is null && o.DiagnosticsToken is not null)
        {
            throw new BenchUsageException("--diagnostics-token goes with --url (an own server gets a token of its own)");
        }

        return o.Clients == 0 && o.Circuits == 0 ? throw new BenchUsageException("nothing to do: --clients 0 and --circuits 0") : o;
    }

    private static int Count(string name, string value, int min) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min
            ? n
            : throw new BenchUsageException($"{name} needs a whole number of at least {min}");

    private static double Seconds(string name, string value) =>
        double.TryParse(value.TrimEnd('s'), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is >= 0 and <= 3600
            ? s
            : throw new BenchUsageException($"{name} needs seconds between 0 and 3600");
}

internal sealed class BenchUsageException(string message) : Exception(message);
