using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace IraqCoalition.Core.Articles;

/// <summary>
/// Reduces an HTML page to its article text: scripts, styles, navigation, headers, footers, forms
/// and asides are dropped; the title, author-facing metadata (og:, article:published_time) and the
/// paragraphs of the main content become an <see cref="Article"/> whose body is plain text, one
/// paragraph per line, so spans index it like any other article.
/// </summary>
public static class HtmlArticleReader
{
    private static readonly string[] Noise =
    [
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "form", "button", "input",
        "select", "textarea", "nav", "header", "footer", "aside", "figure", "menu", "dialog",
        "[role=navigation]", "[role=banner]", "[role=contentinfo]", "[aria-hidden=true]", "[hidden]",
    ];

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "TD", "TH", "DT", "DD", "DIV", "SECTION", "ARTICLE", "BR",
    };

    public static bool LooksLikeHtml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var head = text.AsSpan(0, Math.Min(text.Length, 2048)).TrimStart();
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith("<", StringComparison.Ordinal) && head.Contains("<p", StringComparison.OrdinalIgnoreCase));
    }

    public static Article Parse(string html, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        var doc = new HtmlParser().ParseDocument(html);
        foreach (var selector in Noise)
        {
            foreach (var el in doc.QuerySelectorAll(selector).ToList())
            {
                el.Remove();
            }
        }

        // The <article> (or <main>) element holds the story on most news sites; fall back to the body.
        var root = (IElement?)doc.QuerySelector("article") ?? doc.QuerySelector("main") ?? doc.Body;
        var sb = new StringBuilder();
        if (root is not null)
        {
            AppendText(root, sb);
        }

        var body = string.Join('\n', sb.ToString().Split('\n').Select(l => Collapse(l)).Where(l => l.Length > 0));
        string? Meta(string name) =>
            doc.QuerySelector($"meta[property='{name}']")?.GetAttribute("content")
            ?? doc.QuerySelector($"meta[name='{name}']")?.GetAttribute("content");
        var title = Meta("og:title") ?? doc.QuerySelector("h1")?.TextContent ?? doc.Title;
        var url = Meta("og:url") ?? doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
        return new Article
        {
            Warnings = url is not null && ArticleUrl.Safe(url) is null ? [ArticleUrl.Ignored(url)] : [],
            Body = body,
            Title = string.IsNullOrWhiteSpace(title) ? null : Collapse(title),
            Source = Meta("og:site_name") ?? Meta("author"),
            Url = ArticleUrl.Safe(url),
            Published = FrontMatter.ParseDate(Meta("article:published_time") ?? Meta("date") ?? doc.QuerySelector("time[datetime]")?.GetAttribute("datetime")),
            Language = doc.DocumentElement.GetAttribute("lang") is { Length: >= 2 } lang ? lang[..2].ToLowerInvariant() : "en",
            Origin = origin,
        };
    }

    private static void AppendText(INode node, StringBuilder sb)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                sb.Append(text.Data);
            }
            else if (child is IElement el)
            {
                var block = Blocks.Contains(el.TagName);
                if (block)
                {
                    sb.Append('\n');
                }

                if (el.TagName != "BR")
                {
                    AppendText(el, sb);
                }

                if (block)
                {
                    sb.Append('\n');
                }
            }
        }
    }

    private static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var ch in s)
        {
            if (char.IsWhiteSpace(ch))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }
}
