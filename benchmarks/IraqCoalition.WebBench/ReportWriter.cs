using System.Globalization;

namespace IraqCoalition.WebBench;

/// <summary>The report as a reader wants it: one table for the pages, one block for the circuits.</summary>
internal static class ReportWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task WriteAsync(BenchReport report, TextWriter w)
    {
        await w.WriteLineAsync(F($"bench-web against {report.Target}"));
        await w.WriteLineAsync(F($"started {report.StartedAt:yyyy-MM-dd HH:mm:ss zzz}, {report.Cores} cores, load average {report.LoadAverageStart} at start, {report.LoadAverageEnd} at end"));
        if (report.Http is { } http)
        {
            await WriteHttpAsync(http, w);
        }

        if (report.Circuits is { } circuits)
        {
            await WriteCircuitsAsync(circuits, w);
        }

        await w.WriteLineAsync();
        await w.WriteLineAsync(report.Failures == 0 ? "no errors" : F($"{report.Failures} error(s): see above"));
    }

    private static async Task WriteHttpAsync(HttpReport http, TextWriter w)
    {
        await w.WriteLineAsync();
        await w.WriteLineAsync(F($"HTTP: {http.Clients} concurrent clients for {http.Seconds:F1} s after {http.WarmupRounds} warm-up round(s); {(http.ForwardedFor ? "one X-Forwarded-For address per client" : "all as one visitor")}"));
        await w.WriteLineAsync(F($"{"page",-22} {"path",-42} {"requests",9} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"errors",7}"));
        foreach (var p in http.Pages)
        {
            await w.WriteLineAsync(Row(p.Name, p.Path, p.Stats));
        }

        await w.WriteLineAsync(Row("all pages", "", http.Overall));
        foreach (var p in http.Pages.Where(p => p.Stats.Errors > 0))
        {
            await w.WriteLineAsync(F($"  {p.Name}: {string.Join(", ", p.Stats.Statuses.Select(s => $"{s.Key} x{s.Value}"))}; first: {p.Stats.FirstError}"));
        }

        if (http.ServerCpuSeconds is { } cpu)
        {
            var perRequest = http.Overall.Requests == 0 ? 0 : cpu * 1000 / http.Overall.Requests;
            await w.WriteLineAsync(F($"server: {cpu:F1} CPU s ({perRequest:F1} ms of CPU per request), peak working set {Mib(http.ServerPeakWorkingSetBytes ?? 0)}"));
        }
    }

    private static async Task WriteCircuitsAsync(CircuitReport c, TextWriter w)
    {
        await w.WriteLineAsync();
        var seen = c.ServerOpen is { } open ? F($", the server counted {open} open") : "";
        await w.WriteLineAsync(F($"Circuits: {c.Opened} of {c.Requested} dashboards ({c.Page}) open at once in Chromium{seen}; opening took {c.OpenSeconds:F1} s (p50 {c.OpenP50Ms:F0} ms, max {c.OpenMaxMs:F0} ms per page)"));
        if (c.Failed > 0 || c.BrowserErrors > 0)
        {
            await w.WriteLineAsync(F($"  {c.Failed} did not open, {c.BrowserErrors} script error(s) in the pages:"));
            foreach (var e in c.ErrorSamples)
            {
                await w.WriteLineAsync($"    {e}");
            }
        }

        if (c.Memory is not { } m)
        {
            await w.WriteLineAsync("  server memory not measured (no diagnostics token: start the instance with Diagnostics__Token and pass --diagnostics-token)");
            return;
        }

        await w.WriteLineAsync(F($"{"server memory",-28} {"before",12} {"all open",12} {"per circuit",12} {"after close",12}"));
        await w.WriteLineAsync(MemoryRow("managed heap after full GC", m.Before.ManagedBytes, m.Open.ManagedBytes, m.PerCircuitManagedBytes, m.AfterClose.ManagedBytes));
        await w.WriteLineAsync(MemoryRow("working set", m.Before.WorkingSetBytes, m.Open.WorkingSetBytes, m.PerCircuitWorkingSetBytes, m.AfterClose.WorkingSetBytes));
        await w.WriteLineAsync(MemoryRow("private bytes", m.Before.PrivateBytes, m.Open.PrivateBytes, m.PerCircuitPrivateBytes, m.AfterClose.PrivateBytes));
        await w.WriteLineAsync(F($"  circuits counted: {m.Before.OpenCircuits} before, {m.Open.OpenCircuits} open, {c.ServerOpenAfterClose} after closing"));
        await w.WriteLineAsync(F($"  per open dashboard: {Kib(m.PerCircuitManagedBytes)} of managed heap; target under {Kib(m.TargetBytes)}: {(m.Met ? "met" : "NOT met")}"));
    }

    private static string Row(string name, string path, LatencySummary s) =>
        F($"{name,-22} {Cut(path, 42),-42} {s.Requests,9:N0} {s.PerSecond,8:F1} {s.P50Ms,8:F1} {s.P95Ms,8:F1} {s.P99Ms,8:F1} {s.MaxMs,8:F1} {s.Errors,7:N0}");

    private static string MemoryRow(string name, long before, long open, long perCircuit, long after) =>
        F($"{name,-28} {Mib(before),12} {Mib(open),12} {Kib(perCircuit),12} {Mib(after),12}");

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    private static string Mib(long bytes) => F($"{bytes / 1024.0 / 1024.0:F1} MiB");

    private static string Kib(long bytes) => F($"{bytes / 1024.0:F0} KB");

    private static string F(FormattableString text) => text.ToString(Invariant);
}
