using System.Net;
using System.Text.Json;
using IraqCoalition.Web.Diagnostics;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IraqCoalition.Web.Tests;

/// <summary>The load benchmark's memory endpoint exists only with a configured token and answers only that token.</summary>
public sealed class BenchDiagnosticsTests(EditingApp app) : IClassFixture<EditingApp>
{
    private const string Token = "bench-token-0123456789abcdef";

    [Fact]
    public async Task Without_a_configured_token_the_endpoints_do_not_exist()
    {
        using var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, BenchDiagnostics.MemoryPath);
        request.Headers.Add(BenchDiagnostics.TokenHeader, Token);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task With_a_token_it_answers_that_token_only_with_the_memory_after_a_full_collection()
    {
        await using var factory = app.Configure(new(), allowAnonymousRead: false, settings: new Dictionary<string, string> { [BenchDiagnostics.TokenKey] = Token });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var wrong in new[] { null, "bench-token-0123456789abcdeX", Token[..^1] })
        {
            using var refused = new HttpRequestMessage(HttpMethod.Get, BenchDiagnostics.MemoryPath);
            if (wrong is not null)
            {
                refused.Headers.Add(BenchDiagnostics.TokenHeader, wrong);
            }

            // A 404, which this app (anonymous reading off) turns into a redirect to sign-in: nothing to see.
            using var answer = await client.SendAsync(refused);
            Assert.NotEqual(HttpStatusCode.OK, answer.StatusCode);
            Assert.DoesNotContain("managedBytes", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, BenchDiagnostics.MemoryPath);
        request.Headers.Add(BenchDiagnostics.TokenHeader, Token);
        using var response = await client.SendAsync(request);

        // Anonymous reading is off here: the token, not an account, is what lets the benchmark in.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var managed = json.RootElement.GetProperty("managedBytes").GetInt64();
        Assert.InRange(managed, 1_000_000, json.RootElement.GetProperty("committedBytes").GetInt64());
        Assert.True(json.RootElement.GetProperty("workingSetBytes").GetInt64() > managed);
        Assert.Equal(0, json.RootElement.GetProperty("circuits").GetProperty("open").GetInt32());
    }

    [Fact]
    public void A_short_token_stops_the_start_rather_than_protect_the_endpoint_weakly()
    {
        var factory = app.Configure(new(), allowAnonymousRead: true, settings: new Dictionary<string, string> { [BenchDiagnostics.TokenKey] = "short" });

        var error = Assert.Throws<InvalidOperationException>(() => factory.Server);

        Assert.Contains(BenchDiagnostics.TokenKey, error.Message, StringComparison.Ordinal);
        factory.Dispose();
    }
}
