using System.Text.Json.Serialization;

namespace IraqCoalition.Web.Health;

public sealed record HealthReport(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("checkedAt")] DateTimeOffset CheckedAt,
    [property: JsonPropertyName("components")] IReadOnlyDictionary<string, ComponentHealth> Components)
{
    // File paths tell an attacker where things are; monitors need only the statuses and counts.
    private static readonly HashSet<string> PrivateData = new(StringComparer.Ordinal) { "dataSource", "executablePath" };

    /// <summary>What anyone may see: statuses and counts, without paths and without the details (which name paths).</summary>
    public HealthReport ForPublic() => this with
    {
        Components = Components.ToDictionary(
            c => c.Key,
            c => c.Value with { Detail = null, Data = c.Value.Data?.Where(d => !PrivateData.Contains(d.Key)).ToDictionary(d => d.Key, d => d.Value) }),
    };
}

/// <summary>
/// Builds the /healthz answer. The PDF renderer is listed even before anything renders PDFs, so that
/// a monitor sees it as "not_configured" rather than silently missing.
/// </summary>
public sealed class HealthReporter(IEnumerable<IHealthProbe> probes, TimeProvider clock)
{
    public const string DatabaseComponent = "database";
    public const string PdfRendererComponent = "pdfRenderer";

    private static readonly Dictionary<string, string> ExpectedComponents = new(StringComparer.Ordinal)
    {
        [DatabaseComponent] = "no database probe is registered",
        [PdfRendererComponent] = "no PDF renderer is registered in this build",
    };

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var components = new SortedDictionary<string, ComponentHealth>(StringComparer.Ordinal);
        foreach (var probe in probes)
        {
            try
            {
                components[probe.Component] = await probe.CheckAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                components[probe.Component] = new ComponentHealth(ComponentHealth.Failing, ex.Message);
            }
        }

        foreach (var (name, missing) in ExpectedComponents)
        {
            components.TryAdd(name, ComponentHealth.Unconfigured(missing));
        }

        // Only failures make the service unhealthy (503); a degraded optional component (PDF export
        // without Chromium) keeps it serving, so a load balancer does not take it out of rotation.
        var status = components.Values.Any(c => c.Status == ComponentHealth.Failing) ? "unhealthy"
            : components.Values.Any(c => c.Status == ComponentHealth.Degraded) ? "degraded"
            : "ok";
        return new HealthReport(status, clock.GetUtcNow(), components);
    }
}
