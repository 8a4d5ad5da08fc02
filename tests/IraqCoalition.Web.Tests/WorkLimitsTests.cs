using System.Net;
using System.Text;
using System.Threading.RateLimiting;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Web.Security;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IraqCoalition.Web.Tests;

/// <summary>
/// Expensive work beyond its limits is answered "busy, try again" (429, Retry-After, a message), not
/// run. The places are taken through the app's own limiter, as other users' work would take them.
/// </summary>
public sealed class WorkLimitsTests(EditingApp app) : IClassFixture<EditingApp>
{
    [Fact]
    public async Task A_search_while_the_server_runs_its_limit_of_searches_is_a_429_with_a_message_and_works_afterwards()
    {
        await using var host = app.Configure(new WebApplicationFactory<Program>(), allowAnonymousRead: true, settings: new Dictionary<string, string>
        {
            ["Limits:Search:Global"] = "2",
            ["Limits:Search:GlobalQueue"] = "0",
        });
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var limits = host.Services.GetRequiredService<WorkLimits>();

        using (await HoldAsync(limits, WorkKind.Search, 2))
        {
            using var busy = await client.GetAsync(new Uri("/search?q=Iraq", UriKind.Relative));
            Assert.Equal(HttpStatusCode.TooManyRequests, busy.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(WorkLimits.RetryAfterSeconds), busy.Headers.RetryAfter?.Delta);
            Assert.Contains("busy with other searches", await busy.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            // Pages that are not limited still answer.
            using var timeline = await client.GetAsync(new Uri("/articles", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, timeline.StatusCode);
        }

        using var after = await client.GetAsync(new Uri("/search?q=Iraq", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_second_re_extraction_while_one_runs_is_a_429_problem_and_changes_nothing()
    {
        using var client = await app.SignedInClientAsync(Roles.Editor);
        var before = await app.FingerprintAsync();

        using (await HoldAsync(app.Services.GetRequiredService<WorkLimits>(), WorkKind.Reextract, 1))
        {
            using var response = await client.PostAsync(new Uri("/api/articles/reextract", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));

            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("already running", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.NotNull(response.Headers.RetryAfter);
        }

        Assert.Equal(before, await app.FingerprintAsync());
    }

    [Fact]
    public async Task PDF_exports_beyond_the_limit_are_refused_while_other_formats_are_not_limited()
    {
        await using var host = app.Configure(new WebApplicationFactory<Program>(), allowAnonymousRead: true, settings: new Dictionary<string, string>
        {
            ["Limits:Pdf:GlobalQueue"] = "0",
        });
        using var client = host.CreateClient();
        var limits = host.Services.GetRequiredService<WorkLimits>();

        using (await HoldAsync(limits, WorkKind.Pdf, limits[WorkKind.Pdf].Global))
        {
            using var pdf = await client.GetAsync(new Uri("/briefings/999999/export?format=pdf", UriKind.Relative));
            Assert.Equal(HttpStatusCode.TooManyRequests, pdf.StatusCode);
            // The briefing page shows this text as it is.
            Assert.Equal("text/plain", pdf.Content.Headers.ContentType?.MediaType);
            Assert.Contains("busy making other PDFs", await pdf.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using var markdown = await client.GetAsync(new Uri("/briefings/999999/export?format=md", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, markdown.StatusCode);
        }
    }

    /// <summary>Takes <paramref name="count"/> places of <paramref name="kind"/> for other signed-in users; disposing gives them back.</summary>
    private static async Task<IDisposable> HoldAsync(WorkLimits limits, WorkKind kind, int count)
    {
        var leases = new List<RateLimitLease>();
        for (var i = 0; i < count; i++)
        {
            leases.Add(await limits.AcquireAsync(kind, new UserContext($"other-{i}", Roles.Editor), CancellationToken.None));
        }

        return new Leases(leases);
    }

    private sealed class Leases(List<RateLimitLease> leases) : IDisposable
    {
        public void Dispose() => leases.ForEach(l => l.Dispose());
    }
}
