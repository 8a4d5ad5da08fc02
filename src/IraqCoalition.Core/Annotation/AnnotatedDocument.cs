using IraqCoalition.Core.Actors;
using IraqCoalition.Core.Events;
using IraqCoalition.Core.Statements;
using IraqCoalition.Core.Temporal;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Annotation;

/// <summary>
/// One article and every layer read from it. Each layer is written once, by the annotator that
/// produces it, and read by later ones; reading a layer before it exists, or writing it twice, is
/// a programming error and throws, so no stage can depend on another's hidden state.
/// </summary>
public sealed class AnnotatedDocument
{
    private TextDocument? _segments;
    private WordLayer? _words;
    private TagLayer? _tags;
    private DependencyLayer? _dependencies;
    private IReadOnlyList<EntityMention>? _entities;
    private IReadOnlyList<TemporalExpression>? _timexes;
    private ActorAnalysis? _actors;
    private IReadOnlyList<Statement>? _statements;
    private IReadOnlyList<CodedEvent>? _events;

    public AnnotatedDocument(string text, DateOnly anchor)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Anchor = anchor;
    }

    public string Text { get; }

    /// <summary>The day relative time expressions are read against (publication date, or today).</summary>
    public DateOnly Anchor { get; }

    /// <summary>The layers written so far.</summary>
    public Layer Present { get; private set; }

    public TextDocument Segments { get => Get(_segments, Layer.Segments); set => Set(ref _segments, value, Layer.Segments); }

    public WordLayer Words { get => Get(_words, Layer.Words); set => Set(ref _words, value, Layer.Words); }

    public TagLayer Tags { get => Get(_tags, Layer.Tags); set => Set(ref _tags, value, Layer.Tags); }

    public DependencyLayer Dependencies { get => Get(_dependencies, Layer.Dependencies); set => Set(ref _dependencies, value, Layer.Dependencies); }

    public IReadOnlyList<EntityMention> Entities { get => Get(_entities, Layer.Entities); set => Set(ref _entities, value, Layer.Entities); }

    public IReadOnlyList<TemporalExpression> Timexes { get => Get(_timexes, Layer.Timexes); set => Set(ref _timexes, value, Layer.Timexes); }

    public ActorAnalysis Actors { get => Get(_actors, Layer.Actors); set => Set(ref _actors, value, Layer.Actors); }

    public IReadOnlyList<Statement> Statements { get => Get(_statements, Layer.Statements); set => Set(ref _statements, value, Layer.Statements); }

    public IReadOnlyList<CodedEvent> Events { get => Get(_events, Layer.Events); set => Set(ref _events, value, Layer.Events); }

    public bool Has(Layer layer) => (Present & layer) == layer;

    private T Get<T>(T? value, Layer layer)
        where T : class =>
        value ?? throw new InvalidOperationException($"the {layer} layer has not been produced yet: a stage that reads it ran before the stage that writes it");

    private void Set<T>(ref T? field, T value, Layer layer)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        if (field is not null)
        {
            throw new InvalidOperationException($"the {layer} layer is written once, by one stage; it was already set");
        }

        field = value;
        Present |= layer;
    }
}

/// <summary>
/// Syntactic words as spans of the text, and each sentence's word range: sentence s holds words
/// [SentenceStart[s], SentenceStart[s + 1]).
/// </summary>
public sealed record WordLayer(Span[] Spans, int[] SentenceStart)
{
    public int Count => Spans.Length;

    public int SentenceCount => SentenceStart.Length - 1;

    public ReadOnlySpan<Span> Sentence(int s) => Spans.AsSpan(SentenceStart[s], SentenceStart[s + 1] - SentenceStart[s]);

    /// <summary>The sentence holding word <paramref name="word"/>.</summary>
    public int SentenceOf(int word)
    {
        var i = Array.BinarySearch(SentenceStart, word);
        return i >= 0 ? Math.Min(i, SentenceCount - 1) : ~i - 1;
    }
}

/// <summary>Per word: Universal POS, treebank XPOS, lemma and CoNLL-U morphological features.</summary>
public sealed record TagLayer(string[] Upos, string[] Xpos, string[] Lemmas, string[] Feats)
{
    /// <summary>The tagger's own tag index per word, for models trained on that tagger's output (names).</summary>
    public int[] TagIds { get; init; } = [];
}

/// <summary>Per word: head word index in the document (-1 for a sentence root) and relation.</summary>
public sealed record DependencyLayer(int[] Heads, string[] Relations)
{
    /// <summary>The dependents of <paramref name="word"/> with relation <paramref name="relation"/> (prefix match on subtypes: "nsubj" finds "nsubj:pass").</summary>
    public IEnumerable<int> Dependents(int word, string relation, WordLayer words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var s = words.SentenceOf(word);
        for (var i = words.SentenceStart[s]; i < words.SentenceStart[s + 1]; i++)
        {
            if (Heads[i] == word && (Relations[i] == relation || (Relations[i].StartsWith(relation, StringComparison.Ordinal) && Relations[i].Length > relation.Length && Relations[i][relation.Length] == ':')))
            {
                yield return i;
            }
        }
    }
}
