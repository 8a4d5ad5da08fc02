using IraqCoalition.Core.Actors;
using IraqCoalition.Core.Annotation;
using IraqCoalition.Core.Articles;
using IraqCoalition.Core.Events;
using IraqCoalition.Core.Linguistics;
using IraqCoalition.Core.Statements;
using IraqCoalition.Core.Temporal;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Extraction;

/// <summary>
/// The extraction pipeline: annotators over one <see cref="AnnotatedDocument"/> (segment, words,
/// tagger, parser, time expressions, actors, statements and events), then the result in the
/// contract's shape. Holds only immutable models and dictionaries, so one instance serves any
/// number of threads.
/// </summary>
public sealed class ExtractionPipeline : IExtractionPipeline
{
    private const string RulesVersion = "1.0";

    private static readonly Lazy<ActorRecognizer> DefaultRecognizer = new(() => new ActorRecognizer(ActorDictionary.LoadDefault()));
    private static readonly Lazy<string> Fingerprint = new(CameoCodebook.ResourceFingerprint);

    private readonly AnnotationPipeline _stages;

    /// <summary>The shipped dictionaries and rules, loaded once per process.</summary>
    public ExtractionPipeline()
        : this(DefaultRecognizer.Value, TriggerLexicon.Default, CameoCodebook.Default)
    {
    }

    public ExtractionPipeline(ActorRecognizer recognizer, TriggerLexicon lexicon, CameoCodebook codebook)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(codebook);
        var models = LinguisticModels.Default;
        _stages = new AnnotationPipeline(
        [
            new SegmentAnnotator(),
            new WordAnnotator(),
            new TaggerAnnotator(models.Tagger),
            new ParserAnnotator(models.Parser),
            new NameAnnotator(models.Names),
            new TimexAnnotator(),
            new ActorAnnotator(recognizer),
            new RuleCodingAnnotator(lexicon, codebook),
        ]);
    }

    /// <summary>The stages in the order they run.</summary>
    public IReadOnlyList<IAnnotator> Stages => _stages.Stages;

    /// <summary>Rules version plus a hash of the embedded codebook, trigger and dictionary files.</summary>
    public string Version => $"{RulesVersion}+{Fingerprint.Value}";

    public ExtractionResult Extract(Article article, DateOnly? fallbackPublished = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        var published = article.Published ?? fallbackPublished;
        var doc = Annotate(article, fallbackPublished);
        return Write(article, published, doc.Segments, doc.Actors, doc.Statements, doc.Events, doc.Timexes);
    }

    /// <summary>Every layer of the article; <paramref name="timings"/> receives each stage's time.</summary>
    public AnnotatedDocument Annotate(Article article, DateOnly? fallbackPublished = null, Action<IAnnotator, TimeSpan>? timings = null)
    {
        ArgumentNullException.ThrowIfNull(article);

        // Without a publication date relative expressions have no anchor; today is the least wrong guess
        // and the article info says the date was missing (published: null).
        var anchor = article.Published ?? fallbackPublished ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var doc = new AnnotatedDocument(article.Body, anchor);
        _stages.Run(doc, timings);
        return doc;
    }

    private static ExtractionResult Write(
        Article article,
        DateOnly? published,
        TextDocument doc,
        ActorAnalysis actors,
        IReadOnlyList<Statement> statements,
        IReadOnlyList<CodedEvent> events,
        IReadOnlyList<TemporalExpression> timexes)
    {
        var text = doc.Text;
        var ids = new Dictionary<ActorEntity, string>(ReferenceEqualityComparer.Instance);
        var outActors = new List<ExtractedActor>(actors.Actors.Count);
        foreach (var a in actors.Actors)
        {
            var id = "a" + (outActors.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            ids[a] = id;
            outActors.Add(new ExtractedActor
            {
                Id = id,
                Name = a.Name,
                Kind = a.Kind,
                Country = a.Country,
                Title = a.Title,
                Role = a.Role,
                Agent = a.Agent,
                DictionaryKey = a.DictionaryKey,
                Aliases = a.Aliases.ToList(),
                Mentions = a.Mentions.OrderBy(m => m.Span.Start).Select(m => Spanned(text, m.Span)).ToList(),
            });
        }

        string? IdOf(ActorEntity? a) => a is not null && ids.TryGetValue(a, out var id) ? id : null;

        var outStatements = statements.Select(s => new ExtractedStatement
        {
            Speaker = IdOf(s.Speaker),
            Text = s.Text,
            Direct = s.Direct,
            Cue = s.Cue,
            Content = new SpanRef(s.Content.Start, s.Content.End),
            Source = s.SpeakerSpan is { } sp ? new SpanRef(sp.Start, sp.End) : null,
            CueSpan = s.CueSpan is { } cs ? new SpanRef(cs.Start, cs.End) : null,
            Evidence = Spanned(text, s.Evidence),
        }).ToList();

        var fallbackDay = (published ?? DateOnly.FromDateTime(DateTime.UtcNow)).ToString("yyyy-MM-dd");
        var outEvents = events.Select(e => new ExtractedEvent
        {
            Code = e.Code.Code,
            Root = e.Code.Root,
            Label = e.Code.Label,
            Goldstein = e.Code.Goldstein,
            QuadClass = e.Code.QuadClass,
            Source = IdOf(e.Source),
            Target = IdOf(e.Target),
            Date = e.Date ?? new EventDate { Value = fallbackDay, Start = fallbackDay, End = fallbackDay, Precision = "day" },
            Location = e.Location,
            Summary = e.Summary,
            Evidence = Spanned(text, e.Evidence),
            Trigger = Spanned(text, e.Trigger),
            Negated = e.Negated,
            Modality = e.Modality,
            Rule = e.Rule,
        }).ToList();

        return new ExtractionResult
        {
            Article = new ArticleInfo
            {
                Title = article.Title,
                Source = article.Source,
                Published = published?.ToString("yyyy-MM-dd"),
                Sentences = doc.Sentences.Count,
            },
            Actors = outActors,
            Statements = outStatements,
            Events = outEvents,
            Timexes = timexes.Select(t => new ExtractedTimex
            {
                Start = t.Span.Start,
                End = t.Span.End,
                Text = t.Text,
                Type = t.Type,
                Value = t.Value,
            }).ToList(),
        };
    }

    private static TextSpan Spanned(string text, Span span) =>
        new() { Start = span.Start, End = span.End, Text = span.Slice(text) };
}
