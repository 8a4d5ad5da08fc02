using System.Diagnostics;
using System.Runtime;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace IraqCoalition.Web.Diagnostics;

/// <summary>
/// Memory and circuit counts for the load benchmark (<c>benchmarks/IraqCoalition.WebBench</c>), which
/// must measure the server from outside its process. Off unless <c>Diagnostics:Token</c> is set; the
/// endpoints then answer only requests carrying that token and are 404 to everyone else, so a
/// deployment that never sets it has nothing to find and nobody can force full collections on it.
/// </summary>
public static class BenchDiagnostics
{
    public const string TokenKey = "Diagnostics:Token";
    public const string TokenHeader = "X-Diagnostics-Token";
    public const string MemoryPath = "/_diagnostics/memory";
    public const string CircuitsPath = "/_diagnostics/circuits";

    /// <summary>Short tokens could be guessed by trying; the benchmark makes a random one per run.</summary>
    public const int MinTokenLength = 16;

    public static IServiceCollection AddBenchDiagnostics(this IServiceCollection services, IConfiguration configuration)
    {
        if (Token(configuration) is null)
        {
            return services;
        }

        services.AddSingleton<CircuitTally>();
        services.AddScoped<CircuitHandler, CountingCircuitHandler>();
        return services;
    }

    public static WebApplication MapBenchDiagnostics(this WebApplication app)
    {
        if (Token(app.Configuration) is not { } token)
        {
            return app;
        }

        var expected = Encoding.UTF8.GetBytes(token);
        bool Allowed(HttpRequest request) =>
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(request.Headers[TokenHeader].ToString()), expected);

        app.MapGet(MemoryPath, (HttpRequest request, CircuitTally tally) =>
            Allowed(request) ? Results.Json(MemorySnapshot.AfterFullCollection(tally)) : Results.NotFound()).AllowAnonymous();
        app.MapGet(CircuitsPath, (HttpRequest request, CircuitTally tally) =>
            Allowed(request) ? Results.Json(tally.Snapshot()) : Results.NotFound()).AllowAnonymous();
        return app;
    }

    private static string? Token(IConfiguration configuration)
    {
        var token = configuration[TokenKey];
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        return token.Length >= MinTokenLength
            ? token
            : throw new InvalidOperationException($"{TokenKey} must be at least {MinTokenLength} characters long (or unset, which turns the diagnostics off).");
    }
}

/// <summary>Open circuits (created and not yet evicted) and those with a live connection.</summary>
public sealed class CircuitTally
{
    private int _open;
    private int _connected;

    public void Opened() => Interlocked.Increment(ref _open);

    public void Closed() => Interlocked.Decrement(ref _open);

    public void Up() => Interlocked.Increment(ref _connected);

    public void Down() => Interlocked.Decrement(ref _connected);

    public CircuitCounts Snapshot() => new(Volatile.Read(ref _open), Volatile.Read(ref _connected));
}

public sealed record CircuitCounts(
    [property: JsonPropertyName("open")] int Open,
    [property: JsonPropertyName("connected")] int Connected);

internal sealed class CountingCircuitHandler(CircuitTally tally) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        tally.Opened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        tally.Closed();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        tally.Up();
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        tally.Down();
        return Task.CompletedTask;
    }
}

/// <summary>The process's memory with only live objects left on the managed heap.</summary>
public sealed record MemorySnapshot(
    [property: JsonPropertyName("managedBytes")] long ManagedBytes,
    [property: JsonPropertyName("heapSizeBytes")] long HeapSizeBytes,
    [property: JsonPropertyName("committedBytes")] long CommittedBytes,
    [property: JsonPropertyName("workingSetBytes")] long WorkingSetBytes,
    [property: JsonPropertyName("privateBytes")] long PrivateBytes,
    [property: JsonPropertyName("peakWorkingSetBytes")] long PeakWorkingSetBytes,
    [property: JsonPropertyName("cpuSeconds")] double CpuSeconds,
    [property: JsonPropertyName("gen2Collections")] int Gen2Collections,
    [property: JsonPropertyName("serverGc")] bool ServerGc,
    [property: JsonPropertyName("circuits")] CircuitCounts Circuits)
{
    public static MemorySnapshot AfterFullCollection(CircuitTally tally)
    {
        // Twice, with finalizers run between: objects kept only by finalizable ones (sockets,
        // timers) go in the second pass; compacting the large-object heap makes the committed size mean something.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        using var process = Process.GetCurrentProcess();
        return new MemorySnapshot(
            GC.GetTotalMemory(forceFullCollection: false),
            info.HeapSizeBytes,
            info.TotalCommittedBytes,
            process.WorkingSet64,
            process.PrivateMemorySize64,
            process.PeakWorkingSet64,
            process.TotalProcessorTime.TotalSeconds,
            GC.CollectionCount(2),
            GCSettings.IsServerGC,
            tally.Snapshot());
    }
}
