using System.Runtime.CompilerServices;
using System.Buffers;
using IraqCoalition.Core.Linguistics.Learning;
using IraqCoalition.Core.Linguistics.Tagging;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Linguistics.Names;

/// <summary>
/// Greedy averaged-perceptron named-entity recogniser over BILOU tags (Ratinov and Roth 2009: greedy
/// BILOU decoding is as good as Viterbi for names and much cheaper), reading the tagger's predicted
/// tags and gazetteer matches. Each step only considers the tags that keep the sequence valid, so the
/// output never needs repair. Immutable after loading; recognising allocates nothing but pooled buffers.
/// </summary>
public sealed class NameRecognizer
{
    public const string Kind = "name-recognizer";
    public const int FormatVersion = 1;

    private readonly PerceptronModel _model;
    private readonly HashSet<ulong> _lowercase;
    private readonly ulong[] _posKeys;
    private readonly ulong[] _tagKeys;

    internal NameRecognizer(PerceptronModel model, Gazetteer gazetteer, HashSet<ulong> lowercase, IReadOnlyList<string> posTags)
    {
        _model = model;
        Gazetteer = gazetteer;
        _lowercase = lowercase;
        PosTags = posTags;
        _posKeys = [.. posTags.Select(t => PosKey(t))];
        _tagKeys = [.. Enumerable.Range(0, Bilou.Classes).Select(NameFeatures.TagKey)];
    }

    /// <summary>The tagger's joint tags, in its order: <c>posTags</c> passed to <see cref="Recognize"/> index these.</summary>
    public IReadOnlyList<string> PosTags { get; }

    public int FeatureCount => _model.FeatureCount;

    internal Gazetteer Gazetteer { get; }

    internal HashSet<ulong> Lowercase => _lowercase;

    internal static ulong PosKey(string jointTag) => FeatureHash.Of(jointTag);

    /// <summary>
    /// Appends the names of one sentence to <paramref name="into"/> as token ranges, in order.
    /// <paramref name="posTags"/> are the tagger's joint tag indices for <paramref name="tokens"/>.
    /// Pass the same <paramref name="memory"/> for every sentence of a document, in order, so later
    /// mentions of a name are read in the light of earlier ones.
    /// </summary>
    public void Recognize(string text, ReadOnlySpan<Span> tokens, ReadOnlySpan<int> posTags, List<NameSpan> into, NameMemory? memory = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(into);
        var n = tokens.Length;
        if (n == 0)
        {
            return;
        }

        var keys = ArrayPool<ulong>.Shared.Rent(n);
        var tags = ArrayPool<int>.Shared.Rent(n);
        var data = ArrayPool<NameToken>.Shared.Rent(n + 4);
        try
        {
            for (var i = 0; i < n; i++)
            {
                keys[i] = _posKeys[posTags[i]];
            }

            NameFeatures.Prepare(text, tokens, keys.AsSpan(0, n), Gazetteer, _lowercase, memory, data);
            Decode(data.AsSpan(0, n + 4), n, tags);
            Bilou.Decode(tags.AsSpan(0, n), into);
            memory?.Remember(data.AsSpan(0, n + 4), tags.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(tags);
            ArrayPool<NameToken>.Shared.Return(data);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Decode(ReadOnlySpan<NameToken> data, int n, Span<int> tags)
    {
        Span<ulong> f = stackalloc ulong[NameFeatures.MaxCount];
        Span<float> scores = stackalloc float[Bilou.Classes];
        var previous = Bilou.Outside;
        var t2 = _tagKeys[Bilou.Outside];
        for (var i = 0; i < n; i++)
        {
            var count = NameFeatures.Extract(data, i, _tagKeys[previous], t2, f);
            _model.Score(f[..count], scores);
            var tag = Best(scores, previous, i == n - 1);
            tags[i] = tag;
            t2 = _tagKeys[previous];
            previous = tag;
        }
    }

    /// <summary>The best-scoring tag that may follow <paramref name="previous"/>.</summary>
    internal static int Best(ReadOnlySpan<float> scores, int previous, bool last)
    {
        var best = -1;
        for (var c = 0; c < Bilou.Classes; c++)
        {
            var ok = last ? Bilou.AllowedLast(previous, c) : Bilou.Allowed(previous, c);
            if (ok && (best < 0 || scores[c] > scores[best]))
            {
                best = c;
            }
        }

        return best;
    }

    public void Save(string path) => ModelFile.Save(path, Kind, FormatVersion, w =>
    {
        ModelFile.WriteStrings(w, PosTags.ToArray());
        w.Write(_lowercase.Count);
        foreach (var k in _lowercase.Order())
        {
            w.Write(k);
        }

        Gazetteer.Write(w);
        _model.Write(w);
    });

    /// <summary>
    /// Loads a model to read the tags of <paramref name="tagger"/>. The weights are keyed by tag names,
    /// so a retrained tagger with the same tag set serves as well as the one the model was trained with.
    /// </summary>
    public static NameRecognizer Load(string path, PosTagger tagger)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        return ModelFile.Load(path, Kind, FormatVersion, (r, _) => Read(r, tagger.Tags));
    }

    public static NameRecognizer Load(Stream stream, string name, PosTagger tagger)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        return ModelFile.Load(stream, Kind, FormatVersion, (r, _) => Read(r, tagger.Tags), name);
    }

    private static NameRecognizer Read(BinaryReader r, IReadOnlyList<string> taggerTags)
    {
        var trainedWith = ModelFile.ReadStrings(r);
        var unknown = taggerTags.Except(trainedWith, StringComparer.Ordinal).ToList();
        if (unknown.Count > taggerTags.Count / 10)
        {
            throw new InvalidDataException($"the name model was trained with a different tag set ({unknown.Count} of the tagger's tags unknown to it); retrain it with train ner");
        }

        var n = r.ReadInt32();
        var lowercase = new HashSet<ulong>(n);
        for (var i = 0; i < n; i++)
        {
            lowercase.Add(r.ReadUInt64());
        }

        var gazetteer = Gazetteer.Read(r);
        return new NameRecognizer(PerceptronModel.Read(r), gazetteer, lowercase, taggerTags);
    }
}
