using System.Runtime.CompilerServices;
using System.Buffers;
using IraqCoalition.Core.Linguistics.Conllu;
using IraqCoalition.Core.Linguistics.Learning;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Linguistics.Tagging;

/// <summary>
/// Greedy averaged-perceptron part-of-speech tagger over joint UPOS+XPOS tags, with a tag
/// dictionary for frequent unambiguous words and the lemmatiser trained on the same treebank.
/// Immutable after loading; tagging allocates nothing but pooled buffers.
/// </summary>
public sealed class PosTagger
{
    public const string Kind = "pos-tagger";
    public const int FormatVersion = 2;

    private readonly PerceptronModel _model;
    private readonly Dictionary<ulong, int> _tagDictionary;
    private readonly ulong[] _tagKeys;

    private static readonly ulong UnknownAmbiguity = FeatureHash.Of("?amb");

    private readonly Dictionary<ulong, ulong> _ambiguity;

    internal PosTagger(string[] tags, PerceptronModel model, Dictionary<ulong, int> tagDictionary, Dictionary<ulong, ulong> ambiguity, Lemmatizer lemmatizer)
    {
        _ambiguity = ambiguity;
        Tags = tags;
        _model = model;
        _tagDictionary = tagDictionary;
        Lemmatizer = lemmatizer;
        _tagKeys = [.. tags.Select(t => FeatureHash.Of(t))];
        var upos = new List<string>();
        UposOf = new int[tags.Length];
        Xpos = new string[tags.Length];
        for (var t = 0; t < tags.Length; t++)
        {
            var tab = tags[t].IndexOf('\t', StringComparison.Ordinal);
            var u = tags[t][..tab];
            Xpos[t] = tags[t][(tab + 1)..];
            var ui = upos.IndexOf(u);
            if (ui < 0)
            {
                ui = upos.Count;
                upos.Add(u);
            }

            UposOf[t] = ui;
        }

        Upos = [.. upos];
        PropnUpos = upos.IndexOf("PROPN");
    }

    /// <summary>Joint tags, "UPOS\tXPOS".</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>The distinct UPOS values; <see cref="UposOf"/> maps a joint tag to one.</summary>
    public string[] Upos { get; }

    public int[] UposOf { get; }

    public string[] Xpos { get; }

    public Lemmatizer Lemmatizer { get; }

    private int PropnUpos { get; }

    public int FeatureCount => _model.FeatureCount;

    /// <summary>Writes the joint tag index of each token of one sentence into <paramref name="tags"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Tag(string text, ReadOnlySpan<Span> tokens, Span<int> tags)
    {
        ArgumentNullException.ThrowIfNull(text);
        var n = tokens.Length;
        var keys = ArrayPool<WordKeys>.Shared.Rent(n + 4);
        var history = ArrayPool<ulong>.Shared.Rent(n + 4);
        try
        {
            Fill(text, tokens, keys, _ambiguity);
            history[0] = history[1] = WordKeys.Start;
            Span<ulong> f = stackalloc ulong[TaggerFeatures.Count];
            Span<float> scores = stackalloc float[_model.Classes];
            for (var i = 0; i < n; i++)
            {
                int t;
                if (!_tagDictionary.TryGetValue(keys[i + 2].Form, out t))
                {
                    TaggerFeatures.Extract(keys.AsSpan(0, n + 4), history.AsSpan(0, n + 4), i, f);
                    _model.Score(f, scores);
                    t = ArgMax(scores[.._model.Classes]);
                }

                tags[i] = t;
                history[i + 2] = _tagKeys[t];
            }
        }
        finally
        {
            ArrayPool<WordKeys>.Shared.Return(keys);
            ArrayPool<ulong>.Shared.Return(history);
        }
    }

    public bool IsProperNoun(int tag) => UposOf[tag] == PropnUpos;

    internal static void Fill(string text, ReadOnlySpan<Span> tokens, WordKeys[] keys, Dictionary<ulong, ulong> ambiguity)
    {
        keys[0] = keys[1] = WordKeys.Padding(WordKeys.Start);
        for (var i = 0; i < tokens.Length; i++)
        {
            ref var k = ref keys[i + 2];
            k = WordKeys.Of(text, tokens[i]);
            k.Ambiguity = ambiguity.TryGetValue(k.Lower, out var a) ? a : UnknownAmbiguity;
        }

        keys[tokens.Length + 2] = keys[tokens.Length + 3] = WordKeys.Padding(WordKeys.End);
    }

    internal static int ArgMax(ReadOnlySpan<float> scores)
    {
        var best = 0;
        for (var c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best])
            {
                best = c;
            }
        }

        return best;
    }

    public void Save(string path) => ModelFile.Save(path, Kind, FormatVersion, w =>
    {
        ModelFile.WriteStrings(w, Tags.ToArray());
        w.Write(_tagDictionary.Count);
        foreach (var (k, v) in _tagDictionary)
        {
            w.Write(k);
            w.Write(v);
        }

        w.Write(_ambiguity.Count);
        foreach (var (k, v) in _ambiguity)
        {
            w.Write(k);
            w.Write(v);
        }

        _model.Write(w);
        Lemmatizer.Write(w);
    });

    public static PosTagger Load(string path) => ModelFile.Load(path, Kind, FormatVersion, Read);

    public static PosTagger Load(Stream stream, string name) => ModelFile.Load(stream, Kind, FormatVersion, Read, name);

    private static PosTagger Read(BinaryReader r, int format)
    {
        var tags = ModelFile.ReadStrings(r);
        var n = r.ReadInt32();
        var dict = new Dictionary<ulong, int>(n);
        for (var i = 0; i < n; i++)
        {
            dict[r.ReadUInt64()] = r.ReadInt32();
        }

        n = r.ReadInt32();
        var ambiguity = new Dictionary<ulong, ulong>(n);
        for (var i = 0; i < n; i++)
        {
            ambiguity[r.ReadUInt64()] = r.ReadUInt64();
        }

        var model = PerceptronModel.Read(r, interleaved: format == 1);
        return new PosTagger(tags, model, dict, ambiguity, Lemmatizer.Read(r));
    }

    /// <summary>Joint tag of a treebank word.</summary>
    public static string JointTag(ConlluWord w)
    {
        ArgumentNullException.ThrowIfNull(w);
        return w.Upos + "\t" + w.Xpos;
    }
}
