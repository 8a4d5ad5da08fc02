using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace IraqCoalition.Reporting.Rendering;

/// <summary>
/// Markdown written by users, rendered so that it cannot inject markup: raw HTML is escaped, links
/// keep only http(s), mailto and in-page targets, and images become links (a PDF must not fetch
/// remote files, and the page's policy blocks them anyway).
/// </summary>
public static class SafeMarkdown
{
    // No generic-attributes extension: it would let text set onclick= and style= on elements.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var doc = Markdown.Parse(markdown, Pipeline);
        // The summary sits under the briefing's h1 and its own h2: its headings start at h3.
        foreach (var heading in doc.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + 2);
        }

        foreach (var link in doc.Descendants<LinkInline>())
        {
            link.IsImage = false;
            if (!IsSafeUrl(link.Url))
            {
                link.Url = "#";
            }
        }

        foreach (var auto in doc.Descendants<AutolinkInline>())
        {
            if (!auto.IsEmail && !IsSafeUrl(auto.Url))
            {
                auto.Url = "#";
            }
        }

        return doc.ToHtml(Pipeline);
    }

    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        var u = url.Trim();
        if (u.StartsWith('#'))
        {
            return true;
        }

        return Uri.TryCreate(u, UriKind.Absolute, out var abs) && abs.Scheme is "http" or "https" or "mailto";
    }
}
