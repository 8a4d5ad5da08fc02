using IraqCoalition.Reporting.Pdf;

namespace IraqCoalition.Web.Health;

/// <summary>Reports whether briefings can be exported as PDF here, and how to fix it when not.</summary>
public sealed class PdfRendererHealthProbe(PdfRenderer renderer) : IHealthProbe
{
    public string Component => HealthReporter.PdfRendererComponent;

    public Task<ComponentHealth> CheckAsync(CancellationToken cancellationToken)
    {
        var status = renderer.Status();
        var data = new Dictionary<string, object?>
        {
            ["executablePath"] = status.ExecutablePath,
            ["running"] = status.Running,
        };
        return Task.FromResult(new ComponentHealth(status.Available ? ComponentHealth.Ok : ComponentHealth.Degraded, status.Message, data));
    }
}
