using System.Globalization;

namespace IraqCoalition.Core.Articles;

/// <summary>
/// Splits a Markdown/text article into YAML-style front matter (flat <c>key: value</c> pairs between
/// <c>---</c> lines) and body. A full YAML parser would accept far more than articles ever carry and
/// would make the body offset harder to pin down; the contract fixes offsets to the body text.
/// </summary>
public static class FrontMatter
{
    public static Article Parse(string text, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var warnings = new List<string>();
        var body = text;
        if (StartsWithFence(text, 0, out var afterOpen))
        {
            var pos = afterOpen;
            while (pos < text.Length)
            {
                var lineEnd = text.IndexOf('\n', pos);
                var next = lineEnd < 0 ? text.Length : lineEnd + 1;
                var line = text[pos..(lineEnd < 0 ? text.Length : lineEnd)].TrimEnd('\r');
                if (line.Trim() == "---")
                {
                    body = text[next..];
                    break;
                }

                var colon = line.IndexOf(':');
                if (colon > 0)
                {
                    var key = line[..colon].Trim();
                    var value = Unquote(line[(colon + 1)..].Trim());
                    fields[key] = value;
                }
                else if (line.Trim().Length > 0)
                {
                    warnings.Add($"front matter line '{Shorten(line.Trim())}' ignored: it is not 'key: value'");
                }

                pos = next;
                if (pos >= text.Length)
                {
                    // No closing fence: this was not front matter after all.
                    fields.Clear();
                    warnings.Clear();
                    warnings.Add("the text starts with '---' but has no closing '---' line: read it all as the body, with no front matter");
                    body = text;
                }
            }
        }

        var extra = fields
            .Where(kv => !Known.Contains(kv.Key))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
        var url = Get(fields, "url");
        if (url is not null && ArticleUrl.Safe(url) is null)
        {
            warnings.Add(ArticleUrl.Ignored(url));
        }

        var date = Get(fields, "published") ?? Get(fields, "date");
        var published = ParseDate(date);
        if (date is not null && published is null)
        {
            warnings.Add($"published date '{Shorten(date)}' ignored: write it as yyyy-mm-dd");
        }

        return new Article
        {
            Body = body,
            Title = Get(fields, "title"),
            Source = Get(fields, "source"),
            Url = ArticleUrl.Safe(url),
            Published = published,
            Warnings = warnings,
            Language = Get(fields, "language") ?? "en",
            Origin = origin,
            Extra = extra,
        };
    }

    public static DateOnly? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto)
            ? DateOnly.FromDateTime(dto.UtcDateTime)
            : null;
    }

    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "title", "source", "url", "published", "date", "language",
    };

    private static string? Get(Dictionary<string, string> fields, string key) =>
        fields.TryGetValue(key, out var v) && v.Length > 0 ? v : null;

    private static string Shorten(string v) => v.Length <= 60 ? v : v[..60] + "…";

    private static string Unquote(string v) =>
        v.Length >= 2 && ((v[0] == '"' && v[^1] == '"') || (v[0] == '\'' && v[^1] == '\'')) ? v[1..^1] : v;

    private static bool StartsWithFence(string text, int pos, out int afterLine)
    {
        afterLine = 0;
        var lineEnd = text.IndexOf('\n', pos);
        if (lineEnd < 0)
        {
            return false;
        }

        if (text[pos..lineEnd].TrimEnd('\r').Trim() != "---")
        {
            return false;
        }

        afterLine = lineEnd + 1;
        return true;
    }
}
