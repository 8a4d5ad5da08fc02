using IraqCoalition.Core.Linguistics.Learning;
using IraqCoalition.Core.Linguistics.Names.Corpora;
using IraqCoalition.Core.Linguistics.Tagging;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Linguistics.Names;

/// <summary>
/// Trains the recogniser: shuffled greedy perceptron epochs (seeded, so repeatable) over sentences
/// tagged by the real tagger, so the model learns from the tags it will see, not gold ones.
/// </summary>
public static class NameRecognizerTrainer
{
    // A word seen this often in lower case is a common word: its capital at a sentence start says little.
    private const int LowercaseMinCount = 2;

    /// <param name="taggerFor">
    /// The tagger whose tags training sentence i is learnt from, when it should not be <paramref name="tagger"/>:
    /// a tagger trained on that very sentence tags it better than it will tag anything in use.
    /// </param>
    public static NameRecognizer Train(
        IReadOnlyList<NerSentence> sentences, PosTagger tagger, Gazetteer gazetteer, int epochs, int seed, Action<int, NameRecognizer>? afterEpoch = null,
        Func<int, PosTagger>? taggerFor = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(tagger);
        var lowercase = BuildLowercase(sentences);
        var probe = new NameRecognizer(new PerceptronTrainer(Bilou.Classes).Average(), gazetteer, lowercase, tagger.Tags);
        var data = new NameToken[sentences.Count][];
        var gold = new int[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            data[s] = Prepare(probe, taggerFor?.Invoke(s) ?? tagger, sentences[s]);
            gold[s] = new int[sentences[s].Words.Count];
            Bilou.Encode([.. sentences[s].Names], gold[s]);
        }

        var trainer = new PerceptronTrainer(Bilou.Classes);
        var tagKeys = Enumerable.Range(0, Bilou.Classes).Select(NameFeatures.TagKey).ToArray();
        var rng = new Random(seed);

        // Documents stay whole and in order, so the document memory sees what it will see in use;
        // the order of documents is shuffled.
        var documents = Documents(sentences);
        var memory = new NameMemory();
        Span<ulong> f = stackalloc ulong[NameFeatures.MaxCount];
        var scores = new float[Bilou.Classes];
        var guesses = new int[sentences.Max(x => x.Words.Count) + 1];
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            rng.Shuffle(documents);
            foreach (var (first, end) in documents)
            {
                memory.Clear();
                for (var s = first; s < end; s++)
                {
                    var n = gold[s].Length;
                    Recall(memory, data[s], n);
                    var previous = Bilou.Outside;
                    var t2 = tagKeys[Bilou.Outside];
                    for (var i = 0; i < n; i++)
                    {
                        var count = NameFeatures.Extract(data[s], i, tagKeys[previous], t2, f);
                        trainer.Score(f[..count], scores);
                        var guess = NameRecognizer.Best(scores, previous, i == n - 1);
                        trainer.Update(gold[s][i], guess, f[..count]);
                        guesses[i] = guess;
                        t2 = tagKeys[previous];
                        previous = guess;
                    }

                    memory.Remember(data[s], guesses.AsSpan(0, n));
                }
            }

            if (afterEpoch is not null && epoch < epochs)
            {
                afterEpoch(epoch, new NameRecognizer(trainer.Average(), gazetteer, lowercase, tagger.Tags));
            }
        }

        var model = new NameRecognizer(trainer.Average(), gazetteer, lowercase, tagger.Tags);
        afterEpoch?.Invoke(epochs, model);
        return model;
    }

    private static void Recall(NameMemory memory, NameToken[] data, int n)
    {
        for (var i = 0; i < n; i++)
        {
            ref var t = ref data[i + 2];
            t.Memory = t.Capitalised ? memory.Recall(t.Word.Form) : 0;
        }
    }

    /// <summary>Runs of consecutive sentences from one document, as [first, end) index ranges.</summary>
    internal static (int First, int End)[] Documents(IReadOnlyList<NerSentence> sentences)
    {
        var result = new List<(int, int)>();
        var first = 0;
        for (var s = 1; s <= sentences.Count; s++)
        {
            if (s == sentences.Count || sentences[s].Document != sentences[s - 1].Document)
            {
                result.Add((first, s));
                first = s;
            }
        }

        return [.. result];
    }

    private static NameToken[] Prepare(NameRecognizer recognizer, PosTagger tagger, NerSentence s)
    {
        var (text, spans) = s.Layout();
        var tags = new int[spans.Length];
        tagger.Tag(text, spans, tags);
        var keys = tags.Select(t => NameRecognizer.PosKey(tagger.Tags[t])).ToArray();
        var data = new NameToken[spans.Length + 4];
        NameFeatures.Prepare(text, spans, keys, recognizer.Gazetteer, recognizer.Lowercase, null, data);
        return data;
    }

    private static HashSet<ulong> BuildLowercase(IReadOnlyList<NerSentence> sentences)
    {
        var counts = new Dictionary<ulong, int>();
        foreach (var w in sentences.SelectMany(s => s.Words))
        {
            if (w.Length > 0 && char.IsLower(w[0]))
            {
                var k = FeatureHash.OfLower(w);
                counts[k] = counts.GetValueOrDefault(k) + 1;
            }
        }

        return [.. counts.Where(kv => kv.Value >= LowercaseMinCount).Select(kv => kv.Key)];
    }

    /// <summary>
    /// Exact-span scores of <paramref name="recognizer"/> on gold-tokenised sentences tagged by
    /// <paramref name="tagger"/>, and the recogniser's own processor time per token (tagging not included).
    /// </summary>
    public static NameEvaluation Evaluate(NameRecognizer recognizer, PosTagger tagger, IReadOnlyList<NerSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(sentences);
        // Processor time, not wall time: on a shared machine the wall clock measures the neighbours.
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var laid = new (string Text, Span[] Tokens, int[] Tags)[sentences.Count];
        for (var s = 0; s < sentences.Count; s++)
        {
            var (text, spans) = sentences[s].Layout();
            var tags = new int[spans.Length];
            tagger.Tag(text, spans, tags);
            laid[s] = (text, spans, tags);
        }

        var eval = new NameEvaluation();
        var found = new List<NameSpan>();
        var tokens = laid.Sum(l => (long)l.Tokens.Length);
        process.Refresh();
        eval.TaggerNanosecondsPerToken = tokens == 0 ? 0 : (process.TotalProcessorTime - cpu).TotalMilliseconds * 1e6 / tokens;
        cpu = process.TotalProcessorTime;
        var memory = new NameMemory();
        for (var s = 0; s < sentences.Count; s++)
        {
            if (s == 0 || sentences[s].Document != sentences[s - 1].Document)
            {
                memory.Clear();
            }

            found.Clear();
            recognizer.Recognize(laid[s].Text, laid[s].Tokens, laid[s].Tags, found, memory);
            eval.Add(sentences[s].Names, found);
        }

        process.Refresh();
        eval.NanosecondsPerToken = tokens == 0 ? 0 : (process.TotalProcessorTime - cpu).TotalMilliseconds * 1e6 / tokens;
        return eval;
    }
}
