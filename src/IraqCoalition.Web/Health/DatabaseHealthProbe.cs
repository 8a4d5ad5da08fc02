using IraqCoalition.Data.Health;

namespace IraqCoalition.Web.Health;

public sealed class DatabaseHealthProbe(DatabaseHealth database) : IHealthProbe
{
    public string Component => HealthReporter.DatabaseComponent;

    public async Task<ComponentHealth> CheckAsync(CancellationToken cancellationToken)
    {
        var report = await database.CheckAsync(cancellationToken);
        var data = new Dictionary<string, object?>
        {
            ["provider"] = report.Provider,
            ["dataSource"] = report.DataSource,
            ["schemaVersion"] = report.SchemaVersion,
            ["articles"] = report.Articles,
            ["events"] = report.Events,
        };
        return new ComponentHealth(report.Ok ? ComponentHealth.Ok : ComponentHealth.Failing, report.Error, data);
    }
}
