using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace IraqCoalition.WebBench;

/// <summary>
/// The web app's own build run as a separate process, as it is deployed: its memory is then the
/// server's alone (the load generator and the browser driver live elsewhere), and it starts through
/// its real start-up (migrations, first-start ingestion of the seed articles, first admin).
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 80;

    private readonly Process _process;
    private readonly string _directory;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, string directory, Uri baseAddress, string token)
    {
        _process = process;
        _directory = directory;
        BaseAddress = baseAddress;
        Token = token;
    }

    public Uri BaseAddress { get; }

    /// <summary>The random <c>Diagnostics:Token</c> this run gave the server.</summary>
    public string Token { get; }

    public int ProcessId => _process.Id;

    public static async Task<ServerProcess> StartAsync(BenchOptions options, CancellationToken ct)
    {
        var root = RepositoryRoot();
        var dll = options.ServerDll ?? DefaultServerDll(root);
        if (!File.Exists(dll))
        {
            throw new BenchUsageException($"the web app is not built at {dll}: build the solution (dotnet build IraqCoalition.sln -c Release) or pass --server-dll");
        }

        var articles = options.ArticlesDirectory ?? (root is null ? null : Path.Combine(root, "data", "articles"));
        if (articles is null || !Directory.Exists(articles))
        {
            throw new BenchUsageException($"no seed articles at {articles ?? "data/articles"}: pass --articles DIR");
        }

        var directory = Path.Combine(Path.GetTempPath(), "iqc-bench-web", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            // Run from the project folder when started from a build (as dotnet run does: the content
            // root holds wwwroot), from its own folder when it is a published app.
            WorkingDirectory = ContentRoot(dll),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { dll, "--urls", address.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Default"] = $"Data Source={Path.Combine(directory, "app.db")}";
        start.Environment["Seed__ArticlesDirectory"] = articles;
        start.Environment["Diagnostics__Token"] = token;
        // The file sink (appsettings' second) writes beside the temporary database, not into the repository's logs.
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(directory, "logs", "server-.log");

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var server = new ServerProcess(process, directory, address, token);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilAnsweringAsync(ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The server's last lines of output, for a start that failed.</summary>
    public string OutputTail() => string.Join(Environment.NewLine, _output);

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken ct)
    {
        // Start-up migrates and extracts the seed articles before Kestrel listens: seconds, more under load.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the web app exited with code {_process.ExitCode} before answering:{Environment.NewLine}{OutputTail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "/healthz"), ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // A start-up step held the first request past the client's timeout.
            }

            await Task.Delay(200, ct);
        }

        throw new TimeoutException($"the web app did not answer /healthz within 2 minutes:{Environment.NewLine}{OutputTail()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // Left to the OS; the temporary folder may then stay behind.
            }
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }

    /// <summary>Walks up from the benchmark's output folder (or the working directory) to the folder holding the solution.</summary>
    public static string? RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "IraqCoalition.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>The web app built in the same configuration and framework as this benchmark (its output folder is bin/CONFIG/TFM).</summary>
    private static string DefaultServerDll(string? root)
    {
        if (root is null)
        {
            throw new BenchUsageException("not inside the repository: pass --server-dll and --articles");
        }

        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent?.Name ?? "Release";
        return Path.Combine(root, "src", "IraqCoalition.Web", "bin", configuration, output.Name, "IraqCoalition.Web.dll");
    }

    private static string ContentRoot(string dll)
    {
        var folder = new DirectoryInfo(Path.GetDirectoryName(dll)!);
        return folder.Parent?.Parent is { Name: "bin", Parent: { } project } ? project.FullName : folder.FullName;
    }

    /// <summary>A port free now; another process could take it before the server binds, which then fails loudly.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
