using System.Runtime.CompilerServices;
using IraqCoalition.Core.Linguistics.Learning;

namespace IraqCoalition.Core.Linguistics.Tagging;

/// <summary>
/// Features of one position for the greedy left-to-right tagger (Honnibal's design, with shape and
/// longer affixes): the word and its neighbours two either side, their affixes and shapes, and the
/// two tags already chosen to the left.
/// </summary>
internal static class TaggerFeatures
{
    public const int Count = 32;

    /// <summary>
    /// <paramref name="keys"/> is padded with two entries each side: token i is at keys[i + 2].
    /// <paramref name="tags"/> holds the chosen tag keys, padded the same way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Extract(ReadOnlySpan<WordKeys> keys, ReadOnlySpan<ulong> tags, int i, Span<ulong> f)
    {
        var p = i + 2;
        ref readonly var w = ref keys[p];
        ref readonly var wp = ref keys[p - 1];
        ref readonly var wpp = ref keys[p - 2];
        ref readonly var wn = ref keys[p + 1];
        ref readonly var wnn = ref keys[p + 2];
        var t1 = tags[p - 1];
        var t2 = tags[p - 2];
        f[0] = FeatureHash.F(0, 0);
        f[1] = FeatureHash.F(1, w.Norm);
        f[2] = FeatureHash.F(2, w.Suffix3);
        f[3] = FeatureHash.F(3, w.Prefix1);
        f[4] = FeatureHash.F(4, t1);
        f[5] = FeatureHash.F(5, t2);
        f[6] = FeatureHash.F(6, t1, t2);
        f[7] = FeatureHash.F(7, w.Norm, t1);
        f[8] = FeatureHash.F(8, wp.Norm);
        f[9] = FeatureHash.F(9, wp.Suffix3);
        f[10] = FeatureHash.F(10, wpp.Norm);
        f[11] = FeatureHash.F(11, wn.Norm);
        f[12] = FeatureHash.F(12, wn.Suffix3);
        f[13] = FeatureHash.F(13, wnn.Norm);
        f[14] = FeatureHash.F(14, w.Shape);
        f[15] = FeatureHash.F(15, w.Suffix2);
        f[16] = FeatureHash.F(16, w.Suffix4);
        f[17] = FeatureHash.F(17, w.Prefix3);
        f[18] = FeatureHash.F(18, w.Form);
        f[19] = FeatureHash.F(19, wn.Shape);
        f[20] = FeatureHash.F(20, wp.Shape);
        f[21] = FeatureHash.F(21, w.Norm, wn.Norm);
        f[22] = FeatureHash.F(22, wp.Norm, w.Norm);
        f[23] = FeatureHash.F(23, w.Flags, (ulong)(i == 0 ? 1 : 0));
        f[24] = FeatureHash.F(24, t1, w.Suffix3);
        f[25] = FeatureHash.F(25, wn.Norm, wnn.Norm);

        // Ambiguity classes stand in for the tags to the right, which a left-to-right tagger has not chosen yet.
        f[26] = FeatureHash.F(26, w.Ambiguity);
        f[27] = FeatureHash.F(27, wn.Ambiguity);
        f[28] = FeatureHash.F(28, wnn.Ambiguity);
        f[29] = FeatureHash.F(29, t1, w.Ambiguity, wn.Ambiguity);
        f[30] = FeatureHash.F(30, w.Ambiguity, wn.Ambiguity);
        f[31] = FeatureHash.F(31, wp.Ambiguity, w.Ambiguity);
    }
}
