using IraqCoalition.Core.Linguistics.Conllu;
using IraqCoalition.Core.Linguistics.Learning;

namespace IraqCoalition.Core.Linguistics.Tagging;

/// <summary>
/// Lemmas and morphological features. Known words take the treebank's most frequent lemma for their
/// form and tag; unseen words take the most frequent suffix edit ("-ies" -> "-y") learned from the
/// treebank for the longest suffix of that tag seen often enough, so rules come from data, not from
/// a hand list.
/// </summary>
public sealed class Lemmatizer
{
    private const int MaxSuffix = 5;
    private const int MinSuffixCount = 3;

    private readonly Dictionary<(ulong Form, int Tag), string> _lemmas;
    private readonly Dictionary<(ulong Suffix, int Upos), (int Strip, string Append)> _edits;
    private readonly Dictionary<(ulong Form, int Tag), string> _feats;
    private readonly string[] _tagFeats;

    private Lemmatizer(
        Dictionary<(ulong, int), string> lemmas,
        Dictionary<(ulong, int), (int, string)> edits,
        Dictionary<(ulong, int), string> feats,
        string[] tagFeats)
    {
        _lemmas = lemmas;
        _edits = edits;
        _feats = feats;
        _tagFeats = tagFeats;
    }

    /// <summary>The lemma of <paramref name="form"/> tagged with joint tag <paramref name="tag"/> (UPOS index <paramref name="upos"/>).</summary>
    public string Lemma(ReadOnlySpan<char> form, int tag, int upos, bool properNoun)
    {
        if (_lemmas.TryGetValue((FeatureHash.OfLower(form), tag), out var lemma))
        {
            return lemma;
        }

        if (properNoun)
        {
            return form.ToString();
        }

        for (var k = Math.Min(MaxSuffix, form.Length - 1); k >= 1; k--)
        {
            if (_edits.TryGetValue((FeatureHash.OfLower(form[^k..]), upos), out var edit) && edit.Strip <= form.Length)
            {
                return string.Concat(form[..^edit.Strip].ToString().ToLowerInvariant(), edit.Append);
            }
        }

        return form.ToString().ToLowerInvariant();
    }

    /// <summary>The morphological features (CoNLL-U FEATS) of a form with its joint tag.</summary>
    public string Feats(ReadOnlySpan<char> form, int tag) =>
        _feats.TryGetValue((FeatureHash.OfLower(form), tag), out var f) ? f : _tagFeats[tag];

    internal static Lemmatizer Train(IEnumerable<(ConlluWord Word, int Tag, int Upos)> words, int tags)
    {
        var lemmaCounts = new Dictionary<(ulong, int), Dictionary<string, int>>();
        var featCounts = new Dictionary<(ulong, int), Dictionary<string, int>>();
        var tagFeatCounts = new Dictionary<int, Dictionary<string, int>>();
        var editCounts = new Dictionary<(ulong, int), Dictionary<(int, string), int>>();
        foreach (var (w, tag, upos) in words)
        {
            var key = (FeatureHash.OfLower(w.Form), tag);
            Count(lemmaCounts, key, w.Lemma);
            Count(featCounts, key, w.Feats);
            Count(tagFeatCounts, tag, w.Feats);
            if (w.Upos == "PROPN" || w.Form.Length < 2)
            {
                continue;
            }

            var lower = w.Form.ToLowerInvariant();
            var lemma = w.Lemma.ToLowerInvariant();
            var p = 0;
            while (p < lower.Length && p < lemma.Length && lower[p] == lemma[p])
            {
                p++;
            }

            var edit = (lower.Length - p, lemma[p..]);
            for (var k = 1; k <= Math.Min(MaxSuffix, lower.Length - 1); k++)
            {
                Count(editCounts, (FeatureHash.Of(lower.AsSpan(lower.Length - k)), upos), edit);
            }
        }

        var lemmas = lemmaCounts.ToDictionary(kv => kv.Key, kv => Best(kv.Value));
        var feats = featCounts.ToDictionary(kv => kv.Key, kv => Best(kv.Value));
        var edits = new Dictionary<(ulong, int), (int, string)>();
        foreach (var (key, counts) in editCounts)
        {
            var best = counts.MaxBy(c => c.Value);
            if (best.Value >= MinSuffixCount)
            {
                edits[key] = best.Key;
            }
        }

        var tagFeats = new string[tags];
        for (var t = 0; t < tags; t++)
        {
            tagFeats[t] = tagFeatCounts.TryGetValue(t, out var c) ? Best(c) : "_";
        }

        return new Lemmatizer(lemmas, edits, feats, tagFeats);
    }

    private static void Count<TKey, TValue>(Dictionary<TKey, Dictionary<TValue, int>> d, TKey key, TValue value)
        where TKey : notnull
        where TValue : notnull
    {
        if (!d.TryGetValue(key, out var inner))
        {
            d[key] = inner = [];
        }

        inner[value] = inner.GetValueOrDefault(value) + 1;
    }

    // Ties go to the ordinal-first value so training is deterministic whatever the dictionary order.
    private static string Best(Dictionary<string, int> counts) =>
        counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key;

    internal void Write(BinaryWriter w)
    {
        w.Write(_lemmas.Count);
        foreach (var ((form, tag), lemma) in _lemmas)
        {
            w.Write(form);
            w.Write(tag);
            w.Write(lemma);
        }

        w.Write(_edits.Count);
        foreach (var ((suffix, upos), (strip, append)) in _edits)
        {
            w.Write(suffix);
            w.Write(upos);
            w.Write(strip);
            w.Write(append);
        }

        w.Write(_feats.Count);
        foreach (var ((form, tag), f) in _feats)
        {
            w.Write(form);
            w.Write(tag);
            w.Write(f);
        }

        ModelFile.WriteStrings(w, _tagFeats);
    }

    internal static Lemmatizer Read(BinaryReader r)
    {
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        string Intern(string s) => strings.TryGetValue(s, out var v) ? v : strings[s] = s;
        var n = r.ReadInt32();
        var lemmas = new Dictionary<(ulong, int), string>(n);
        for (var i = 0; i < n; i++)
        {
            lemmas[(r.ReadUInt64(), r.ReadInt32())] = r.ReadString();
        }

        n = r.ReadInt32();
        var edits = new Dictionary<(ulong, int), (int, string)>(n);
        for (var i = 0; i < n; i++)
        {
            edits[(r.ReadUInt64(), r.ReadInt32())] = (r.ReadInt32(), Intern(r.ReadString()));
        }

        n = r.ReadInt32();
        var feats = new Dictionary<(ulong, int), string>(n);
        for (var i = 0; i < n; i++)
        {
            feats[(r.ReadUInt64(), r.ReadInt32())] = Intern(r.ReadString());
        }

        return new Lemmatizer(lemmas, edits, feats, ModelFile.ReadStrings(r));
    }
}
