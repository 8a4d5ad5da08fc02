using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.Playwright;

namespace IraqCoalition.Web.Tests;

/// <summary>The article list, the reader and the actor page as Chromium lays them out.</summary>
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class ReadingBrowserTests(BrowserApp app)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(800)]
    public async Task Published_dates_on_the_articles_list_stay_on_one_line(int width)
    {
        var page = await app.OpenAsync("/articles", width: width, height: 900);
        await Assertions.Expect(page.Locator("[data-article-id]")).ToHaveCountAsync(TestCorpus.Articles.Count);

        // One line box per cell: a wrapped "2020-01-05" would give the cell's text two client rects.
        var lines = await page.EvaluateAsync<int[]>("""
            [...document.querySelectorAll('.articles-table td.published, .articles-table th.published')].map(td => {
              const range = document.createRange();
              range.selectNodeContents(td);
              return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
            })
            """);
        Assert.Equal(TestCorpus.Articles.Count + 1, lines.Length);
        Assert.All(lines, n => Assert.Equal(1, n));
    }
}
