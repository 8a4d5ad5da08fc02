using IraqCoalition.Core.Articles;

namespace IraqCoalition.Core.Tests.Articles;

/// <summary>Only absolute http(s) links may become the article page's "original" link, whichever reader found them.</summary>
public sealed class ArticleUrlTests
{
    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java\nscript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.org/a")]
    [InlineData("//evil.example/a")]
    [InlineData("/relative/path")]
    [InlineData("http://")]
    [InlineData("https://exa mple.org/")]
    public void Unsafe_or_relative_links_are_refused(string url) => Assert.Null(ArticleUrl.Safe(url));

    [Theory]
    [InlineData("https://apnews.com/article/iraq-russia", "https://apnews.com/article/iraq-russia")]
    [InlineData("  http://example.org/a?b=c#d ", "http://example.org/a?b=c#d")]
    [InlineData("HTTPS://EXAMPLE.ORG/A", "HTTPS://EXAMPLE.ORG/A")]
    public void Absolute_http_and_https_links_are_kept_as_written(string url, string expected) => Assert.Equal(expected, ArticleUrl.Safe(url));

    [Fact]
    public void Front_matter_drops_an_unsafe_url_and_says_so()
    {
        var a = FrontMatter.Parse("---\ntitle: T\nurl: javascript:alert(1)\n---\nBody.");

        Assert.Null(a.Url);
        Assert.Contains(a.Warnings, w => w.Contains("javascript:alert(1)", StringComparison.Ordinal) && w.Contains("http", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_drops_an_unsafe_og_url_and_says_so()
    {
        var a = HtmlArticleReader.Parse("""
            <html><head><meta property="og:url" content="data:text/html,hi"></head>
            <body><article><p>Baghdad hosted talks on Monday.</p></article></body></html>
            """, "page.html");

        Assert.Null(a.Url);
        Assert.Single(a.Warnings);
    }
}
