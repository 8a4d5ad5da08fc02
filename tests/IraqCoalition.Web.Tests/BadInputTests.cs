using System.Net;
using System.Text;
using System.Text.Json;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Web.Tests.Fixtures;

namespace IraqCoalition.Web.Tests;

/// <summary>Values that do not parse are the caller's mistake: 400 with the reason, never 500.</summary>
public sealed class BadInputTests(EditingApp app) : IClassFixture<EditingApp>
{
    [Theory]
    [InlineData("/search?q=Iraq&page=abc", "page")]
    [InlineData("/?quad=1.5", "quad")]
    [InlineData("/?actor=x", "actor")]
    [InlineData("/?event=99999999999999999999", "event")]
    [InlineData("/statements?direct=maybe", "direct")]
    [InlineData("/articles/1?start=abc", "start")]
    [InlineData("/actors?tag=1e3", "tag")]
    [InlineData("/articles?PAGE=two", "page")]
    public async Task A_query_value_of_the_wrong_type_is_a_400_naming_the_parameter(string url, string parameter)
    {
        using var client = app.Client();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"&#39;{parameter}&#39;", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/search?q=Iraq&page=2")]
    [InlineData("/?quad=")]
    [InlineData("/?quad=4&actor=1")]
    [InlineData("/statements?direct=true")]
    public async Task Values_of_the_right_type_or_empty_ones_still_open_the_page(string url)
    {
        using var client = app.Client();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/actors/1/tags", "{not json")]
    [InlineData("/api/actors/1/tags", """{"tagId":"abc"}""")]
    [InlineData("/api/articles", """{"text":"Baghdad.","published":"yesterday"}""")]
    [InlineData("/api/articles", """{"text":""")]
    public async Task Malformed_JSON_is_a_400_problem(string path, string json)
    {
        using var client = await app.SignedInClientAsync(Roles.Editor);
        var before = await app.FingerprintAsync();

        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("JSON", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await app.FingerprintAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_a_415_problem()
    {
        using var client = await app.SignedInClientAsync(Roles.Editor);

        using var response = await client.PostAsync(new Uri("/api/actors/1/tags", UriKind.Relative), new StringContent("name=x", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
