using System.Runtime.CompilerServices;
using System.Buffers;
using IraqCoalition.Core.Linguistics.Learning;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Linguistics.Names;

/// <summary>What the features read of one token, computed once per token before tagging.</summary>
internal struct NameToken
{
    public WordKeys Word;
    public ulong Pos;

    /// <summary>The gazetteer mark (<see cref="Gazetteer.Mark"/>) of the token.</summary>
    public int Gazetteer;

    /// <summary>The word is common in lower case, so a capital on it says little (sentence starts, headlines).</summary>
    public ulong Common;

    /// <summary>
    /// Of the capitalised run that starts here ("Trinity College", "University of Chicago"): its last
    /// word, the word after it and its length. The type of a name is chosen at its first token, and
    /// these let that choice see the head of the name and what follows it.
    /// </summary>
    public ulong RunLast;
    public ulong RunLastSuffix;
    public ulong RunAfter;
    public ulong RunLength;

    public bool Capitalised;

    /// <summary>What the document said of this word before (<see cref="NameMemory.Recall"/>); 0 without a memory.</summary>
    public ulong Memory;
}

/// <summary>
/// Features of one position for the greedy left-to-right BILOU tagger: the word, its case-folded form,
/// shape and affixes; words, shapes and tags two either side; the two entity tags already chosen; the
/// capitalisation of a sentence-initial word; and the position of the word in gazetteer matches, per list.
/// </summary>
internal static class NameFeatures
{
    public const int MaxCount = 41 + Gazetteer.Lists;

    private static readonly ulong PosPadding = FeatureHash.Of("<pos>");
    private static readonly ulong CommonKey = FeatureHash.Of("<common>");

    /// <summary>Fills <paramref name="into"/>[2 .. n + 2) with the tokens, padding two each side.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Prepare(string text, ReadOnlySpan<Span> tokens, ReadOnlySpan<ulong> posKeys, Gazetteer gazetteer, HashSet<ulong> lowercase, NameMemory? memory, Span<NameToken> into)
    {
        var n = tokens.Length;
        var lowers = ArrayPool<ulong>.Shared.Rent(n);
        var marks = ArrayPool<int>.Shared.Rent(n);
        try
        {
            for (var i = 0; i < n; i++)
            {
                ref var t = ref into[i + 2];
                t.Word = WordKeys.Of(text, tokens[i]);
                t.Pos = posKeys[i];
                t.Common = lowercase.Contains(t.Word.Lower) ? CommonKey : 0;
                lowers[i] = t.Word.Lower;
            }

            gazetteer.Mark(lowers.AsSpan(0, n), marks);
            for (var i = 0; i < n; i++)
            {
                into[i + 2].Gazetteer = marks[i];
            }

            MarkRuns(text, tokens, into);
            for (var i = 0; i < n; i++)
            {
                ref var t = ref into[i + 2];
                t.Memory = memory is not null && t.Capitalised ? memory.Recall(t.Word.Form) : 0;
            }

            into[0] = into[1] = Padding(WordKeys.Start);
            into[n + 2] = into[n + 3] = Padding(WordKeys.End);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(lowers);
            ArrayPool<int>.Shared.Return(marks);
        }
    }

    private static readonly ulong NoRun = FeatureHash.Of("<norun>");
    private static readonly ulong Of = FeatureHash.OfLower("of");

    // Right to left, so each token knows where the capitalised run starting at it ends; "of" between
    // capitalised words stays inside the run.
    private static void MarkRuns(string text, ReadOnlySpan<Span> tokens, Span<NameToken> into)
    {
        var n = tokens.Length;
        var end = -1;
        for (var i = n - 1; i >= 0; i--)
        {
            ref var t = ref into[i + 2];
            var cap = IsCapitalised(text, tokens[i]);
            t.Capitalised = cap;
            if (cap)
            {
                end = end < 0 ? i : end;
            }
            else if (!(t.Word.Lower == Of && end >= 0 && i > 0 && IsCapitalised(text, tokens[i - 1])))
            {
                end = -1;
            }

            if (end < 0 || !cap)
            {
                t.RunLast = t.RunLastSuffix = t.RunAfter = t.RunLength = NoRun;
                continue;
            }

            ref readonly var last = ref into[end + 2].Word;
            t.RunLast = last.Lower;
            t.RunLastSuffix = last.Suffix3;
            t.RunAfter = into[end + 3].Word.Lower;
            t.RunLength = (ulong)Math.Min(end - i + 1, 4);
        }
    }

