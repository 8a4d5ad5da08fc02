using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Linguistics.Learning;

/// <summary>
/// The per-token string keys every model's features are built from, computed once per token from
/// the text span: the normalised word, affixes, word shape and exact form.
/// </summary>
internal struct WordKeys
{
    public ulong Form;
    public ulong Lower;
    public ulong Norm;
    public ulong Prefix1;
    public ulong Prefix3;
    public ulong Suffix2;
    public ulong Suffix3;
    public ulong Suffix4;
    public ulong Shape;
    public ulong Flags;

    /// <summary>The word's ambiguity class (the tags it had in training); set by the tagger.</summary>
    public ulong Ambiguity;

    public static readonly ulong Start = FeatureHash.Of("<s>");
    public static readonly ulong End = FeatureHash.Of("</s>");
    private static readonly ulong Year = FeatureHash.Of("!YEAR");
    private static readonly ulong Digits = FeatureHash.Of("!DIGITS");

    /// <summary>The padding value used before the first and after the last token.</summary>
    public static WordKeys Padding(ulong key) => new()
    {
        Form = key, Lower = key, Norm = key, Prefix1 = key, Prefix3 = key,
        Suffix2 = key, Suffix3 = key, Suffix4 = key, Shape = key, Flags = key, Ambiguity = key,
    };

    public static WordKeys Of(ReadOnlySpan<char> w)
    {
        var k = new WordKeys
        {
            Form = FeatureHash.Of(w),
            Lower = FeatureHash.OfLower(w),
            Prefix1 = FeatureHash.Of(w[..1]),
            Prefix3 = FeatureHash.OfLower(w[..Math.Min(3, w.Length)]),
            Suffix2 = FeatureHash.OfLower(w[Math.Max(0, w.Length - 2)..]),
            Suffix3 = FeatureHash.OfLower(w[Math.Max(0, w.Length - 3)..]),
            Suffix4 = FeatureHash.OfLower(w[Math.Max(0, w.Length - 4)..]),
            Shape = ShapeOf(w, out var flags),
            Flags = flags,
        };

        k.Norm = char.IsDigit(w[0]) ? NumberKey(w) : k.Lower;
        return k;
    }

    /// <summary>Only the normalised word, for readers (the parser) that need no other key.</summary>
    public static ulong NormOf(ReadOnlySpan<char> w) => char.IsDigit(w[0]) ? NumberKey(w) : FeatureHash.OfLower(w);

    // Numbers are too many to learn one by one: a year-like number and other numbers are two words.
    private static ulong NumberKey(ReadOnlySpan<char> w) => w.Length == 4 && IsAllDigits(w) ? Year : Digits;

    public static WordKeys Of(string text, Span s) => Of(text.AsSpan(s.Start, s.Length));

    private static bool IsAllDigits(ReadOnlySpan<char> w)
    {
        foreach (var c in w)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    // Shape as in spaCy: X/x/d per character with runs cut at four ("Xxxxx" for "Baghdad").
    // Flags pack capitalisation, hyphen, digit and punctuation presence into one small key.
    private static ulong ShapeOf(ReadOnlySpan<char> w, out ulong flags)
    {
        var h = 14695981039346656037UL;
        char last = '\0';
        var run = 0;
        var f = 0UL;
        for (var i = 0; i < w.Length; i++)
        {
            var c = w[i];
            char s;
            if (char.IsUpper(c))
            {
                s = 'X';
                f |= i == 0 ? 1UL : 2UL;
            }
            else if (char.IsLower(c))
            {
                s = 'x';
                f |= 4;
            }
            else if (char.IsDigit(c))
            {
                s = 'd';
                f |= 8;
            }
            else
            {
                s = c;
                f |= c == '-' ? 16UL : 32UL;
            }

            run = s == last ? run + 1 : 1;
            last = s;
            if (run <= 4)
            {
                h = (h ^ s) * 1099511628211UL;
            }
        }

        flags = FeatureHash.Mix(f + 77);
        return FeatureHash.Mix(h);
    }
}
