using IraqCoalition.Core.Articles;

namespace IraqCoalition.Core.Extraction;

/// <summary>
/// Reads one article and returns what it says: actors, statements, events and temporal expressions,
/// every one anchored to character spans in <see cref="Article.Body"/>. Implementations are
/// thread-safe and hold no per-article state, so one instance serves the web app and the CLI.
/// </summary>
public interface IExtractionPipeline
{
    /// <param name="article">The article; <see cref="Article.Published"/> anchors relative dates.</param>
    /// <param name="fallbackPublished">Used when the article carries no published date.</param>
    ExtractionResult Extract(Article article, DateOnly? fallbackPublished = null);

    /// <summary>Identifies the rules and dictionaries in use, so stored extractions can be re-run when they change.</summary>
    string Version { get; }
}
