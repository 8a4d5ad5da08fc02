using IraqCoalition.Data.Health;

namespace IraqCoalition.Web.Health;

public sealed class DatabaseHealthProbe(DatabaseHealth database) : IHealthProbe
{
    public string Component => HealthReporter.DatabaseComponent;

    public async Task<ComponentHealth> CheckAsync(CancellationToken cancellationToken)
    {
        var report = await database.CheckAsync(cancellationToken);
        return report.Healthy
            ? new ComponentHealth(ComponentHealth.Ok, null, report.ToDictionary())
            : new ComponentHealth(ComponentHealth.Failing, report.Error, report.ToDictionary());
    }
}
