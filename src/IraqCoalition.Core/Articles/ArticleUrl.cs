namespace IraqCoalition.Core.Articles;

/// <summary>
/// The "original" link of an article becomes an <c>href</c> on the article page: only absolute http
/// and https URLs are kept, because <c>javascript:</c>, <c>data:</c> and their look-alikes would run
/// or show the sender's content on this site when a reader clicks it.
/// </summary>
public static class ArticleUrl
{
    /// <summary>The URL when it is an absolute http(s) URL with a host, otherwise null.</summary>
    public static string? Safe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        // Control characters and whitespace inside are how "java\tscript:" gets past naive checks.
        var trimmed = url.Trim();
        if (trimmed.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return null;
        }

        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Host.Length > 0
            ? trimmed
            : null;
    }

    /// <summary>The warning for a URL that <see cref="Safe"/> refused.</summary>
    public static string Ignored(string url) =>
        $"url '{(url.Length <= 80 ? url : url[..80] + "…")}' ignored: only absolute http:// and https:// links are kept";
}
