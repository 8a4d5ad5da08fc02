using System.Runtime.InteropServices;

namespace IraqCoalition.Core.Linguistics.Names;

/// <summary>
/// What the recogniser has said so far in one document about each capitalised word: how often it was
/// part of a name of each type. A name's later mentions are often shorter
/// or less clear ("Joshua Abraham Norton" ... "Norton said"); Ratinov and Roth (2009) found this
/// "extended prediction history" one of the strongest features. Use one per document, <see cref="Clear"/>
/// it between documents; it only grows with the document's vocabulary.
/// </summary>
public sealed class NameMemory
{
    // Four saturating byte counts per word, one per NameType.
    private readonly Dictionary<ulong, ulong> _counts = [];

    public void Clear() => _counts.Clear();

    /// <summary>A small key for the word: 0 unknown, else 1 + the most frequent choice, with 8 added when choices differed.</summary>
    internal ulong Recall(ulong form)
    {
        if (!_counts.TryGetValue(form, out var packed))
        {
            return 0;
        }

        var best = 0;
        var bestCount = 0UL;
        var kinds = 0;
        for (var k = 0; k < NameTypes.Count; k++)
        {
            var c = (packed >> (8 * k)) & 0xFF;
            kinds += c > 0 ? 1 : 0;
            if (c > bestCount)
            {
                best = k;
                bestCount = c;
            }
        }

        return (ulong)(1 + best + (kinds > 1 ? 8 : 0));
    }

    internal void Remember(ReadOnlySpan<NameToken> data, ReadOnlySpan<int> tags)
    {
        for (var i = 0; i < tags.Length; i++)
        {
            ref readonly var t = ref data[i + 2];
            // Only names are remembered: a capitalised word once missed would otherwise pull every
            // later mention of it out too ("Athens" missed once, then in every sentence).
            if (!t.Capitalised || tags[i] == Bilou.Outside)
            {
                continue;
            }

            var k = (int)Bilou.TypeOf(tags[i]);
            ref var packed = ref CollectionsMarshal.GetValueRefOrAddDefault(_counts, t.Word.Form, out _);
            if (((packed >> (8 * k)) & 0xFF) < 0xFF)
            {
                packed += 1UL << (8 * k);
            }
        }
    }
}
