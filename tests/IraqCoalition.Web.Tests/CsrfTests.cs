using System.Net;
using System.Text;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Web.Tests.Fixtures;

namespace IraqCoalition.Web.Tests;

/// <summary>
/// A page on another site can make a signed-in editor's browser send requests with the editor's
/// cookie; the server must refuse every state change that does not come from its own pages.
/// </summary>
public sealed class CsrfTests(EditingApp app) : IClassFixture<EditingApp>
{
    [Fact]
    public async Task A_form_posted_from_another_origin_does_not_re_extract()
    {
        using var client = await app.SignedInClientAsync(Roles.Editor);
        var before = await app.FingerprintAsync();

        // What a plain <form method=post action=".../api/articles/reextract"> on evil.example sends.
        using var form = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/articles/reextract", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" }),
        };
        form.Headers.Add("Origin", "https://evil.example");
        form.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var refused = await client.SendAsync(form);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("evil.example", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.FingerprintAsync());
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Origin", "http://localhost.evil.example")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task JSON_requests_from_another_site_are_refused(string header, string value)
    {
        using var client = await app.SignedInClientAsync(Roles.Editor);
        var before = await app.FingerprintAsync();

        using var request = Json(HttpMethod.Post, "/api/actors/1/tags", """{"name":"forged"}""");
        request.Headers.Add(header, value);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await app.FingerprintAsync());
    }

    [Fact]
    public async Task A_form_body_without_an_origin_is_refused_as_not_JSON()
    {
        using var client = await app.SignedInClientAsync(Roles.Editor);
        var before = await app.FingerprintAsync();

        using var response = await client.PostAsync(new Uri("/api/articles/reextract", UriKind.Relative), new StringContent("x=1", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(before, await app.FingerprintAsync());
    }

    [Fact]
    public async Task The_same_request_from_this_site_works()
    {
        using var client = await app.SignedInClientAsync(Roles.Editor);

        using var request = Json(HttpMethod.Post, "/api/articles/reextract", "{}");
        request.Headers.Add("Origin", "http://localhost");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/_blazor/negotiate?negotiateVersion=1")]
    [InlineData("/account/logout")]
    public async Task Opening_a_circuit_or_signing_out_from_another_origin_is_refused(string path)
    {
        using var client = await app.SignedInClientAsync(Roles.Editor);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }),
        };
        request.Headers.Add("Origin", "https://evil.example");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, string body) =>
        new(method, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
