using System.Text.Json.Serialization;

namespace IraqCoalition.WebBench;

/// <summary>One run's figures; written as text by <see cref="ReportWriter"/> and as JSON with --json.</summary>
internal sealed record BenchReport(
    string Target,
    bool OwnServer,
    DateTimeOffset StartedAt,
    int Cores,
    string LoadAverageStart,
    string LoadAverageEnd,
    HttpReport? Http,
    CircuitReport? Circuits)
{
    /// <summary>Failed requests, circuits that did not open and script errors in the pages.</summary>
    public int Failures => (Http?.Overall.Errors ?? 0) + (Circuits is { } c ? c.Failed + c.BrowserErrors : 0);
}

/// <param name="Statuses">Responses by status code; "exception" counts requests that got none.</param>
internal sealed record LatencySummary(
    int Requests,
    double PerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    int Errors,
    IReadOnlyDictionary<string, int> Statuses,
    string? FirstError);

internal sealed record PageResult(string Name, string Path, LatencySummary Stats);

internal sealed record HttpReport(
    int Clients,
    double Seconds,
    int WarmupRounds,
    bool ForwardedFor,
    IReadOnlyList<PageResult> Pages,
    LatencySummary Overall,
    double? ServerCpuSeconds,
    long? ServerPeakWorkingSetBytes);

internal sealed record MemoryReading(long ManagedBytes, long WorkingSetBytes, long PrivateBytes, int OpenCircuits)
{
    public static MemoryReading From(ServerMemory m) => new(m.ManagedBytes, m.WorkingSetBytes, m.PrivateBytes, m.Circuits.Open);
}

internal sealed record CircuitMemory(
    MemoryReading Before,
    MemoryReading Open,
    MemoryReading AfterClose,
    long PerCircuitManagedBytes,
    long PerCircuitWorkingSetBytes,
    long PerCircuitPrivateBytes,
    long TargetBytes)
{
    /// <summary>Issue 12: steady-state memory per open dashboard under 500 KB (of 1,024 bytes).</summary>
    public const long Target = 500 * 1024;

    [JsonPropertyName("met")]
    public bool Met => PerCircuitManagedBytes < TargetBytes;
}

/// <param name="ServerOpen">Circuits the server counted while all pages were open (null without diagnostics).</param>
/// <param name="ServerOpenAfterClose">Circuits still counted after the pages navigated away and closed.</param>
internal sealed record CircuitReport(
    string Page,
    int Requested,
    int Opened,
    int Failed,
    int? ServerOpen,
    double OpenSeconds,
    double OpenP50Ms,
    double OpenMaxMs,
    int BrowserErrors,
    IReadOnlyList<string> ErrorSamples,
    CircuitMemory? Memory,
    int? ServerOpenAfterClose);
