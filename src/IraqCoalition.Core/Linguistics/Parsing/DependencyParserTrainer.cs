using IraqCoalition.Core.Linguistics.Conllu;
using IraqCoalition.Core.Linguistics.Learning;

namespace IraqCoalition.Core.Linguistics.Parsing;

/// <summary>
/// Trains the parser with the dynamic oracle and error exploration (Goldberg and Nivre 2012): after
/// the first epoch the parser follows its own prediction 90% of the time, learning the best
/// transition from wherever it goes. Non-projective trees are skipped: arc-eager cannot build them
/// and the oracle's costs are exact only for projective ones.
/// </summary>
public static class DependencyParserTrainer
{
    private const double ExploreProbability = 0.9;

    /// <param name="tagKeys">Tag keys per sentence and word (predicted tags, so training sees what parsing will).</param>
    public static DependencyParser Train(
        IReadOnlyList<ConlluSentence> sentences,
        IReadOnlyList<ulong[]> tagKeys,
        int epochs,
        int seed,
        Action<int, DependencyParser>? afterEpoch = null,
        float minWeight = 1e-3f)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(tagKeys);
        var labels = sentences.SelectMany(s => s.Words).Select(w => w.Deprel).Distinct().Order(StringComparer.Ordinal).ToArray();
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var classes = 2 + (2 * labels.Length);
        var trainer = new PerceptronTrainer(classes);
        var usable = Enumerable.Range(0, sentences.Count).Where(i => sentences[i].IsProjective() && sentences[i].Words.All(w => w.Head >= 0)).ToArray();
        var rng = new Random(seed);
        var st = new ParserState();
        Span<ulong> f = stackalloc ulong[ParserFeatures.Count];
        var scores = new float[classes];
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            rng.Shuffle(usable);
            foreach (var si in usable)
            {
                var s = sentences[si];
                var n = s.Words.Count;
                var (text, spans) = TokenLayout.Of(s.Words);
                var words = new ulong[n + 1];
                var tags = new ulong[n + 1];
                DependencyParser.Fill(text, spans, tagKeys[si], words, tags);
                var gold = new int[n + 1];
                var goldLabel = new int[n + 1];
                gold[0] = -1;
                for (var i = 1; i <= n; i++)
                {
                    gold[i] = s.Words[i - 1].Head;
                    goldLabel[i] = labelIndex[s.Words[i - 1].Deprel];
                }

                st.Reset(n);
                while (!st.Done)
                {
                    ParserFeatures.Extract(st, words, tags, f);
                    trainer.Score(f, scores);
                    var guess = DependencyParser.BestValid(st, scores);
                    var best = BestZeroCost(st, scores, gold, goldLabel, out var guessCost, guess);
                    trainer.Update(best, guess, f);
                    var follow = guessCost == 0 || (epoch > 1 && rng.NextDouble() < ExploreProbability) ? guess : best;
                    st.Apply(follow);
                }
            }

            afterEpoch?.Invoke(epoch, new DependencyParser(labels, trainer.Average()));
        }

        return new DependencyParser(labels, trainer.Average(minUpdates: 1, minWeight: minWeight));
    }

    // The highest-scoring transition of least cost (zero when the tree is projective), labels included.
    private static int BestZeroCost(ParserState st, float[] scores, int[] gold, int[] goldLabel, out int guessCost, int guess)
    {
        var cost = new int[4];
        cost[0] = st.CanShift ? DynamicOracle.ShiftCost(st, gold) : int.MaxValue;
        cost[1] = st.CanReduce ? DynamicOracle.ReduceCost(st, gold) : int.MaxValue;
        cost[2] = st.CanLeftArc ? DynamicOracle.LeftArcCost(st, gold) : int.MaxValue;
        cost[3] = st.CanRightArc ? DynamicOracle.RightArcCost(st, gold) : int.MaxValue;
        var s0 = st.S0;
        var b = st.Buffer;

        int Cost(int t)
        {
            if (t < 2)
            {
                return cost[t];
            }

            var left = (t & 1) == 0;
            var c = cost[left ? 2 : 3];
            if (c == int.MaxValue)
            {
                return c;
            }

            var label = ParserState.LabelOf(t);
            if (left && gold[s0] == b && goldLabel[s0] != label)
            {
                c++;
            }
            else if (!left && gold[b] == s0 && goldLabel[b] != label)
            {
                c++;
            }

            return c;
        }

        var min = int.MaxValue;
        var best = -1;
        for (var t = 0; t < scores.Length; t++)
        {
            var c = Cost(t);
            if (c < min || (c == min && c != int.MaxValue && scores[t] > scores[best]))
            {
                min = c;
                best = t;
            }
        }

        guessCost = Cost(guess);
        return best;
    }

    /// <summary>Unlabelled and labelled attachment scores, in percent, punctuation included (as in CoNLL 2018).</summary>
    public static (double Uas, double Las) Evaluate(
        DependencyParser parser,
        IReadOnlyList<ConlluSentence> sentences,
        IReadOnlyList<ulong[]> tagKeys)
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(tagKeys);
        long total = 0, uas = 0, las = 0;
        for (var si = 0; si < sentences.Count; si++)
        {
            var s = sentences[si];
            var (text, spans) = TokenLayout.Of(s.Words);
            var heads = new int[spans.Length];
            var labels = new int[spans.Length];
            parser.Parse(text, spans, tagKeys[si], heads, labels);
            for (var i = 0; i < spans.Length; i++)
            {
                total++;
                if (heads[i] + 1 == s.Words[i].Head)
                {
                    uas++;
                    if (parser.Labels[labels[i]] == s.Words[i].Deprel)
                    {
                        las++;
                    }
                }
            }
        }

        return (100.0 * uas / total, 100.0 * las / total);
    }
}
