using System.Text.Json;
using IraqCoalition.WebBench;

namespace IraqCoalition.Web.Tests;

/// <summary>
/// bench-web with tiny numbers, end to end: it starts the web app's own build in a process of its own,
/// loads every main page, holds real circuits open in Chromium and reads the server's memory.
/// </summary>
public sealed class WebBenchTests
{
    [Fact]
    public async Task A_small_run_against_its_own_server_reports_no_errors_and_sane_figures()
    {
        var json = Path.Combine(Path.GetTempPath(), "iqc-web-tests", $"bench-web-{Guid.NewGuid():N}.json");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await BenchWeb.RunAsync(
            ["--clients", "4", "--requests", "96", "--warmup", "1", "--circuits", "2", "--settle", "1", "--json", json], stdout, stderr);

        Assert.True(code == BenchWeb.Ok, $"exit code {code}{Environment.NewLine}{stdout}{Environment.NewLine}{stderr}");
        Assert.Contains("no errors", stdout.ToString(), StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        File.Delete(json);
        var root = report.RootElement;
        Assert.True(root.GetProperty("ownServer").GetBoolean());

        var http = root.GetProperty("http");
        var overall = http.GetProperty("overall");
        Assert.Equal(96, overall.GetProperty("requests").GetInt32());
        Assert.Equal(0, overall.GetProperty("errors").GetInt32());
        Assert.True(overall.GetProperty("perSecond").GetDouble() > 0);
        var pages = http.GetProperty("pages").EnumerateArray().ToList();
        Assert.Contains(pages, p => p.GetProperty("path").GetString()!.StartsWith("/actors/", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.GetProperty("path").GetString()!.StartsWith("/articles/", StringComparison.Ordinal));
        foreach (var page in pages)
        {
            var stats = page.GetProperty("stats");
            var name = page.GetProperty("name").GetString();
            Assert.True(stats.GetProperty("requests").GetInt32() > 0, $"{name} was not requested");
            Assert.Equal(["200"], stats.GetProperty("statuses").EnumerateObject().Select(s => s.Name));
            double P(string p) => stats.GetProperty(p).GetDouble();
            Assert.True(0 < P("p50Ms") && P("p50Ms") <= P("p95Ms") && P("p95Ms") <= P("p99Ms") && P("p99Ms") <= P("maxMs"), $"{name}: percentiles out of order");
        }

        var circuits = root.GetProperty("circuits");
        Assert.Equal(2, circuits.GetProperty("opened").GetInt32());
        Assert.Equal(0, circuits.GetProperty("failed").GetInt32());
        Assert.Equal(0, circuits.GetProperty("browserErrors").GetInt32());
        // The server's own count: the pages really hold circuits, and closing them really ends them.
        Assert.Equal(2, circuits.GetProperty("serverOpen").GetInt32());
        Assert.Equal(0, circuits.GetProperty("serverOpenAfterClose").GetInt32());
        var memory = circuits.GetProperty("memory");
        Assert.True(memory.GetProperty("before").GetProperty("managedBytes").GetInt64() > 10_000_000);
        Assert.InRange(memory.GetProperty("perCircuitManagedBytes").GetInt64(), 1, 50_000_000);
    }
}
