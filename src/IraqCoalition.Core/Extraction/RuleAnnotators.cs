using IraqCoalition.Core.Actors;
using IraqCoalition.Core.Annotation;
using IraqCoalition.Core.Events;
using IraqCoalition.Core.Statements;
using IraqCoalition.Core.Temporal;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Extraction;

/// <summary>Paragraphs, sentences, the tokens, quotations and dateline: the one tokeniser's pass.</summary>
public sealed class SegmentAnnotator : IAnnotator
{
    public string Name => "segment";

    public Layer Requires => Layer.None;

    public Layer Produces => Layer.Segments;

    public void Annotate(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Segments = TextSegmenter.Segment(document.Text);
    }
}

/// <summary>Time expressions with their normalised values, read against the document's anchor day.</summary>
public sealed class TimexAnnotator : IAnnotator
{
    public string Name => "temporal";

    public Layer Requires => Layer.Segments;

    public Layer Produces => Layer.Timexes;

    public void Annotate(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Timexes = TemporalTagger.Tag(document.Segments, document.Anchor);
    }
}

/// <summary>Actor mentions from the dictionary and the name patterns, with coreference.</summary>
public sealed class ActorAnnotator(ActorRecognizer recognizer) : IAnnotator
{
    public string Name => "actors";

    public Layer Requires => Layer.Segments;

    public Layer Produces => Layer.Actors;

    public void Annotate(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Actors = recognizer.Recognize(document.Segments);
    }
}

/// <summary>
/// Statements and events by the clause rules. One stage for both because the rules still share the
/// clause reader's memory of the last speaker and the last meeting's participants; reading both from
/// the dependency layer (the next step) lets them become two stages.
/// </summary>
public sealed class RuleCodingAnnotator(TriggerLexicon lexicon, CameoCodebook codebook) : IAnnotator
{
    public string Name => "statements+events";

    public Layer Requires => Layer.Segments | Layer.Actors | Layer.Timexes;

    public Layer Produces => Layer.Statements | Layer.Events;

    public void Annotate(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var reader = new ClauseReader(new WordTokens(document.Segments, document.Actors), document.Timexes);
        var statements = StatementExtractor.Extract(reader);
        var dater = new EventDater(document.Segments, document.Timexes, document.Anchor);
        document.Statements = statements;
        document.Events = EventExtractor.Extract(reader, statements, lexicon, codebook, dater);
    }
}
