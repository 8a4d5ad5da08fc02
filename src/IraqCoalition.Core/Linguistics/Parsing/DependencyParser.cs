using System.Runtime.CompilerServices;
using IraqCoalition.Core.Linguistics.Learning;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Linguistics.Parsing;

/// <summary>
/// Greedy transition-based dependency parser: arc-eager transitions, one averaged perceptron
/// choosing among shift, reduce and a left or right arc with each Universal Dependencies relation.
/// Linear in sentence length; immutable after loading and safe to share between threads.
/// </summary>
public sealed class DependencyParser
{
    public const string Kind = "dependency-parser";
    public const int FormatVersion = 2;

    [ThreadStatic]
    private static ParserState? _state;

    [ThreadStatic]
    private static ulong[]? _words;

    [ThreadStatic]
    private static ulong[]? _tags;

    private readonly PerceptronModel _model;

    internal DependencyParser(string[] labels, PerceptronModel model)
    {
        Labels = labels;
        _model = model;
        RootLabel = Array.IndexOf(labels, "root");
        DepLabel = Math.Max(0, Array.IndexOf(labels, "dep"));
    }

    /// <summary>The relations, indexed as in <see cref="Parse"/>'s output.</summary>
    public IReadOnlyList<string> Labels { get; }

    public int FeatureCount => _model.FeatureCount;

    private int RootLabel { get; }

    private int DepLabel { get; }

    /// <summary>The tag key the features use for a joint tag string (the tagger's "UPOS\tXPOS").</summary>
    public static ulong TagKey(string tag) => FeatureHash.Of(tag);

    /// <summary>
    /// Parses one sentence. <paramref name="heads"/>[i] receives the head of token i as a token
    /// index (-1 for the root) and <paramref name="labels"/>[i] its relation.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Parse(string text, ReadOnlySpan<Span> tokens, ReadOnlySpan<ulong> tagKeys, Span<int> heads, Span<int> labels)
    {
        ArgumentNullException.ThrowIfNull(text);
        var n = tokens.Length;
        var st = _state ??= new ParserState();
        st.Reset(n);
        if (_words is null || _words.Length < n + 1)
        {
            _words = new ulong[Math.Max(n + 1, 128)];
            _tags = new ulong[_words.Length];
        }

        var words = _words;
        var tags = _tags!;
        Fill(text, tokens, tagKeys, words, tags);
        Span<ulong> f = stackalloc ulong[ParserFeatures.Count];
        Span<float> scores = stackalloc float[_model.Classes];
        while (!st.Done)
        {
            ParserFeatures.Extract(st, words, tags, f);
            _model.Score(f, scores);
            st.Apply(BestValid(st, scores));
        }

        Finish(st, RootLabel, DepLabel);
        for (var i = 1; i <= n; i++)
        {
            heads[i - 1] = st.Heads[i] - 1;
            labels[i - 1] = st.Labels[i];
        }
    }

    internal static void Fill(string text, ReadOnlySpan<Span> tokens, ReadOnlySpan<ulong> tagKeys, Span<ulong> words, Span<ulong> tags)
    {
        words[0] = WordKeys.Start;
        tags[0] = WordKeys.Start;
        for (var i = 0; i < tokens.Length; i++)
        {
            words[i + 1] = WordKeys.NormOf(text.AsSpan(tokens[i].Start, tokens[i].Length));
            tags[i + 1] = tagKeys[i];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int BestValid(ParserState st, ReadOnlySpan<float> scores)
    {
        var best = -1;
        var bestScore = float.NegativeInfinity;
        for (var t = 0; t < scores.Length; t++)
        {
            if (scores[t] > bestScore && st.IsValid(t))
            {
                best = t;
                bestScore = scores[t];
            }
        }

        return best;
    }

    /// <summary>
    /// Words left without a head when the buffer runs out: the first becomes the root when the
    /// sentence has none, and the rest depend on the root word, so every tree is a tree.
    /// </summary>
    internal static void Finish(ParserState st, int rootLabel, int depLabel)
    {
        var root = -1;
        for (var i = 1; i <= st.N; i++)
        {
            if (st.Heads[i] == 0)
            {
                root = i;
                break;
            }
        }

        for (var i = 1; i <= st.N; i++)
        {
            if (st.Heads[i] >= 0)
            {
                continue;
            }

            if (root < 0)
            {
                root = i;
                st.Heads[i] = 0;
                st.Labels[i] = rootLabel;
            }
            else
            {
                st.Heads[i] = root;
                st.Labels[i] = depLabel;
            }
        }
    }

    /// <summary>The parser without weights below <paramref name="minWeight"/> (smaller and faster; see the model card).</summary>
    public DependencyParser Pruned(float minWeight) => new(Labels.ToArray(), _model.Pruned(minWeight));

    public void Save(string path) => ModelFile.Save(path, Kind, FormatVersion, w =>
    {
        ModelFile.WriteStrings(w, Labels.ToArray());
        _model.Write(w);
    });

    public static DependencyParser Load(string path) => ModelFile.Load(path, Kind, FormatVersion, Read);

    public static DependencyParser Load(Stream stream, string name) => ModelFile.Load(stream, Kind, FormatVersion, Read, name);

    private static DependencyParser Read(BinaryReader r, int format)
    {
        var labels = ModelFile.ReadStrings(r);
        return new DependencyParser(labels, PerceptronModel.Read(r, interleaved: format == 1));
    }
}
