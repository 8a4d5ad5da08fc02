namespace IraqCoalition.Core.Linguistics.Conllu;

/// <summary>Precision, recall and F1 of one metric, in percent.</summary>
public readonly record struct Score(double Precision, double Recall, double F1)
{
    public static Score Of(long correct, long system, long gold)
    {
        var p = system == 0 ? 0 : 100.0 * correct / system;
        var r = gold == 0 ? 0 : 100.0 * correct / gold;
        return new Score(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
}

/// <summary>The CoNLL 2018 shared-task figures for one system file against its gold file.</summary>
public sealed record ConlluScores(Score Sentences, Score Words, Score Upos, Score Xpos, Score Lemmas, Score Uas, Score Las);

/// <summary>
/// Scores a system CoNLL-U file against gold the way the CoNLL 2018 shared task does: words are
/// aligned by their character range in the text with whitespace removed, so raw-text output (its
/// own tokens and sentences) and gold-token output are scored alike; LAS compares the universal
/// part of the relation. Words inside a gold multiword token are aligned only when the system
/// split that token the same way (the shared task aligns them by longest common subsequence).
/// </summary>
public static class ConlluEvaluator
{
    private sealed record Word(int Start, int End, ConlluWord Value, int Sentence, int Index);

    public static ConlluScores Score(IReadOnlyList<ConlluSentence> gold, IReadOnlyList<ConlluSentence> system)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(system);
        var (gWords, gSentences, gText) = Layout(gold);
        var (sWords, sSentences, sText) = Layout(system);
        if (!string.Equals(gText, sText, StringComparison.Ordinal))
        {
            var at = 0;
            while (at < Math.Min(gText.Length, sText.Length) && gText[at] == sText[at])
            {
                at++;
            }

            throw new InvalidDataException($"the system text differs from the gold text at non-space character {at}: '{Around(gText, at)}' vs '{Around(sText, at)}'");
        }

        var sByRange = new Dictionary<(int, int), Word>();
        foreach (var w in sWords)
        {
            sByRange.TryAdd((w.Start, w.End), w);
        }

        var gByRange = gWords.GroupBy(w => (w.Start, w.End)).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.First());
        var aligned = new Dictionary<Word, Word>();
        foreach (var g in gByRange.Values)
        {
            if (sByRange.TryGetValue((g.Start, g.End), out var s))
            {
                aligned[g] = s;
            }
        }

        var gSet = gSentences.ToHashSet();
        long upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;
        var sIndex = sWords.ToDictionary(w => (w.Sentence, w.Index));
        var gIndex = gWords.ToDictionary(w => (w.Sentence, w.Index));
        foreach (var (g, s) in aligned)
        {
            upos += g.Value.Upos == s.Value.Upos ? 1 : 0;
            xpos += g.Value.Xpos == s.Value.Xpos ? 1 : 0;
            lemma += g.Value.Lemma == s.Value.Lemma ? 1 : 0;
            var headOk = g.Value.Head == 0
                ? s.Value.Head == 0
                : s.Value.Head != 0 && aligned.TryGetValue(gIndex[(g.Sentence, g.Value.Head)], out var gh) && gh == sIndex[(s.Sentence, s.Value.Head)];
            if (headOk)
            {
                uas++;
                las += Universal(g.Value.Deprel) == Universal(s.Value.Deprel) ? 1 : 0;
            }
        }

        return new ConlluScores(
            Sentences: Conllu.Score.Of(sSentences.Count(gSet.Contains), sSentences.Count, gSentences.Count),
            Words: Score(aligned.Count, sWords.Count, gWords.Count),
            Upos: Score(upos, sWords.Count, gWords.Count),
            Xpos: Score(xpos, sWords.Count, gWords.Count),
            Lemmas: Score(lemma, sWords.Count, gWords.Count),
            Uas: Score(uas, sWords.Count, gWords.Count),
            Las: Score(las, sWords.Count, gWords.Count));
    }

    private static Score Score(long correct, long system, long gold) => Conllu.Score.Of(correct, system, gold);

    private static string Universal(string deprel)
    {
        var colon = deprel.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? deprel : deprel[..colon];
    }

    private static string Around(string s, int at) => s.Substring(Math.Max(0, at - 10), Math.Min(20, s.Length - Math.Max(0, at - 10)));

    // Character ranges over the text with all whitespace removed. Words of a multiword token that
    // do not spell it ("du" = "de" + "le") share the token's range and so stay unaligned.
    private static (List<Word> Words, List<(int, int)> Sentences, string Text) Layout(IReadOnlyList<ConlluSentence> sentences)
    {
        var words = new List<Word>();
        var spans = new List<(int, int)>();
        var text = new System.Text.StringBuilder();
        for (var si = 0; si < sentences.Count; si++)
        {
            var start = text.Length;
            var mwt = sentences[si].MultiwordRanges;
            var i = 0;
            while (i < sentences[si].Words.Count)
            {
                var range = mwt.FirstOrDefault(r => r.First == i + 1);
                if (range.Form is not null)
                {
                    var from = text.Length;
                    AppendNonSpace(text, range.Form);
                    var parts = Enumerable.Range(range.First, range.Last - range.First + 1).Select(k => sentences[si].Words[k - 1]).ToList();

                    // "don't" = "do" + "n't": when the words spell the token, each gets its own range.
                    var spelled = string.Concat(parts.Select(p => p.Form)).Replace(" ", "", StringComparison.Ordinal);
                    var at = from;
                    for (var k = range.First; k <= range.Last; k++)
                    {
                        var w0 = sentences[si].Words[k - 1];
                        if (string.Equals(spelled, text.ToString(from, text.Length - from), StringComparison.OrdinalIgnoreCase))
                        {
                            var len = w0.Form.Count(c => !char.IsWhiteSpace(c));
                            words.Add(new Word(at, at + len, w0, si, k));
                            at += len;
                        }
                        else
                        {
                            words.Add(new Word(from, text.Length, w0, si, k));
                        }
                    }

                    i = range.Last;
                    continue;
                }

                var w = sentences[si].Words[i];
                var s = text.Length;
                AppendNonSpace(text, w.Form);
                words.Add(new Word(s, text.Length, w, si, i + 1));
                i++;
            }

            spans.Add((start, text.Length));
        }

        return (words, spans, text.ToString());
    }

    private static void AppendNonSpace(System.Text.StringBuilder sb, string s)
    {
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }
    }
}
