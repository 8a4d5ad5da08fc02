using System.Diagnostics;
using System.Net;

namespace IraqCoalition.WebBench;

/// <summary>
/// Closed-loop clients: each sends one request, reads the whole answer, and sends the next, going
/// round the pages from its own starting point so that every page is under load at every moment.
/// </summary>
internal static class HttpPhase
{
    public static async Task<(IReadOnlyList<PageResult> Pages, LatencySummary Overall, double Seconds)> RunAsync(
        HttpClient http, IReadOnlyList<BenchPage> pages, BenchOptions options, CancellationToken ct)
    {
        for (var round = 0; round < options.WarmupRounds; round++)
        {
            for (var i = 0; i < pages.Count; i++)
            {
                // JIT, SQLite's page cache and prepared statements: untimed, but a broken page stops the run here.
                var sample = await SendAsync(http, pages, i, null, ct);
                if (sample.Failed)
                {
                    throw new InvalidOperationException($"warm-up: {sample.Error}");
                }
            }
        }

        var remaining = options.Requests ?? int.MaxValue;
        var clock = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, options.Clients).Select(client => Task.Run(async () =>
        {
            var samples = new List<Sample>();
            var forwardedFor = options.ForwardedFor ? $"10.77.{client / 250}.{client % 250 + 1}" : null;
            for (var n = 0; ; n++)
            {
                if (options.Requests is null ? clock.Elapsed >= options.Duration : Interlocked.Decrement(ref remaining) < 0)
                {
                    return samples;
                }

                samples.Add(await SendAsync(http, pages, (client + n) % pages.Count, forwardedFor, ct));
            }
        }, ct)).ToList();
        var all = (await Task.WhenAll(clients)).SelectMany(s => s).ToList();
        var seconds = clock.Elapsed.TotalSeconds;

        var results = pages.Select((p, i) => new PageResult(p.Name, p.Path, Latency.Summarize(all.Where(s => s.Page == i).ToList(), seconds))).ToList();
        return (results, Latency.Summarize(all, seconds), Math.Round(seconds, 2));
    }

    private static async Task<Sample> SendAsync(HttpClient http, IReadOnlyList<BenchPage> pages, int index, string? forwardedFor, CancellationToken ct)
    {
        var page = pages[index];
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(page.Path, UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html");
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            // The whole page, as a browser would wait for it: prerendering streams the body.
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            await body.CopyToAsync(Stream.Null, ct);
            var ms = clock.Elapsed.TotalMilliseconds;
            var status = (int)response.StatusCode;
            return new Sample(index, ms, status, status is >= 200 and < 400 ? null : $"{page.Path} answered {status} {(HttpStatusCode)status}");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new Sample(index, clock.Elapsed.TotalMilliseconds, 0, $"{page.Path}: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
