using System.Net;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IraqCoalition.Web.Tests;

/// <summary>
/// Two servers over one database, as behind a load balancer: the sign-in cookie one issues is valid
/// on the other because the Data Protection key ring lives in the database, not on either machine.
/// </summary>
public sealed class SharedKeyRingTests(EditingApp app) : IClassFixture<EditingApp>
{
    private static readonly Uri GoldZip = new("/api/quality/gold.zip", UriKind.Relative);

    [Fact]
    public async Task A_cookie_from_one_server_is_honoured_by_another_and_only_through_the_shared_ring()
    {
        var editor = await TestUsers.CreateAsync(app.Services, Roles.Editor);
        var cookie = await SignInCookieAsync(app.Factory, editor);
        Assert.True(await app.ScalarAsync("SELECT count(*) FROM data_protection_keys") > 0, "the key ring is not in the database");

        await using (var other = app.Configure(new WebApplicationFactory<Program>(), allowAnonymousRead: true))
        {
            Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(other, cookie));
        }

        // Without the database's ring a new server cannot read the cookie: it came from there, not from a folder.
        await app.ScalarAsync("DELETE FROM data_protection_keys");
        await using var fresh = app.Configure(new WebApplicationFactory<Program>(), allowAnonymousRead: true);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithCookieAsync(fresh, cookie));
    }

    private static async Task<string> SignInCookieAsync(WebApplicationFactory<Program> host, TestUser user)
    {
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await TestUsers.SignInAsync(client, user.Name, user.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var set = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(Auth.AuthSetup.CookieName + "=", StringComparison.Ordinal));
        return set.Split(';')[0];
    }

    private static async Task<HttpStatusCode> StatusWithCookieAsync(WebApplicationFactory<Program> host, string cookie)
    {
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, GoldZip);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
