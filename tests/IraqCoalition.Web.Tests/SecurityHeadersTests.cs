using System.Net;
using System.Text.RegularExpressions;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IraqCoalition.Web.Tests;

public sealed partial class SecurityHeadersTests(EditingApp app) : IClassFixture<EditingApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/search?q=Iraq&page=abc")]
    public async Task Pages_carry_one_strict_policy_and_the_other_security_headers(string path)
    {
        using var client = app.Client();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task The_pages_have_no_inline_script_the_policy_would_block()
    {
        using var client = app.Client();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Contains(" src=", s, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Under_HTTPS_the_sign_in_cookie_is_Secure_and_HSTS_is_sent()
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
        });
        var user = await TestUsers.CreateAsync(app.Services, Roles.Analyst);

        using var signIn = await TestUsers.SignInAsync(client, user.Name, user.Password);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".IraqCoalition.Auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=", Assert.Single(signIn.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [GeneratedRegex("<script\\b[^>]*>")]
    private static partial Regex ScriptTag();
}
