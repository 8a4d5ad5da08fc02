using System.Text.RegularExpressions;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Actors;
using IraqCoalition.Data.Storage;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IraqCoalition.Web.Tests;

/// <summary>End-to-end in headless Chromium: signing in through the real form, editing through the circuit, refusal from the server.</summary>
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class EditorBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task An_editor_signs_in_tags_an_actor_and_filters_the_timeline_by_that_tag()
    {
        var editor = await TestUsers.CreateAsync(app.Services, Roles.Editor);
        var russia = await ActorIdAsync("Russia");
        var page = await app.SignInAsync(editor, $"/actors/{russia}");
        await Assertions.Expect(page.Locator("#signed-in-user")).ToContainTextAsync(editor.Name);

        await page.Locator(".tag-picker input").FillAsync("gulf watch");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Create tag" }).ClickAsync();
        await Assertions.Expect(page.Locator(".actor-tags .mud-chip", new() { HasText = "#gulf watch" })).ToBeVisibleAsync();

        await page.GotoAsync(new Uri(app.BaseAddress, "/").ToString());
        await page.WaitForSelectorAsync("[data-interactive='true']");
        // The tag filter sits with the other filters behind the timeline's "Filters" toggle.
        await page.Locator("#filters-toggle").ClickAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Actor tag" }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "gulf watch" }).ClickAsync();
        await page.Locator("#apply-filters").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]tag=\d+"));
        // Russia is source or target of three corpus events.
        await Assertions.Expect(page.Locator("[data-event-id]")).ToHaveCountAsync(3);
        foreach (var evidence in new[] { TestCorpus.RussiaCriticEvidence, TestCorpus.MeetingEvidence, TestCorpus.OfferEvidence })
        {
            await Assertions.Expect(page.Locator("[data-event-id]", new() { HasText = evidence })).ToHaveCountAsync(1);
        }
    }

    [Fact]
    public async Task An_analyst_sees_no_edit_controls_and_a_direct_request_to_change_data_is_refused()
    {
        var analyst = await TestUsers.CreateAsync(app.Services, Roles.Analyst);
        var iraq = await ActorIdAsync("Iraq");
        var page = await app.SignInAsync(analyst, $"/actors/{iraq}");

        await Assertions.Expect(page.Locator("#signed-in-user")).ToContainTextAsync("Analyst");
        await Assertions.Expect(page.Locator(".actor-tags")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator(".actor-editor")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".tag-picker")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add articles" })).ToHaveCountAsync(0);

        // The browser's own cookies, sent straight to the API: the server refuses, whatever the page shows.
        var response = await page.APIRequest.PostAsync(new Uri(app.BaseAddress, $"/api/actors/{iraq}/tags").ToString(),
            new APIRequestContextOptions { DataObject = new { name = "sneaky" } });

        Assert.Equal(403, response.Status);
        Assert.Contains($"{analyst.Name} (Analyst) may not tag actors", await response.TextAsync(), StringComparison.Ordinal);
        await using var c = await app.Services.GetRequiredService<ConnectionFactory>().OpenAsync(CancellationToken.None);
        Assert.Equal(0, await Dapper.SqlMapper.ExecuteScalarAsync<int>(c, "SELECT count(*) FROM tags WHERE name = 'sneaky'"));

        // Signing out is a form post from the interactive layout; it must carry a valid antiforgery token.
        await page.Locator("#sign-out").ClickAsync();
        await Assertions.Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#signed-in-user")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_editor_uploads_files_and_gets_a_summary_per_file_with_the_duplicate_and_the_refusals()
    {
        var editor = await TestUsers.CreateAsync(app.Services, Roles.Editor);
        var page = await app.SignInAsync(editor, "/ingest");
        var corpus = TestCorpus.Articles[1];
        // Nothing new is stored: the other browser tests share this app and count its events.
        const string scriptOnly = "<html><head><script>track()</script></head><body><script>alert(1)</script></body></html>";
        var duplicate = $"---\ntitle: {corpus.Article.Title}\n---\n{corpus.Article.Body}\n";

        await page.GetByRole(AriaRole.Tab, new() { Name = "Upload files" }).ClickAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "script-only.html", MimeType = "text/html", Buffer = System.Text.Encoding.UTF8.GetBytes(scriptOnly) },
            new FilePayload { Name = "again.md", MimeType = "text/markdown", Buffer = System.Text.Encoding.UTF8.GetBytes(duplicate) },
            new FilePayload { Name = "huge.txt", MimeType = "text/plain", Buffer = new byte[Core.Articles.ArticleReader.DefaultMaxBytes + 1] },
        });
        await page.Locator("#start-ingest").ClickAsync();

        var rows = page.Locator(".ingest-outcome");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Not stored: has no article text");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("not stored again");
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync("over the 2 MiB limit");
        await Assertions.Expect(page.Locator("[aria-label='Ingestion progress']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Choosing_more_than_fifty_files_keeps_the_first_fifty_and_says_so()
    {
        var editor = await TestUsers.CreateAsync(app.Services, Roles.Editor);
        var page = await app.SignInAsync(editor, "/ingest");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Upload files" }).ClickAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(Enumerable.Range(1, 73)
            .Select(i => new FilePayload { Name = $"article-{i:00}.md", MimeType = "text/markdown", Buffer = System.Text.Encoding.UTF8.GetBytes($"Story {i}.") }));

        await Assertions.Expect(page.Locator("#too-many-files")).ToContainTextAsync("You chose 73 files; 50 are ingested at a time");
        await Assertions.Expect(page.Locator(".picked-files .mud-list-item")).ToHaveCountAsync(50);
        await Assertions.Expect(page.Locator(".picked-files")).ToContainTextAsync("article-50.md");
        await Assertions.Expect(page.Locator(".picked-files")).Not.ToContainTextAsync("article-51.md");
    }

    private async Task<long> ActorIdAsync(string name)
    {
        var page = await app.Services.GetRequiredService<ActorRepository>().SearchAsync(new ActorQuery { Text = name });
        return page.Items.Single(a => a.Name == name).Id;
    }
}
