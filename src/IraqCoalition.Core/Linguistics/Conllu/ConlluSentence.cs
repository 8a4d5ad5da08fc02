namespace IraqCoalition.Core.Linguistics.Conllu;

/// <summary>One syntactic word of a CoNLL-U sentence (multiword ranges and empty nodes are not words).</summary>
public sealed record ConlluWord(
    string Form,
    string Lemma,
    string Upos,
    string Xpos,
    string Feats,
    int Head,
    string Deprel,
    string Misc);

/// <summary>A sentence of a CoNLL-U file: its comment lines and its words (ids 1..n in order).</summary>
public sealed record ConlluSentence(IReadOnlyList<string> Comments, IReadOnlyList<ConlluWord> Words)
{
    /// <summary>Multiword tokens ("don't" over words 3-4 in some treebanks): word ids and surface form.</summary>
    public IReadOnlyList<(int First, int Last, string Form)> MultiwordRanges { get; init; } = [];

    /// <summary>The value of a <c># key = value</c> comment, or null.</summary>
    public string? Comment(string key)
    {
        foreach (var c in Comments)
        {
            var t = c.AsSpan().TrimStart('#').Trim();
            if (t.StartsWith(key, StringComparison.Ordinal))
            {
                var rest = t[key.Length..].TrimStart();
                if (rest.StartsWith('='))
                {
                    return rest[1..].Trim().ToString();
                }
            }
        }

        return null;
    }

    /// <summary>Whether the tree has no crossing arcs (the arc-eager system can only build these).</summary>
    public bool IsProjective()
    {
        var n = Words.Count;
        for (var i = 1; i <= n; i++)
        {
            var hi = Words[i - 1].Head;
            var (a, b) = hi < i ? (hi, i) : (i, hi);
            for (var j = a + 1; j < b; j++)
            {
                var hj = Words[j - 1].Head;
                if (hj < a || hj > b)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
