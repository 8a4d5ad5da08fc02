using IraqCoalition.Core.Annotation;
using IraqCoalition.Core.Linguistics.Learning;
using IraqCoalition.Core.Linguistics.Names;
using IraqCoalition.Core.Linguistics.Parsing;
using IraqCoalition.Core.Linguistics.Tagging;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Linguistics;

/// <summary>Splits each sentence's tokens into syntactic words (<see cref="WordSplitter"/>).</summary>
public sealed class WordAnnotator : IAnnotator
{
    public string Name => "words";

    public Layer Requires => Layer.Segments;

    public Layer Produces => Layer.Words;

    public void Annotate(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var seg = document.Segments;
        var spans = new List<Span>(seg.Tokens.Count + (seg.Tokens.Count / 8));
        var starts = new List<int>(seg.Sentences.Count + 2);
        var datelineEnd = seg.Dateline?.Span.End ?? -1;
        for (var s = 0; s < seg.Sentences.Count; s++)
        {
            starts.Add(spans.Count);
            var (from, to) = seg.SentenceTokens(s);
            WordSplitter.Split(document.Text, seg.Tokens, from, to, spans);

            // "BAGHDAD (AP) —" is a heading, not the subject of the first sentence: parse it alone.
            if (s == 0 && datelineEnd > 0)
            {
                var cut = spans.FindIndex(starts[0], w => w.Start >= datelineEnd);
                if (cut > starts[0])
                {
                    starts.Add(cut);
                }
            }
        }

        starts.Add(spans.Count);
        document.Words = new WordLayer([.. spans], [.. starts]);
    }
}

/// <summary>Tags, lemmatises and adds morphological features to every word, sentence by sentence.</summary>
public sealed class TaggerAnnotator(PosTagger tagger) : IAnnotator
{
    public string Name => "tagger";

    public Layer Requires => Layer.Words;

    public Layer Produces => Layer.Tags;

    public void Annotate(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var words = document.Words;
        var text = document.Text;
        var n = words.Count;
        var upos = new string[n];
        var xpos = new string[n];
        var lemmas = new string[n];
        var feats = new string[n];
        var tags = new int[n];
        for (var s = 0; s < words.SentenceCount; s++)
        {
            var first = words.SentenceStart[s];
            var sentence = words.Sentence(s);
            tagger.Tag(text, sentence, tags.AsSpan(first, sentence.Length));
        }

        for (var i = 0; i < n; i++)
        {
            var t = tags[i];
            var form = text.AsSpan(words.Spans[i].Start, words.Spans[i].Length);
            upos[i] = tagger.Upos[tagger.UposOf[t]];
            xpos[i] = tagger.Xpos[t];
            lemmas[i] = tagger.Lemmatizer.Lemma(form, t, tagger.UposOf[t], tagger.IsProperNoun(t));
            feats[i] = tagger.Lemmatizer.Feats(form, t);
        }

        document.Tags = new TagLayer(upos, xpos, lemmas, feats) { TagIds = tags };
    }
}

/// <summary>Parses every sentence into a Universal Dependencies tree (heads as document word indices).</summary>
public sealed class ParserAnnotator(DependencyParser parser) : IAnnotator
{
    public string Name => "parser";

    public Layer Requires => Layer.Words | Layer.Tags;

    public Layer Produces => Layer.Dependencies;

    public void Annotate(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var words = document.Words;
        var tags = document.Tags;
        var n = words.Count;
        var keys = new ulong[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = FeatureHash.Of(tags.Upos[i], '\t', tags.Xpos[i]);
        }

        var heads = new int[n];
        var labels = new int[n];
        for (var s = 0; s < words.SentenceCount; s++)
        {
            var first = words.SentenceStart[s];
            var sentence = words.Sentence(s);
            if (sentence.Length == 0)
            {
                continue;
            }

            parser.Parse(document.Text, sentence, keys.AsSpan(first, sentence.Length), heads.AsSpan(first, sentence.Length), labels.AsSpan(first, sentence.Length));
            for (var i = first; i < first + sentence.Length; i++)
            {
                heads[i] = heads[i] < 0 ? -1 : heads[i] + first;
            }
        }

        var relations = new string[n];
        for (var i = 0; i < n; i++)
        {
            relations[i] = parser.Labels[labels[i]];
        }

        document.Dependencies = new DependencyLayer(heads, relations);
    }
}

/// <summary>
/// Named entities (person, organisation, location, group) per sentence, with one name memory per
/// document so a surname alone is read in the light of the full name met earlier.
/// </summary>
public sealed class NameAnnotator(NameRecognizer recognizer) : IAnnotator
{
    public string Name => "names";

    public Layer Requires => Layer.Words | Layer.Tags;

    public Layer Produces => Layer.Entities;

    public void Annotate(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var words = document.Words;
        var ids = document.Tags.TagIds;
        var memory = new NameMemory();
        var found = new List<NameSpan>();
        var entities = new List<EntityMention>();
        for (var s = 0; s < words.SentenceCount; s++)
        {
            var first = words.SentenceStart[s];
            var sentence = words.Sentence(s);
            found.Clear();
            recognizer.Recognize(document.Text, sentence, ids.AsSpan(first, sentence.Length), found, memory);
            foreach (var n in found)
            {
                var span = new Span(words.Spans[first + n.Start].Start, words.Spans[first + n.End - 1].End);
                entities.Add(new EntityMention(first + n.Start, first + n.End, NameTypes.Code(n.Type), span));
            }
        }

        document.Entities = entities;
    }
}
