using System.Net.Http.Json;
using System.Text.Json;

namespace IraqCoalition.WebBench;

/// <summary>What the server's bench-only diagnostics report (<c>IraqCoalition.Web.Diagnostics.BenchDiagnostics</c>).</summary>
internal sealed record ServerMemory(
    long ManagedBytes,
    long HeapSizeBytes,
    long CommittedBytes,
    long WorkingSetBytes,
    long PrivateBytes,
    long PeakWorkingSetBytes,
    double CpuSeconds,
    int Gen2Collections,
    bool ServerGc,
    ServerCircuits Circuits);

internal sealed record ServerCircuits(int Open, int Connected);

/// <summary>Reads the server's memory (after a full collection, which the server runs) and its circuit counts.</summary>
internal sealed class ServerDiagnostics(HttpClient http, Uri baseAddress, string token)
{
    // Same paths and header as the server's BenchDiagnostics; the benchmark does not reference the web assembly.
    private const string TokenHeader = "X-Diagnostics-Token";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<ServerMemory> MemoryAsync(CancellationToken ct) => GetAsync<ServerMemory>("/_diagnostics/memory", ct);

    public Task<ServerCircuits> CircuitsAsync(CancellationToken ct) => GetAsync<ServerCircuits>("/_diagnostics/circuits", ct);

    /// <summary>The median of a few readings: one full collection can land while a timer or a socket holds a buffer.</summary>
    public async Task<ServerMemory> SettledMemoryAsync(CancellationToken ct, int readings = 3)
    {
        var all = new List<ServerMemory>();
        for (var i = 0; i < readings; i++)
        {
            if (i > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }

            all.Add(await MemoryAsync(ct));
        }

        return all.OrderBy(m => m.ManagedBytes).ElementAt(readings / 2);
    }

    /// <summary>Waits until the server counts <paramref name="open"/> circuits; returns the last count seen.</summary>
    public async Task<ServerCircuits> WaitForOpenCircuitsAsync(int open, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var counts = await CircuitsAsync(ct);
            if (counts.Open == open || DateTime.UtcNow > deadline)
            {
                return counts;
            }

            await Task.Delay(250, ct);
        }
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, path));
        request.Headers.Add(TokenHeader, token);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: is the server's Diagnostics:Token the one given?");
        }

        return await response.Content.ReadFromJsonAsync<T>(Json, ct) ?? throw new InvalidOperationException($"{path} answered nothing");
    }
}
