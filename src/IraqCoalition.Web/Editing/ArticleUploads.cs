using IraqCoalition.Core.Articles;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Ingestion;
using IraqCoalition.Web.Security;

namespace IraqCoalition.Web.Editing;

/// <summary>What an editor sets by hand; blank fields keep what the file itself says (front matter or HTML meta).</summary>
public sealed record UploadMetadata
{
    public string? Title { get; init; }
    public string? Source { get; init; }
    public string? Url { get; init; }
    public DateOnly? Published { get; init; }
}

/// <summary>One file or pasted text: what ingestion found, or why it was refused.</summary>
public sealed record UploadOutcome(string Origin, IngestionResult? Result, string? Error);

/// <summary>
/// Ingestion and re-extraction from the browser and the HTTP API. The data layer's ingestion is also
/// used by the CLI and start-up seeding (trusted callers), so the role check for web callers is here.
/// </summary>
public sealed class ArticleUploads(IngestionService ingestion, WorkLimits limits, ILogger<ArticleUploads> logger)
{
    public static int MaxBytes => ArticleReader.DefaultMaxBytes;

    public async Task<UploadOutcome> IngestAsync(UserContext user, ReadOnlyMemory<byte> bytes, string origin, UploadMetadata metadata, CancellationToken ct = default)
    {
        Authorization.Require(user, Roles.Editor, "add articles");
        ArgumentNullException.ThrowIfNull(metadata);
        Article article;
        try
        {
            article = ArticleReader.FromBytes(bytes.Span, origin, MaxBytes);
        }
        catch (ArticleReadException ex)
        {
            return new UploadOutcome(origin, null, ex.Reason);
        }

        article = article with
        {
            Title = Blank(metadata.Title) ?? article.Title,
            Source = Blank(metadata.Source) ?? article.Source,
            Url = Blank(metadata.Url) ?? article.Url,
            Published = metadata.Published ?? article.Published,
        };
        if (Blank(metadata.Url) is { } url && ArticleUrl.Safe(url) is null)
        {
            return new UploadOutcome(origin, null, $"'{url}' is not an absolute http:// or https:// URL");
        }

        // Waits in line with the API's and other editors' uploads; throws ServerBusyException when the line is full.
        using var lease = await limits.AcquireAsync(WorkKind.Ingest, user, ct);
        try
        {
            return new UploadOutcome(origin, await ingestion.IngestAsync(article, user.UserName, ct), null);
        }
        catch (ExtractionTimeoutException ex)
        {
            return new UploadOutcome(origin, null, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One bad article must not end the editor's session or the rest of a batch; the log keeps the details.
            logger.LogError(ex, "Ingesting {Origin} uploaded by {UserName} failed", origin, user.UserName);
            return new UploadOutcome(origin, null, $"could not be processed ({ex.GetType().Name}: {ex.Message})");
        }
    }

    public async Task<int> ReextractAllAsync(UserContext user, IProgress<IngestionProgress>? progress, CancellationToken ct = default)
    {
        Authorization.Require(user, Roles.Editor, "re-extract all articles");
        using var lease = await limits.AcquireAsync(WorkKind.Reextract, user, ct);
        return await ingestion.ReextractAllAsync(user.UserName, progress, ct);
    }

    /// <summary>
    /// Reads at most <see cref="MaxBytes"/> from <paramref name="stream"/>: a declared length is not
    /// trusted, so the copy itself stops one byte past the limit.
    /// </summary>
    public static async Task<byte[]> ReadLimitedAsync(Stream stream, string origin, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new ArticleReadException(origin, TooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static string TooLarge => $"is over the {MaxBytes / 1024 / 1024} MiB limit for one article";

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
