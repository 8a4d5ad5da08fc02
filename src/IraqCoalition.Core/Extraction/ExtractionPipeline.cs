using IraqCoalition.Core.Articles;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Extraction;

/// <summary>The extraction pipeline: text, then time, actors, statements and events.</summary>
public sealed class ExtractionPipeline : IExtractionPipeline
{
    public string Version => "0.1";

    public ExtractionResult Extract(Article article, DateOnly? fallbackPublished = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        var published = article.Published ?? fallbackPublished;
        var doc = TextSegmenter.Segment(article.Body);
        return new ExtractionResult
        {
            Article = new ArticleInfo
            {
                Title = article.Title,
                Source = article.Source,
                Published = published?.ToString("yyyy-MM-dd"),
                Sentences = doc.Sentences.Count,
            },
        };
    }
}
