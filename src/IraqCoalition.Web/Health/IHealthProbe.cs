namespace IraqCoalition.Web.Health;

/// <summary>One component reported by /healthz. Components that are not registered are reported as "not_configured".</summary>
public interface IHealthProbe
{
    /// <summary>The key under which the component appears in the JSON report.</summary>
    string Component { get; }

    Task<ComponentHealth> CheckAsync(CancellationToken cancellationToken);
}

public sealed record ComponentHealth(string Status, string? Detail = null, IReadOnlyDictionary<string, object?>? Data = null)
{
    public const string Ok = "ok";
    public const string Failing = "failing";
    public const string NotConfigured = "not_configured";

    public static ComponentHealth Unconfigured(string detail) => new(NotConfigured, detail);
}
