using IraqCoalition.Data;
using IraqCoalition.Data.Briefings;
using IraqCoalition.Reporting.Pdf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IraqCoalition.Reporting.Tests;

/// <summary>The registration a Blazor page relies on: options from configuration, one PDF renderer per container.</summary>
public sealed class ServiceRegistrationTests : IAsyncLifetime
{
    private readonly BriefingDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Reporting_services_resolve_with_options_from_configuration()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Reporting:ChromiumPath"] = "/opt/none/chromium",
            ["Reporting:HandlingMarking"] = "NATO RESTRICTED",
            ["Reporting:MaxEvents"] = "2",
        }).Build();
        var services = new ServiceCollection()
            .AddIraqCoalitionData(_db.Factory.ConnectionString)
            .AddIraqCoalitionReporting(config);
        await using var provider = services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<PdfRenderer>(), provider.GetRequiredService<PdfRenderer>());
        var exporter = provider.GetRequiredService<BriefingExporter>();
        Assert.Equal("Chromium not found at /opt/none/chromium; install it with: apt-get install -y chromium", exporter.PdfStatus.Message);

        var doc = await exporter.ComposeAsync(new Briefing { Title = "t", Dyads = [Dyad.Parse("IRQ-USA")] });
        Assert.Equal("NATO RESTRICTED", doc.HandlingMarking);
        Assert.Equal(2, doc.Events.Count);
        Assert.True(doc.EventsTruncated);
    }

    [Fact]
    public void Bad_numbers_in_configuration_are_refused_with_the_key_named()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MaxEvents"] = "many" }).Build();
        var ex = Assert.Throws<FormatException>(() => ReportingServiceCollectionExtensions.FromConfiguration(config));
        Assert.Contains("Reporting:MaxEvents", ex.Message, StringComparison.Ordinal);
    }
}
