using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Dapper;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Editing;
using IraqCoalition.Data.Storage;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace IraqCoalition.Web.Tests;

/// <summary>GET /api/quality/gold.zip through the whole app: editors download the gold files, no one else does.</summary>
public sealed class GoldExportApiTests(EditingApp app) : IClassFixture<EditingApp>
{
    private static readonly Uri GoldZip = new("/api/quality/gold.zip", UriKind.Relative);

    /// <summary>An editor verifies the joint operations; returns the event's id.</summary>
    private async Task<long> VerifyJointOperationsAsync()
    {
        (long Id, int Version) row;
        await using (var c = await app.Services.GetRequiredService<ConnectionFactory>().OpenAsync(CancellationToken.None))
        {
            row = await c.QuerySingleAsync<(long, int)>("SELECT id, version FROM events WHERE evidence_text = @text", new { text = TestCorpus.JointOpsEvidence });
        }

        var status = await app.ScalarAsync($"SELECT count(*) FROM events WHERE id = {row.Id} AND status = 'verified'");
        if (status == 0)
        {
            await app.Services.GetRequiredService<CorrectionService>()
                .SetEventStatusAsync(new UserContext("eve", Roles.Editor), row.Id, CorrectionService.Verified, row.Version);
        }

        return row.Id;
    }

    [Fact]
    public async Task An_editor_downloads_a_zip_of_the_reviewed_article_with_its_gold_file()
    {
        var verified = await VerifyJointOperationsAsync();
        using var client = await app.SignedInClientAsync(Roles.Editor);

        using var response = await client.GetAsync(GoldZip);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("gold.zip", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        // Named after the seed file the article was read from (the test corpus's first, 00.md).
        Assert.Equal(["00.md", "00.gold.json"], zip.Entries.Select(e => e.FullName));
        using var gold = await JsonDocument.ParseAsync(zip.GetEntry("00.gold.json")!.Open());
        var ev = Assert.Single(gold.RootElement.GetProperty("events").EnumerateArray(), e => e.GetProperty("key").GetString() == $"e-{verified}");
        Assert.True(ev.GetProperty("required").GetBoolean());
        Assert.Equal(TestCorpus.JointOpsEvidence, ev.GetProperty("evidence").GetString());
        using var md = new StreamReader(zip.GetEntry("00.md")!.Open());
        Assert.Contains(TestCorpus.TrainingEvidence, await md.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analysts_get_403_and_anonymous_visitors_401_even_with_anonymous_reading_on()
    {
        await VerifyJointOperationsAsync();
        using var analyst = await app.SignedInClientAsync(Roles.Analyst);
        using var anonymous = app.Client();

        foreach (var (client, status, says) in new[] { (analyst, HttpStatusCode.Forbidden, "(Analyst) may not export gold files"), (anonymous, HttpStatusCode.Unauthorized, "Anonymous visitors may not export gold files") })
        {
            using var response = await client.GetAsync(GoldZip);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains(says, json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }
}
