using System.Runtime.CompilerServices;
using IraqCoalition.Core.Linguistics.Learning;

namespace IraqCoalition.Core.Linguistics.Parsing;

/// <summary>
/// The feature templates of Zhang and Nivre (2011) for arc-eager parsing: words and tags of the
/// stack top, its head and outermost children, the next three buffer words, their pairs and
/// triples, distance, valency and the label sets of the children already attached.
/// </summary>
internal static class ParserFeatures
{
    public const int Count = 76;

    private static readonly ulong None = FeatureHash.Of("<none>");

    /// <summary>
    /// <paramref name="words"/> and <paramref name="tags"/> are indexed by word (0 = root).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Extract(ParserState st, ulong[] words, ulong[] tags, Span<ulong> f)
    {
        var s0 = st.S0;
        var n0 = st.Buffer <= st.N ? st.Buffer : -1;
        var n1 = n0 >= 0 && n0 + 1 <= st.N ? n0 + 1 : -1;
        var n2 = n1 >= 0 && n1 + 1 <= st.N ? n1 + 1 : -1;
        var s1 = st.S1;
        var s0h = st.Heads[s0];
        var s0h2 = s0h >= 0 ? st.Heads[s0h] : -1;
        var s0l = st.Left1[s0];
        var s0l2 = st.Left2[s0];
        var s0r = st.Right1[s0];
        var s0r2 = st.Right2[s0];
        var n0l = n0 >= 0 ? st.Left1[n0] : -1;
        var n0l2 = n0 >= 0 ? st.Left2[n0] : -1;

        ulong W(int i) => i >= 0 ? words[i] : None;
        ulong P(int i) => i >= 0 ? tags[i] : None;
        ulong L(int i) => i >= 0 && st.Labels[i] >= 0 ? (ulong)st.Labels[i] + 1 : 0;

        var s0w = W(s0);
        var s0p = P(s0);
        var n0w = W(n0);
        var n0p = P(n0);
        var n1w = W(n1);
        var n1p = P(n1);
        var n2w = W(n2);
        var n2p = P(n2);
        var s0wp = FeatureHash.Combine(s0w, s0p);
        var n0wp = FeatureHash.Combine(n0w, n0p);
        var d = (ulong)(n0 < 0 || s0 == 0 ? 0 : Math.Min(n0 - s0, 5) + (n0 - s0 >= 10 ? 1 : 0));
        var s0vl = (ulong)Math.Min(st.LeftCount[s0], 5);
        var s0vr = (ulong)Math.Min(st.RightCount[s0], 5);
        var n0vl = (ulong)(n0 >= 0 ? Math.Min(st.LeftCount[n0], 5) : 0);
        var s0sl = st.LeftLabels[s0];
        var s0sr = st.RightLabels[s0];
        var n0sl = n0 >= 0 ? st.LeftLabels[n0] : 0;

        f[0] = FeatureHash.F(0, s0wp);
        f[1] = FeatureHash.F(1, s0w);
        f[2] = FeatureHash.F(2, s0p);
        f[3] = FeatureHash.F(3, n0wp);
        f[4] = FeatureHash.F(4, n0w);
        f[5] = FeatureHash.F(5, n0p);
        f[6] = FeatureHash.F(6, n1w, n1p);
        f[7] = FeatureHash.F(7, n1w);
        f[8] = FeatureHash.F(8, n1p);
        f[9] = FeatureHash.F(9, n2w, n2p);
        f[10] = FeatureHash.F(10, n2w);
        f[11] = FeatureHash.F(11, n2p);
        f[12] = FeatureHash.F(12, s0wp, n0wp);
        f[13] = FeatureHash.F(13, s0wp, n0w);
        f[14] = FeatureHash.F(14, s0w, n0wp);
        f[15] = FeatureHash.F(15, s0wp, n0p);
        f[16] = FeatureHash.F(16, s0p, n0wp);
        f[17] = FeatureHash.F(17, s0w, n0w);
        f[18] = FeatureHash.F(18, s0p, n0p);
        f[19] = FeatureHash.F(19, n0p, n1p);
        f[20] = FeatureHash.F(20, n0p, n1p, n2p);
        f[21] = FeatureHash.F(21, s0p, n0p, n1p);
        f[22] = FeatureHash.F(22, P(s0h), s0p, n0p);
        f[23] = FeatureHash.F(23, s0p, P(s0l), n0p);
        f[24] = FeatureHash.F(24, s0p, P(s0r), n0p);
        f[25] = FeatureHash.F(25, s0p, n0p, P(n0l));
        f[26] = FeatureHash.F(26, s0w, d);
        f[27] = FeatureHash.F(27, s0p, d);
        f[28] = FeatureHash.F(28, n0w, d);
        f[29] = FeatureHash.F(29, n0p, d);
        f[30] = FeatureHash.F(30, s0w, n0w, d);
        f[31] = FeatureHash.F(31, s0p, n0p, d);
        f[32] = FeatureHash.F(32, s0w, s0vr);
        f[33] = FeatureHash.F(33, s0p, s0vr);
        f[34] = FeatureHash.F(34, s0w, s0vl);
        f[35] = FeatureHash.F(35, s0p, s0vl);
        f[36] = FeatureHash.F(36, n0w, n0vl);
        f[37] = FeatureHash.F(37, n0p, n0vl);
        f[38] = FeatureHash.F(38, W(s0h));
        f[39] = FeatureHash.F(39, P(s0h));
        f[40] = FeatureHash.F(40, L(s0));
        f[41] = FeatureHash.F(41, W(s0l));
        f[42] = FeatureHash.F(42, P(s0l));
        f[43] = FeatureHash.F(43, L(s0l));
        f[44] = FeatureHash.F(44, W(s0r));
        f[45] = FeatureHash.F(45, P(s0r));
        f[46] = FeatureHash.F(46, L(s0r));
        f[47] = FeatureHash.F(47, W(n0l));
        f[48] = FeatureHash.F(48, P(n0l));
        f[49] = FeatureHash.F(49, L(n0l));
        f[50] = FeatureHash.F(50, W(s0h2));
        f[51] = FeatureHash.F(51, P(s0h2));
        f[52] = FeatureHash.F(52, L(s0h));
        f[53] = FeatureHash.F(53, W(s0l2));
        f[54] = FeatureHash.F(54, P(s0l2));
        f[55] = FeatureHash.F(55, L(s0l2));
        f[56] = FeatureHash.F(56, W(s0r2));
        f[57] = FeatureHash.F(57, P(s0r2));
        f[58] = FeatureHash.F(58, L(s0r2));
        f[59] = FeatureHash.F(59, W(n0l2));
        f[60] = FeatureHash.F(60, P(n0l2));
        f[61] = FeatureHash.F(61, L(n0l2));
        f[62] = FeatureHash.F(62, s0p, P(s0l), P(s0l2));
        f[63] = FeatureHash.F(63, s0p, P(s0r), P(s0r2));
        f[64] = FeatureHash.F(64, s0p, P(s0h), P(s0h2));
        f[65] = FeatureHash.F(65, n0p, P(n0l), P(n0l2));
        f[66] = FeatureHash.F(66, s0w, s0sr);
        f[67] = FeatureHash.F(67, s0p, s0sr);
        f[68] = FeatureHash.F(68, s0w, s0sl);
        f[69] = FeatureHash.F(69, s0p, s0sl);
        f[70] = FeatureHash.F(70, n0w, n0sl);
        f[71] = FeatureHash.F(71, n0p, n0sl);
        f[72] = FeatureHash.F(72, W(s1));
        f[73] = FeatureHash.F(73, P(s1));
        f[74] = FeatureHash.F(74, P(s1), s0p, n0p);

        // Whether the stack top already has its head decides between reduce and the arcs.
        f[75] = FeatureHash.F(75, s0h >= 0 ? 1UL : 0UL, s0p, n0p);
    }
}
