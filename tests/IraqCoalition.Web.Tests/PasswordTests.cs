using System.Net;
using System.Text;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace IraqCoalition.Web.Tests;

/// <summary>Changing one's password, being made to change a generated one, an admin's reset, and sign-out ending the session.</summary>
public sealed class PasswordTests(EditingApp app) : IClassFixture<EditingApp>
{
    private UserService Users => app.Services.GetRequiredService<UserService>();

    [Fact]
    public async Task A_generated_password_lets_its_owner_do_nothing_but_choose_a_new_one()
    {
        var name = $"first-{Guid.NewGuid():N}"[..16];
        var generated = UserService.GeneratePassword();
        await Users.CreateAsync(UserContext.System, name, Roles.Editor, generated, mustChangePassword: true);
        using var client = app.Client();
        (await TestUsers.SignInAsync(client, name, generated)).Dispose();

        using (var page = await client.GetAsync(new Uri("/actors?tag=1", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/account/password?returnUrl=%2Factors%3Ftag%3D1", page.Headers.Location?.OriginalString);
        }

        using (var api = await client.PostAsync(new Uri("/api/actors/1/tags", UriKind.Relative), new StringContent("""{"name":"x"}""", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        }

        using var changed = await ChangeAsync(client, generated, "a-password-of-my-own", returnUrl: "/actors?tag=1");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/actors?tag=1", changed.Headers.Location?.OriginalString);
        using (var page = await client.GetAsync(new Uri("/actors?tag=1", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        Assert.Equal(SignInOutcome.Failed, (await Users.SignInAsync(name, generated)).Outcome);
        Assert.False((await Users.SignInAsync(name, "a-password-of-my-own")).User!.MustChangePassword);
        Assert.Equal(1, await app.ScalarAsync($"SELECT count(*) FROM audit_log WHERE action = 'user.password.change' AND user_name = '{name}'"));
    }

    [Theory]
    [InlineData("not-the-current-one", "a-long-new-password", "a-long-new-password", "wrong")]
    [InlineData(null, "short", "short", "short")]
    [InlineData(null, "a-long-new-password", "another-long-password", "mismatch")]
    [InlineData(null, null, null, "same")]
    public async Task A_refused_change_says_why_and_keeps_the_password(string? current, string? next, string? confirm, string error)
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.Analyst);
        using var client = app.Client();
        (await TestUsers.SignInAsync(client, user.Name, user.Password)).Dispose();

        using var response = await ChangeAsync(client, current ?? user.Password, next ?? user.Password, confirm ?? next ?? user.Password);

        Assert.StartsWith($"/account/password?error={error}", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(SignInOutcome.Success, (await Users.SignInAsync(user.Name, user.Password)).Outcome);
    }

    [Fact]
    public async Task An_admin_resets_a_password_which_must_then_be_changed_and_the_old_sessions_end()
    {
        var editor = await TestUsers.CreateAsync(app.Services, Roles.Editor);
        var admin = await TestUsers.CreateAsync(app.Services, Roles.Admin);
        using var editorClient = app.Client();
        (await TestUsers.SignInAsync(editorClient, editor.Name, editor.Password)).Dispose();
        var id = (await Users.FindAsync(editor.Name))!.Id;

        var password = await Users.ResetPasswordAsync(new UserContext(admin.Name, Roles.Admin), id);

        // The editor's open session ended with the reset.
        using (var api = await editorClient.PostAsync(new Uri("/api/actors/1/tags", UriKind.Relative), new StringContent("""{"name":"x"}""", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        }

        Assert.Equal(SignInOutcome.Failed, (await Users.SignInAsync(editor.Name, editor.Password)).Outcome);
        Assert.True((await Users.SignInAsync(editor.Name, password)).User!.MustChangePassword);
        Assert.Equal(1, await app.ScalarAsync($"SELECT count(*) FROM audit_log WHERE action = 'user.password.reset' AND entity_id = {id} AND user_name = '{admin.Name}'"));
        await Assert.ThrowsAsync<ForbiddenException>(() => Users.ResetPasswordAsync(new UserContext(editor.Name, Roles.Editor), id));
    }

    [Fact]
    public async Task A_copy_of_the_cookie_is_dead_after_sign_out()
    {
        var editor = await TestUsers.CreateAsync(app.Services, Roles.Editor);
        using var client = app.Client();
        using var signIn = await TestUsers.SignInAsync(client, editor.Name, editor.Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".IraqCoalition.Auth=", StringComparison.Ordinal)).Split(';')[0];
        using var copy = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await TagAsync(copy)).StatusCode);

        var token = await TestUsers.AntiforgeryTokenAsync(client, "/account/password");
        using (await client.PostAsync(new Uri("/account/logout", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = token,
        })))
        {
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await TagAsync(copy)).StatusCode);
    }

    private static Task<HttpResponseMessage> TagAsync(HttpClient client) =>
        client.PostAsync(new Uri("/api/actors/1/tags", UriKind.Relative), new StringContent("""{"name":"cookie-check"}""", Encoding.UTF8, "application/json"));

    private static async Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next, string? confirm = null, string returnUrl = "/")
    {
        var token = await TestUsers.AntiforgeryTokenAsync(client, "/account/password");
        return await client.PostAsync(new Uri("/account/password/change", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["current"] = current,
            ["next"] = next,
            ["confirm"] = confirm ?? next,
            ["returnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = token,
        }));
    }
}
