using IraqCoalition.Core.Articles;
using IraqCoalition.Core.Extraction;

namespace IraqCoalition.Web.Tests.Fixtures;

/// <summary>An actor a test article names, found in the body by its exact surface forms.</summary>
public sealed record ActorSpec(string Id, string Name, string Kind, string? Country, params string[] SurfaceForms);

public sealed record EventSpec(
    string Evidence, string Code, string Root, string Label, double Goldstein, int QuadClass,
    string? Source, string? Target, string Date, string? DateText = null, string Precision = "day", string? Start = null, string? End = null);

public sealed record StatementSpec(string Speaker, string Content, bool Direct);

public sealed record ScriptedArticle(Article Article, IReadOnlyList<ActorSpec> Actors, IReadOnlyList<EventSpec> Events, IReadOnlyList<StatementSpec> Statements);

/// <summary>
/// Extraction with known answers, so page tests do not depend on how good the real extractor is.
/// Everything else (ingestion, SQL, repositories, pages) is the product's own code. Spans are found
/// in the body by text, so they are real offsets into it.
/// </summary>
public sealed class ScriptedPipeline(IReadOnlyList<ScriptedArticle> script) : IExtractionPipeline
{
    public string Version => "scripted-test";

    public ExtractionResult Extract(Article article, DateOnly? fallbackPublished = null)
    {
        // By title: articles read back from seed files carry the same title but may differ in trailing whitespace.
        var entry = script.Single(s => s.Article.Title == article.Title);
        var body = article.Body;
        return new ExtractionResult
        {
            Article = new ArticleInfo { Title = article.Title, Source = article.Source, Published = article.Published?.ToString("yyyy-MM-dd"), Sentences = 1 },
            Actors = entry.Actors.Select(a => new ExtractedActor
            {
                Id = a.Id,
                Name = a.Name,
                Kind = a.Kind,
                Country = a.Country,
                Aliases = a.SurfaceForms.Where(f => f != a.Name).ToList(),
                Mentions = a.SurfaceForms.SelectMany(f => AllSpans(body, f)).ToList(),
            }).ToList(),
            Events = entry.Events.Select(e => new ExtractedEvent
            {
                Code = e.Code,
                Root = e.Root,
                Label = e.Label,
                Goldstein = e.Goldstein,
                QuadClass = e.QuadClass,
                Source = e.Source,
                Target = e.Target,
                Date = new EventDate { Value = e.Date, Start = e.Start ?? e.Date, End = e.End ?? e.Date, Precision = e.Precision, Text = e.DateText },
                Evidence = Find(body, e.Evidence),
            }).ToList(),
            Statements = entry.Statements.Select(s =>
            {
                var content = Find(body, s.Content);
                return new ExtractedStatement { Speaker = s.Speaker, Text = s.Content, Direct = s.Direct, Content = new SpanRef(content.Start, content.End), Evidence = content };
            }).ToList(),
            Timexes = entry.Events.Where(e => e.DateText is not null)
                .Select(e => Find(body, e.DateText!))
                .Select(t => new ExtractedTimex { Start = t.Start, End = t.End, Text = t.Text, Type = "DATE", Value = "2020" })
                .ToList(),
        };
    }

    private static TextSpan Find(string body, string text)
    {
        var at = body.IndexOf(text, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException($"Test script error: '{text}' is not in the article.");
        }

        return new TextSpan { Start = at, End = at + text.Length, Text = text };
    }

    private static IEnumerable<TextSpan> AllSpans(string body, string text)
    {
        for (var at = body.IndexOf(text, StringComparison.Ordinal); at >= 0; at = body.IndexOf(text, at + text.Length, StringComparison.Ordinal))
        {
            yield return new TextSpan { Start = at, End = at + text.Length, Text = text };
        }
    }
}
