using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace IraqCoalition.Web.Tests;

/// <summary>
/// Sign-in and the HTTP endpoints that change data, through the whole app: the refusal must come from
/// the server, with a clear status and message, and leave the data as it was.
/// </summary>
public sealed class EditingApiTests(EditingApp app) : IClassFixture<EditingApp>
{
    public static TheoryData<string, string, string> MutatingRequests => new()
    {
        { "POST", "/api/articles", """{"text":"Baghdad hosted talks on Monday.","title":"Talks"}""" },
        { "POST", "/api/articles/reextract", "{}" },
        { "POST", "/api/actors/1/tags", """{"name":"coalition"}""" },
        { "DELETE", "/api/actors/1/tags/1", "" },
    };

    [Theory]
    [MemberData(nameof(MutatingRequests))]
    public async Task Anonymous_callers_get_401_with_a_problem_and_nothing_changes(string method, string path, string body)
    {
        await EnsureTaggedActorAsync();
        using var client = app.Client();
        var before = await app.FingerprintAsync();

        using var response = await SendAsync(client, method, path, body);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Anonymous visitors may not", await DetailAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await app.FingerprintAsync());
    }

    [Theory]
    [MemberData(nameof(MutatingRequests))]
    public async Task Analysts_get_403_with_a_problem_and_nothing_changes(string method, string path, string body)
    {
        await EnsureTaggedActorAsync();
        var analyst = await TestUsers.CreateAsync(app.Services, Roles.Analyst);
        using var client = app.Client();
        using (var signIn = await TestUsers.SignInAsync(client, analyst.Name, analyst.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        var before = await app.FingerprintAsync();

        using var response = await SendAsync(client, method, path, body);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains($"{analyst.Name} (Analyst) may not", await DetailAsync(response), StringComparison.Ordinal);
        Assert.Contains("Editor role", await DetailAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await app.FingerprintAsync());
    }

    [Fact]
    public async Task An_editor_tags_and_untags_an_actor_and_uploads_an_article_once()
    {
        var editor = await TestUsers.CreateAsync(app.Services, Roles.Editor);
        using var client = app.Client();
        (await TestUsers.SignInAsync(client, editor.Name, editor.Password)).Dispose();
        var articles = await app.ScalarAsync("SELECT count(*) FROM articles");

        using var tagged = await client.PostAsJsonAsync(new Uri("/api/actors/2/tags", UriKind.Relative), new { name = "editor-made" });
        Assert.Equal(HttpStatusCode.OK, tagged.StatusCode);
        var tagId = await app.ScalarAsync("SELECT id FROM tags WHERE name = 'editor-made'");
        Assert.Equal(1, await app.ScalarAsync($"SELECT count(*) FROM actor_tags WHERE actor_id = 2 AND tag_id = {tagId}"));
        Assert.Equal(1, await app.ScalarAsync($"SELECT count(*) FROM audit_log WHERE action = 'actor.tag' AND entity_id = 2 AND user_name = '{editor.Name}'"));

        using var untagged = await client.DeleteAsync(new Uri($"/api/actors/2/tags/{tagId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, untagged.StatusCode);
        Assert.Equal(0, await app.ScalarAsync($"SELECT count(*) FROM actor_tags WHERE actor_id = 2 AND tag_id = {tagId}"));

        // The scripted extraction knows the corpus by title, so the upload reuses a corpus article under its own title.
        var corpus = TestCorpus.Articles[0].Article;
        var upload = new { text = corpus.Body + "\n\nUpdated.", title = corpus.Title, source = "Upload Wire", fileName = "update.md" };
        using var created = await client.PostAsJsonAsync(new Uri("/api/articles", UriKind.Relative), upload);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var again = await client.PostAsJsonAsync(new Uri("/api/articles", UriKind.Relative), upload);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var json = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("duplicate").GetBoolean());
        Assert.Equal(articles + 1, await app.ScalarAsync("SELECT count(*) FROM articles"));
        Assert.Equal(editor.Name, await ScalarTextAsync("SELECT ingested_by FROM articles ORDER BY id DESC LIMIT 1"));
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("data:text/html,hi")]
    [InlineData("/relative")]
    public async Task An_upload_with_a_link_that_is_not_http_is_refused(string url)
    {
        using var client = await app.SignedInClientAsync(Roles.Editor);
        var before = await app.FingerprintAsync();

        using var response = await client.PostAsJsonAsync(new Uri("/api/articles", UriKind.Relative),
            new { text = TestCorpus.Articles[0].Article.Body + "\n\nLinked.", title = TestCorpus.Articles[0].Article.Title, url });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("http", await DetailAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await app.FingerprintAsync());
    }

    [Fact]
    public async Task Uploads_over_the_size_limit_are_refused_with_the_limit_named()
    {
        var editor = await TestUsers.CreateAsync(app.Services, Roles.Editor);
        using var client = app.Client();
        (await TestUsers.SignInAsync(client, editor.Name, editor.Password)).Dispose();
        var before = await app.FingerprintAsync();

        using var response = await client.PostAsJsonAsync(new Uri("/api/articles", UriKind.Relative),
            new { text = new string('a', Core.Articles.ArticleReader.DefaultMaxBytes + 1), fileName = "huge.txt" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("huge.txt", await DetailAsync(response), StringComparison.Ordinal);
        Assert.Contains("limit", await DetailAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await app.FingerprintAsync());
    }

    [Fact]
    public async Task A_demoted_editor_is_refused_on_the_next_request()
    {
        var editor = await TestUsers.CreateAsync(app.Services, Roles.Editor);
        using var client = app.Client();
        (await TestUsers.SignInAsync(client, editor.Name, editor.Password)).Dispose();
        var users = app.Services.GetRequiredService<UserService>();
        var id = (await users.ListAsync(UserContext.System)).Single(u => u.UserName == editor.Name).Id;

        await users.SetRoleAsync(UserContext.System, id, Roles.Analyst);
        using var response = await client.PostAsJsonAsync(new Uri("/api/actors/1/tags", UriKind.Relative), new { name = "too-late" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await app.ScalarAsync("SELECT count(*) FROM tags WHERE name = 'too-late'"));
    }

    [Fact]
    public async Task Wrong_password_redirects_back_with_the_error_and_sets_no_cookie()
    {
        var editor = await TestUsers.CreateAsync(app.Services, Roles.Editor);
        using var client = app.Client();

        using var response = await TestUsers.SignInAsync(client, editor.Name, "not-the-password", "/actors");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login?error=failed", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".IraqCoalition.Auth=", StringComparison.Ordinal)));
        var page = await client.GetStringAsync(response.Headers.Location);
        Assert.Contains("Sign-in failed: wrong user name or password", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password()
    {
        var editor = await TestUsers.CreateAsync(app.Services, Roles.Editor);
        using var client = app.Client();
        for (var i = 0; i < UserService.MaxFailedLogins - 1; i++)
        {
            using var failed = await TestUsers.SignInAsync(client, editor.Name, "wrong-password-123");
            Assert.Contains("error=failed", failed.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        using var locking = await TestUsers.SignInAsync(client, editor.Name, "wrong-password-123");
        using var right = await TestUsers.SignInAsync(client, editor.Name, editor.Password);

        // The answer is the one for a wrong password (it must not tell a stranger the name exists); the lock is in the database.
        Assert.StartsWith("/account/login?error=failed", locking.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.StartsWith("/account/login?error=failed", right.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.False(right.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".IraqCoalition.Auth=", StringComparison.Ordinal)));
        Assert.Equal(1, await app.ScalarAsync($"SELECT count(*) FROM users WHERE user_name = '{editor.Name}' AND lockout_until IS NOT NULL"));
        var page = await client.GetStringAsync(right.Headers.Location);
        Assert.Contains("15 minutes", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_while_another_process_holds_the_write_lock_says_the_server_is_busy()
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.Editor);
        await using var host = app.Configure(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>(), allowAnonymousRead: true,
            settings: new Dictionary<string, string> { ["ConnectionStrings:Default"] = $"Data Source={app.DatabasePath};Default Timeout=1" });
        using var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await TestUsers.AntiforgeryTokenAsync(client);
        await using var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await holder.OpenAsync();
        await Dapper.SqlMapper.ExecuteAsync(holder, "BEGIN IMMEDIATE");

        using var response = await client.PostAsync(new Uri("/account/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user.Name,
            ["password"] = user.Password,
            ["__RequestVerificationToken"] = token,
        }));
        await Dapper.SqlMapper.ExecuteAsync(holder, "ROLLBACK");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login?error=busy", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_name_a_locked_and_a_disabled_account_get_the_answer_of_a_wrong_password()
    {
        var locked = await TestUsers.CreateAsync(app.Services, Roles.Editor);
        var disabled = await TestUsers.CreateAsync(app.Services, Roles.Editor);
        await app.ScalarAsync($"UPDATE users SET lockout_until = '2999-01-01T00:00:00.000Z' WHERE user_name = '{locked.Name}'");
        await app.ScalarAsync($"UPDATE users SET disabled = 1 WHERE user_name = '{disabled.Name}'");
        using var client = app.Client();

        foreach (var (name, password) in new[] { ("nobody-at-all", "whatever-123456"), (locked.Name, locked.Password), (disabled.Name, disabled.Password) })
        {
            using var response = await TestUsers.SignInAsync(client, name, password);
            Assert.Equal($"/account/login?error=failed&user={name}&returnUrl=%2F", response.Headers.Location?.OriginalString);
        }
    }

    [Theory]
    [InlineData("/actors?tag=1", "/actors?tag=1")]
    [InlineData("//evil.example/phish", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    public async Task Sign_in_returns_only_to_local_addresses(string returnUrl, string expected)
    {
        var analyst = await TestUsers.CreateAsync(app.Services, Roles.Analyst);
        using var client = app.Client();

        using var response = await TestUsers.SignInAsync(client, analyst.Name, analyst.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".IraqCoalition.Auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sign_in_without_the_antiforgery_token_is_refused_before_the_password_is_checked()
    {
        var analyst = await TestUsers.CreateAsync(app.Services, Roles.Analyst);
        using var client = app.Client();

        using var response = await client.PostAsync(new Uri("/account/signin", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = analyst.Name, ["password"] = analyst.Password }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login?error=expired", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".IraqCoalition.Auth=", StringComparison.Ordinal)));
        Assert.Equal(0, await app.ScalarAsync($"SELECT count(*) FROM users WHERE user_name = '{analyst.Name}' AND last_login_at IS NOT NULL"));
    }

    [Fact]
    public async Task Signed_in_pages_show_edit_controls_only_to_editors()
    {
        var analyst = await TestUsers.CreateAsync(app.Services, Roles.Analyst);
        var editor = await TestUsers.CreateAsync(app.Services, Roles.Editor);
        using var analystClient = app.Client();
        using var editorClient = app.Client();
        (await TestUsers.SignInAsync(analystClient, analyst.Name, analyst.Password)).Dispose();
        (await TestUsers.SignInAsync(editorClient, editor.Name, editor.Password)).Dispose();

        var asAnalyst = await analystClient.GetStringAsync(new Uri("/actors/1", UriKind.Relative));
        var asEditor = await editorClient.GetStringAsync(new Uri("/actors/1", UriKind.Relative));

        Assert.Contains($"{analyst.Name} · Analyst", asAnalyst, StringComparison.Ordinal);
        Assert.DoesNotContain("Edit this actor", asAnalyst, StringComparison.Ordinal);
        Assert.DoesNotContain("tag-picker", asAnalyst, StringComparison.Ordinal);
        Assert.Contains("Edit this actor", asEditor, StringComparison.Ordinal);
        Assert.Contains("tag-picker", asEditor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_anonymous_reading_off_pages_redirect_to_sign_in_and_the_api_answers_401()
    {
        await using var closed = app.Configure(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>(), allowAnonymousRead: false);
        using var client = closed.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var analyst = await TestUsers.CreateAsync(closed.Services, Roles.Analyst);

        using var home = await client.GetAsync(new Uri("/actors", UriKind.Relative));
        using var api = await client.PostAsJsonAsync(new Uri("/api/actors/1/tags", UriKind.Relative), new { name = "closed" });
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("http://localhost/account/login?ReturnUrl=%2Factors", home.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        (await TestUsers.SignInAsync(client, analyst.Name, analyst.Password)).Dispose();
        using var signedIn = await client.GetAsync(new Uri("/actors", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    private async Task EnsureTaggedActorAsync()
    {
        // The DELETE case needs tag 1 on actor 1 to exist, so that "nothing changed" is a real claim.
        if (await app.ScalarAsync("SELECT count(*) FROM actor_tags WHERE actor_id = 1 AND tag_id = 1") == 0)
        {
            var tags = app.Services.GetRequiredService<Data.Tags.TagService>();
            if (await app.ScalarAsync("SELECT count(*) FROM tags WHERE id = 1") == 0)
            {
                await tags.CreateAsync(UserContext.System, "seeded");
            }

            await tags.AddToActorAsync(UserContext.System, 1, 1);
        }
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body.Length > 0)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request);
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("detail").GetString() ?? "";
    }

    private async Task<string?> ScalarTextAsync(string sql)
    {
        await using var c = await app.Services.GetRequiredService<Data.Storage.ConnectionFactory>().OpenAsync(CancellationToken.None);
        return await Dapper.SqlMapper.ExecuteScalarAsync<string>(c, sql);
    }
}
