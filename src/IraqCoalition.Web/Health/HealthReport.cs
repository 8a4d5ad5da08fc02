using System.Text.Json.Serialization;

namespace IraqCoalition.Web.Health;

public sealed record HealthReport(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("checkedAt")] DateTimeOffset CheckedAt,
    [property: JsonPropertyName("components")] IReadOnlyDictionary<string, ComponentHealth> Components);

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

        // Only failures make the service unhealthy; an optional component that is not configured does not.
        var status = components.Values.Any(c => c.Status == ComponentHealth.Failing) ? "unhealthy" : "ok";
        return new HealthReport(status, clock.GetUtcNow(), components);
    }
}