    private static bool IsCapitalised(string text, Span token) => char.IsUpper(text[token.Start]);

    private static NameToken Padding(ulong key) => new()
    {
        Word = WordKeys.Padding(key), Pos = PosPadding, Gazetteer = 0, Common = 0, RunLast = key, RunLastSuffix = key, RunAfter = key, RunLength = key,
    };

    /// <summary>Key of a chosen entity tag, for the history features.</summary>
    public static ulong TagKey(int tag) => FeatureHash.Mix((ulong)tag + 0x5151);

    /// <summary>The features of token <paramref name="i"/> (at <paramref name="t"/>[i + 2]); returns how many were written.</summary>
    public static int Extract(ReadOnlySpan<NameToken> t, int i, ulong t1, ulong t2, Span<ulong> f)
    {
        var p = i + 2;
        ref readonly var w = ref t[p].Word;
        ref readonly var wp = ref t[p - 1].Word;
        ref readonly var wpp = ref t[p - 2].Word;
        ref readonly var wn = ref t[p + 1].Word;
        ref readonly var wnn = ref t[p + 2].Word;
        var pos = t[p].Pos;
        var posP = t[p - 1].Pos;
        var posN = t[p + 1].Pos;
        var gaz = (ulong)t[p].Gazetteer;
        var initial = (ulong)(i == 0 ? 1 : 0);
        f[0] = FeatureHash.F(0, 0);
        f[1] = FeatureHash.F(1, w.Form);
        f[2] = FeatureHash.F(2, w.Lower);
        f[3] = FeatureHash.F(3, w.Shape);
        f[4] = FeatureHash.F(4, w.Prefix3);
        f[5] = FeatureHash.F(5, w.Suffix3);
        f[6] = FeatureHash.F(6, w.Suffix4);

        // A capital at a sentence start is spelling, not a name; the common-word key tells which words that is.
        f[7] = FeatureHash.F(7, w.Flags, initial);
        f[8] = FeatureHash.F(8, w.Flags, initial, t[p].Common);
        f[9] = FeatureHash.F(9, wp.Lower);
        f[10] = FeatureHash.F(10, wpp.Lower);
        f[11] = FeatureHash.F(11, wn.Lower);
        f[12] = FeatureHash.F(12, wnn.Lower);
        f[13] = FeatureHash.F(13, wp.Shape);
        f[14] = FeatureHash.F(14, wn.Shape);
        f[15] = FeatureHash.F(15, pos);
        f[16] = FeatureHash.F(16, posP);
        f[17] = FeatureHash.F(17, posN);
        f[18] = FeatureHash.F(18, posP, pos);
        f[19] = FeatureHash.F(19, pos, posN);
        f[20] = FeatureHash.F(20, t1);
        f[21] = FeatureHash.F(21, t1, t2);
        f[22] = FeatureHash.F(22, t1, w.Lower);
        f[23] = FeatureHash.F(23, t1, w.Shape);
        f[24] = FeatureHash.F(24, wp.Lower, w.Lower);
        f[25] = FeatureHash.F(25, w.Lower, wn.Lower);
        f[26] = FeatureHash.F(26, gaz);
        f[27] = FeatureHash.F(27, gaz, w.Flags);
        f[28] = FeatureHash.F(28, (ulong)t[p - 1].Gazetteer);
        f[29] = FeatureHash.F(29, (ulong)t[p + 1].Gazetteer);
        f[30] = FeatureHash.F(30, t1, gaz);
        f[31] = FeatureHash.F(31, pos, w.Shape);
        f[32] = FeatureHash.F(32, wp.Lower, pos);
        f[33] = FeatureHash.F(33, w.Suffix2, t[p].Common);
        ref readonly var run = ref t[p];
        f[34] = FeatureHash.F(34, run.RunLast);
        f[35] = FeatureHash.F(35, run.RunLastSuffix);
        f[36] = FeatureHash.F(36, run.RunAfter);
        f[37] = FeatureHash.F(37, wp.Lower, run.RunAfter);
        f[38] = FeatureHash.F(38, run.RunLength, run.RunLast);
        f[39] = FeatureHash.F(39, t[p].Memory, initial);
        f[40] = FeatureHash.F(40, t[p].Memory, t1);
        var count = 41;
        for (var l = 0; l < Gazetteer.Lists; l++)
        {
            var position = Gazetteer.PositionIn(t[p].Gazetteer, (GazetteerList)l);
            if (position != 0)
            {
                f[count++] = FeatureHash.F(50 + l, (ulong)position);
            }
        }

        return count;
    }
}
