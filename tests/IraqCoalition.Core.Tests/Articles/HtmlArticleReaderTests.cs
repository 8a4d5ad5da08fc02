using System.Text;
using IraqCoalition.Core.Articles;

namespace IraqCoalition.Core.Tests.Articles;

public sealed class HtmlArticleReaderTests
{
    private const string Page = """
        <!DOCTYPE html>
        <html lang="en-US"><head>
          <title>Site | Lavrov visits Baghdad</title>
          <meta property="og:title" content="Lavrov visits Baghdad">
          <meta property="og:site_name" content="Example Wire">
          <meta property="article:published_time" content="2019-10-08T09:30:00Z">
          <link rel="canonical" href="https://example.org/lavrov">
          <style>p { color: red }</style>
          <script>document.write("<p>injected</p>"); alert('x')</script>
        </head><body>
          <nav><a href="/">Home</a> <a href="/world">World</a></nav>
          <header>Breaking news banner</header>
          <article>
            <h1>Lavrov visits Baghdad</h1>
            <p>BAGHDAD &mdash; Russian Foreign Minister Sergey Lavrov arrived in Baghdad on Monday.</p>
            <p>Lavrov   met with   Prime Minister Adel Abdul-Mahdi.<script>steal()</script></p>
            <aside>Read more: unrelated story</aside>
            <form><input value="subscribe"></form>
          </article>
          <footer>Copyright</footer>
        </body></html>
        """;

    [Fact]
    public void Keeps_the_story_and_drops_scripts_styles_and_page_furniture()
    {
        var a = HtmlArticleReader.Parse(Page, "page.html");

        Assert.Equal("Lavrov visits Baghdad\nBAGHDAD \u2014 Russian Foreign Minister Sergey Lavrov arrived in Baghdad on Monday.\nLavrov met with Prime Minister Adel Abdul-Mahdi.", a.Body);
        Assert.DoesNotContain("injected", a.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("steal", a.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Home", a.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("unrelated", a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_comes_from_open_graph_and_article_tags()
    {
        var a = HtmlArticleReader.Parse(Page);
        Assert.Equal("Lavrov visits Baghdad", a.Title);
        Assert.Equal("Example Wire", a.Source);
        Assert.Equal("https://example.org/lavrov", a.Url);
        Assert.Equal(new DateOnly(2019, 10, 8), a.Published);
        Assert.Equal("en", a.Language);
    }

    [Fact]
    public void Html_bytes_are_detected_by_the_article_reader()
    {
        var a = ArticleReader.FromBytes(Encoding.UTF8.GetBytes(Page), "upload");
        Assert.StartsWith("Lavrov visits Baghdad\nBAGHDAD", a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_with_only_scripts_is_refused_as_empty()
    {
        var ex = Assert.Throws<ArticleReadException>(() => ArticleReader.FromBytes(Encoding.UTF8.GetBytes("<html><body><script>x()</script></body></html>"), "x.html"));
        Assert.Contains("empty", ex.Reason, StringComparison.Ordinal);
    }
}
