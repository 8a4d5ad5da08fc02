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

    [Fact]
    public async Task Reader_layers_are_told_apart_by_style_and_events_are_not_boxed()
    {
        var page = await app.OpenAsync("/articles", width: 1280, height: 900);
        await page.Locator("[data-article-id] a", new() { HasText = "Soleimani killed" }).ClickAsync();
        await Assertions.Expect(page.Locator(".article-body mark.hl-event").First).ToBeVisibleAsync();

        var style = await page.EvaluateAsync<string[][]>("""
            ['hl-event', 'hl-actor', 'hl-date', 'hl-statement'].map(k => {
              // The mark with the fewest other layers on it (every date of this article is inside an event's sentence).
              const s = getComputedStyle([...document.querySelectorAll('.article-body mark.' + k)].sort((a, b) => a.classList.length - b.classList.length)[0]);
              return [s.backgroundColor, s.textDecorationLine, s.boxShadow, s.fontStyle];
            })
            """);
        var (evt, actor, date, statement) = (style[0], style[1], style[2], style[3]);
        Assert.Equal("rgba(0, 0, 0, 0)", evt[0]);
        Assert.Equal("underline", evt[1]);
        Assert.NotEqual("rgba(0, 0, 0, 0)", actor[0]);
        Assert.Equal("rgba(0, 0, 0, 0)", date[0]);
        Assert.NotEqual("none", date[2]);
        Assert.Equal("italic", statement[3]);
        var margin = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.article-body p.has-event')).borderLeftColor");
        Assert.Equal("rgb(229, 57, 53)", margin);
    }
}
