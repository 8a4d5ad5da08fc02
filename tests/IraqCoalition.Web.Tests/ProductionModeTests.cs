using System.Net;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IraqCoalition.Web.Tests;

/// <summary>
/// A failure must reach a visitor as a short page with a reference, never as an exception, in every
/// environment the app can be started in; and Production must serve the scripts that make pages interactive.
/// </summary>
public sealed class ProductionModeTests(EditingApp app) : IClassFixture<EditingApp>
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    [InlineData("Staging")]
    public async Task A_page_that_fails_shows_a_reference_and_no_exception_to_anonymous_visitors(string environment)
    {
        await using var host = app.Configure(new WebApplicationFactory<Program>(), allowAnonymousRead: true, environment);
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        // A real fault, not a simulated one: the search page's table is gone, so its query throws SqliteException.
        await app.ScalarAsync("DROP TABLE IF EXISTS search_index");
        using var response = await client.GetAsync(new Uri("/search?q=Iraq", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong", body, StringComparison.Ordinal);
        Assert.Contains("error-reference", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("search_index", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at IraqCoalition", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_serves_the_framework_and_MudBlazor_scripts()
    {
        await using var host = app.Configure(new WebApplicationFactory<Program>(), allowAnonymousRead: true, "Production");
        using var client = host.CreateClient();

        foreach (var path in new[] { "/_framework/blazor.web.js", "/_content/MudBlazor/MudBlazor.min.js", "/lib/vis-timeline/vis-timeline-graph2d.min.js" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode} in Production");
        }
    }

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Development", true)]
    public async Task Circuit_errors_are_detailed_only_in_Development(string environment, bool detailed)
    {
        await using var host = app.Configure(new WebApplicationFactory<Program>(), allowAnonymousRead: true, environment);

        Assert.Equal(detailed, host.Services.GetRequiredService<IOptions<CircuitOptions>>().Value.DetailedErrors);
    }
}
