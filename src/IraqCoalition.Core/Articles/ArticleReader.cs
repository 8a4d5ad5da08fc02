using System.Text;

namespace IraqCoalition.Core.Articles;

/// <summary>Raised when input cannot become an article; the message is fit to show a user as is.</summary>
public sealed class ArticleReadException(string origin, string reason)
    : Exception($"{origin}: {reason}")
{
    public string Origin { get; } = origin;
    public string Reason { get; } = reason;
}

/// <summary>
/// Turns raw bytes into an <see cref="Article"/>, refusing what is not article text with a reason a
/// user can act on. Decoding is strict: a replacement character silently inserted into the body
/// would shift nothing but would corrupt names, and the user would never learn why.
/// </summary>
public static class ArticleReader
{
    /// <summary>Larger files are almost certainly not a single news article (2 MiB is ~300k words).</summary>
    public const int DefaultMaxBytes = 2 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Article ReadFile(string path, int maxBytes = DefaultMaxBytes)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new ArticleReadException(path, Directory.Exists(path) ? "is a directory, not a file" : "file not found");
            }

            if (info.Length > maxBytes)
            {
                throw new ArticleReadException(path, $"file is {info.Length:N0} bytes, over the {maxBytes:N0}-byte limit for one article");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            throw new ArticleReadException(path, $"cannot be read ({ex.Message})");
        }
        catch (UnauthorizedAccessException)
        {
            throw new ArticleReadException(path, "cannot be read (permission denied)");
        }

        return FromBytes(bytes, path, maxBytes);
    }

    public static Article FromBytes(ReadOnlySpan<byte> bytes, string origin, int maxBytes = DefaultMaxBytes)
    {
        var text = DecodeText(bytes, origin, maxBytes);
        var isHtml = origin.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || origin.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
            || HtmlArticleReader.LooksLikeHtml(text);
        return (isHtml ? HtmlArticleReader.Parse(text, origin) : FrontMatter.Parse(text, origin)) switch
        {
            { Body: var body } when string.IsNullOrWhiteSpace(body) =>
                throw new ArticleReadException(origin, "has no article text (the body is empty)"),
            var article => article,
        };
    }

    /// <summary>Validates and decodes article bytes; shared by file, upload and paste paths.</summary>
    public static string DecodeText(ReadOnlySpan<byte> bytes, string origin, int maxBytes = DefaultMaxBytes)
    {
        if (bytes.Length == 0)
        {
            throw new ArticleReadException(origin, "is empty");
        }

        if (bytes.Length > maxBytes)
        {
            throw new ArticleReadException(origin, $"is {bytes.Length:N0} bytes, over the {maxBytes:N0}-byte limit for one article");
        }

        if (bytes.IndexOf((byte)0) >= 0)
        {
            throw new ArticleReadException(origin, "is binary, not text (it contains NUL bytes)");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new ArticleReadException(origin, $"is not valid UTF-8 (invalid byte at offset {ex.Index}); save it as UTF-8 and try again");
        }

        var control = 0;
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                control++;
            }
        }

        if (control > Math.Max(8, text.Length / 100))
        {
            throw new ArticleReadException(origin, "looks binary, not text (too many control characters)");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArticleReadException(origin, "is empty (only whitespace)");
        }

        return text;
    }
}
