using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Articles;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IraqCoalition.Web.Tests;

/// <summary>An app of its own: these tests add and reject items, which the shared app's tests count.</summary>
public sealed class EditorialBrowserApp : BrowserApp;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EditorialBrowserCollection : ICollectionFixture<EditorialBrowserApp>
{
    public const string Name = "Editorial browser";
}

/// <summary>End-to-end in headless Chromium: an editor repairs what the machine missed, from the article itself.</summary>
[Trait("Category", "Browser")]
[Collection(EditorialBrowserCollection.Name)]
public sealed class EditorialBrowserTests(EditorialBrowserApp app)
{
    private const string Missed = "The attack also killed a senior militia leader.";

    [Fact]
    public async Task An_editor_adds_a_missed_event_from_a_selection_in_the_reader_and_sees_it_on_the_timeline()
    {
        var editor = await TestUsers.CreateAsync(app.Services, Roles.Editor);
        var articleId = await ArticleHoldingAsync(Missed);
        var page = await app.SignInAsync(editor, $"/articles/{articleId}");
        await Assertions.Expect(page.Locator(".reader-events")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".reader-events", new() { HasText = "added by an editor" })).ToHaveCountAsync(0);

        // The editor drags over "killed a senior militia leader" in the article text.
        await page.EvaluateAsync("""
            words => {
              const body = document.querySelector('.article-body');
              const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
              for (let t = walker.nextNode(); t; t = walker.nextNode()) {
                const at = t.nodeValue.indexOf(words);
                if (at >= 0) {
                  const range = document.createRange();
                  range.setStart(t, at);
                  range.setEnd(t, at + words.length);
                  const sel = window.getSelection();
                  sel.removeAllRanges();
                  sel.addRange(range);
                  return;
                }
              }
              throw new Error('words not found: ' + words);
            }
            """, "killed a senior militia leader");
        await page.Locator("#add-event-from-selection").ClickAsync();

        var editorPanel = page.Locator("#span-editor");
        await Assertions.Expect(editorPanel.Locator("#span-editor-selection")).ToHaveTextAsync("killed a senior militia leader");
        await editorPanel.Locator("#new-event-code").FillAsync("kill by physical");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "1823" }).ClickAsync();
        await Suggestions.PickAsync(page, editorPanel.GetByRole(AriaRole.Combobox, new() { Name = "Source actor" }), "United States", "United States");
        await editorPanel.Locator("#new-event-location").FillAsync("Baghdad");
        await editorPanel.Locator("#save-span-item").ClickAsync();

        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "Event added" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".reader-events", new() { HasText = "added by an editor" })).ToBeVisibleAsync();

        await page.GotoAsync(new Uri(app.BaseAddress, "/").ToString());
        await page.WaitForSelectorAsync("[data-interactive='true']");
        var row = page.Locator("[data-event-id]", new() { HasText = Missed });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("United States");
    }

    private async Task<long> ArticleHoldingAsync(string text)
    {
        var articles = app.Services.GetRequiredService<ArticleRepository>();
        foreach (var a in (await articles.ListAsync(0, 50)).Items)
        {
            if ((await articles.GetAsync(a.Id))!.Body.Contains(text, StringComparison.Ordinal))
            {
                return a.Id;
            }
        }

        throw new InvalidOperationException($"No article holds '{text}'.");
    }
}
