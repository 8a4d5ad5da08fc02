using System.Net;
using System.Text.RegularExpressions;
using IraqCoalition.Data.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace IraqCoalition.Web.Tests.Fixtures;

public sealed record TestUser(string Name, string Password, string Role);

/// <summary>Accounts made through the real UserService, and sign-in through the app's real form.</summary>
public static partial class TestUsers
{
    public static async Task<TestUser> CreateAsync(IServiceProvider services, string role)
    {
        var name = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..20];
        var password = UserService.GeneratePassword();
        await services.GetRequiredService<UserService>().CreateAsync(UserContext.System, name, role, password);
        return new TestUser(name, password, role);
    }

    /// <summary>Signs <paramref name="client"/> in as a new administrator.</summary>
    public static async Task SignInAsAdminAsync(HttpClient client, IServiceProvider services)
    {
        var admin = await CreateAsync(services, Roles.Admin);
        (await SignInAsync(client, admin.Name, admin.Password)).Dispose();
    }

    /// <summary>Loads the sign-in page for its antiforgery token and posts the form, as a browser would.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password, string returnUrl = "/")
    {
        var token = await AntiforgeryTokenAsync(client);
        return await client.PostAsync(new Uri("/account/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>The token of the form on <paramref name="path"/>; tokens are bound to who is signed in, so take it from the page the form is on.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path = "/account/login")
    {
        using var page = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var match = TokenPattern().Match(await page.Content.ReadAsStringAsync());
        Assert.True(match.Success, "the sign-in page has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
