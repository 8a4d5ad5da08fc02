using IraqCoalition.Core.Linguistics.Conllu;
using IraqCoalition.Core.Linguistics.Learning;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Linguistics.Tagging;

/// <summary>Trains the tagger: tag dictionary, then shuffled greedy perceptron epochs (seeded, so repeatable).</summary>
public static class PosTaggerTrainer
{
    // Honnibal's thresholds: a word seen 20 times with one tag 97% of the time is not worth a guess.
    private const int DictionaryMinCount = 20;
    private const double DictionaryMinShare = 0.97;

    public static PosTagger Train(IReadOnlyList<ConlluSentence> sentences, int epochs, int seed, Action<int, PosTagger>? afterEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var tagIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var w in sentences.SelectMany(s => s.Words).Select(PosTagger.JointTag).Order(StringComparer.Ordinal))
        {
            tagIndex.TryAdd(w, tagIndex.Count);
        }

        var tags = tagIndex.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToArray();
        var laid = sentences.Select(s => TokenLayout.Of(s.Words)).ToArray();
        var gold = sentences.Select(s => s.Words.Select(w => tagIndex[PosTagger.JointTag(w)]).ToArray()).ToArray();
        var tagDictionary = BuildTagDictionary(sentences, tagIndex);
        var ambiguity = BuildAmbiguityClasses(sentences);
        var lemmatizer = TrainLemmatizer(sentences, tagIndex, tags);

        var trainer = new PerceptronTrainer(tags.Length);
        var tagKeys = tags.Select(t => FeatureHash.Of(t)).ToArray();
        var rng = new Random(seed);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        Span<ulong> f = stackalloc ulong[TaggerFeatures.Count];
        var scores = new float[tags.Length];
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            rng.Shuffle(order);
            foreach (var si in order)
            {
                var (text, spans) = laid[si];
                var n = spans.Length;
                var keys = new WordKeys[n + 4];
                PosTagger.Fill(text, spans, keys, ambiguity);
                var history = new ulong[n + 4];
                history[0] = history[1] = WordKeys.Start;
                for (var i = 0; i < n; i++)
                {
                    int guess;
                    if (!tagDictionary.TryGetValue(keys[i + 2].Form, out guess))
                    {
                        TaggerFeatures.Extract(keys, history, i, f);
                        trainer.Score(f, scores);
                        guess = PosTagger.ArgMax(scores);
                        trainer.Update(gold[si][i], guess, f);
                    }

                    history[i + 2] = tagKeys[guess];
                }
            }

            if (afterEpoch is not null)
            {
                afterEpoch(epoch, new PosTagger(tags, trainer.Average(), tagDictionary, ambiguity, lemmatizer));
            }
        }

        return new PosTagger(tags, trainer.Average(), tagDictionary, ambiguity, lemmatizer);
    }

    private static Dictionary<ulong, int> BuildTagDictionary(IReadOnlyList<ConlluSentence> sentences, Dictionary<string, int> tagIndex)
    {
        var counts = new Dictionary<string, Dictionary<int, int>>(StringComparer.Ordinal);
        foreach (var w in sentences.SelectMany(s => s.Words))
        {
            if (!counts.TryGetValue(w.Form, out var c))
            {
                counts[w.Form] = c = [];
            }

            var t = tagIndex[PosTagger.JointTag(w)];
            c[t] = c.GetValueOrDefault(t) + 1;
        }

        var dict = new Dictionary<ulong, int>();
        foreach (var (form, c) in counts)
        {
            var total = c.Values.Sum();
            var (tag, n) = c.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)).First();
            if (total >= DictionaryMinCount && n >= DictionaryMinShare * total)
            {
                dict[FeatureHash.Of(form)] = tag;
            }
        }

        return dict;
    }

    // Rare words would carry their one training tag as a class the test words never have.
    private const int AmbiguityMinCount = 10;

    // A word's UPOS values seen at least 5% of the time; rarer tags are mostly annotation noise.
    private static Dictionary<ulong, ulong> BuildAmbiguityClasses(IReadOnlyList<ConlluSentence> sentences)
    {
        var counts = new Dictionary<ulong, Dictionary<string, int>>();
        foreach (var w in sentences.SelectMany(s => s.Words))
        {
            var key = FeatureHash.OfLower(w.Form);
            if (!counts.TryGetValue(key, out var c))
            {
                counts[key] = c = [];
            }

            c[w.Upos] = c.GetValueOrDefault(w.Upos) + 1;
        }

        var result = new Dictionary<ulong, ulong>(counts.Count);
        foreach (var (key, c) in counts)
        {
            var total = c.Values.Sum();
            if (total < AmbiguityMinCount)
            {
                continue;
            }

            var set = string.Join('|', c.Where(kv => kv.Value >= 0.05 * total).Select(kv => kv.Key).Order(StringComparer.Ordinal));
            result[key] = FeatureHash.Of(set);
        }

        return result;
    }

    private static Lemmatizer TrainLemmatizer(IReadOnlyList<ConlluSentence> sentences, Dictionary<string, int> tagIndex, string[] tags)
    {
        var uposIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in tags)
        {
            uposIndex.TryAdd(t[..t.IndexOf('\t', StringComparison.Ordinal)], uposIndex.Count);
        }

        return Lemmatizer.Train(
            sentences.SelectMany(s => s.Words).Select(w => (w, tagIndex[PosTagger.JointTag(w)], uposIndex[w.Upos])),
            tags.Length);
    }

    /// <summary>UPOS and XPOS accuracy, in percent, of <paramref name="tagger"/> on gold-tokenised sentences.</summary>
    public static (double Upos, double Xpos, double Lemma) Evaluate(PosTagger tagger, IEnumerable<ConlluSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(sentences);
        long total = 0, upos = 0, xpos = 0, lemma = 0;
        foreach (var s in sentences)
        {
            var (text, spans) = TokenLayout.Of(s.Words);
            var tags = new int[spans.Length];
            tagger.Tag(text, spans, tags);
            for (var i = 0; i < spans.Length; i++)
            {
                var t = tags[i];
                total++;
                upos += tagger.Upos[tagger.UposOf[t]] == s.Words[i].Upos ? 1 : 0;
                xpos += tagger.Xpos[t] == s.Words[i].Xpos ? 1 : 0;
                var l = tagger.Lemmatizer.Lemma(text.AsSpan(spans[i].Start, spans[i].Length), t, tagger.UposOf[t], tagger.IsProperNoun(t));
                lemma += l == s.Words[i].Lemma ? 1 : 0;
            }
        }

        return (100.0 * upos / total, 100.0 * xpos / total, 100.0 * lemma / total);
    }
}
