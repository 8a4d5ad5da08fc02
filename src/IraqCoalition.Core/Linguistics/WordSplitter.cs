using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Linguistics;

/// <summary>
/// Turns the segmenter's tokens into syntactic words as the English treebanks have them: clitics
/// split off ("Iran’s" -> "Iran" "’s", "don't" -> "do" "n't", "cannot" -> "can" "not") and hyphenated
/// compounds split around the hyphen ("U.S.-led" -> "U.S." "-" "led") unless the first part is a
/// bound prefix ("pro-Iranian", "re-elected"). Character decisions stay with the one tokeniser;
/// this only cuts its tokens, so every word is still an exact span of the text.
/// </summary>
public static class WordSplitter
{
    private static readonly HashSet<string> Prefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "e", "x", "co", "re", "pre", "pro", "anti", "non", "ex", "post", "pan", "mid", "multi", "semi", "sub",
        "inter", "intra", "counter", "neo", "self", "vice", "de", "un", "over", "under", "cross", "ultra", "trans",
    };

    public static void Split(string text, IReadOnlyList<Token> tokens, int from, int to, List<Span> into)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(into);
        for (var t = from; t < to; t++)
        {
            var tok = tokens[t];
            if (tok.Kind == TokenKind.Punct || tok.Span.Length < 2)
            {
                into.Add(tok.Span);
                continue;
            }

            SplitWord(text, tok.Span, into);
        }
    }

    private static void SplitWord(string text, Span span, List<Span> into)
    {
        var w = text.AsSpan(span.Start, span.Length);
        var clitic = CliticLength(w);
        var stem = new Span(span.Start, span.End - clitic);
        SplitHyphens(text, stem, into);
        if (clitic > 0)
        {
            into.Add(new Span(span.End - clitic, span.End));
        }
    }

    private static int CliticLength(ReadOnlySpan<char> w)
    {
        var n = w.Length;
        if (n >= 4 && IsApostrophe(w[n - 2]) && (w[n - 3] is 'n' or 'N') && (w[n - 1] is 't' or 'T'))
        {
            // "can't" and "won't" keep their stem letters: ca|n't, wo|n't, as in the treebanks.
            return 3;
        }

        if (w.Equals("cannot", StringComparison.OrdinalIgnoreCase))
        {
            return 3;
        }

        if (n >= 3 && IsApostrophe(w[n - 2]) && char.IsLetter(w[n - 3]) && (w[n - 1] is 's' or 'S' or 'm' or 'M' or 'd' or 'D'))
        {
            return 2;
        }

        if (n >= 4 && IsApostrophe(w[n - 3]) && char.IsLetter(w[n - 4])
            && (w[^2..].Equals("re", StringComparison.OrdinalIgnoreCase) || w[^2..].Equals("ve", StringComparison.OrdinalIgnoreCase) || w[^2..].Equals("ll", StringComparison.OrdinalIgnoreCase)))
        {
            return 3;
        }

        // A plural possessive apostrophe ("officials'") is a word of its own.
        if (n >= 3 && IsApostrophe(w[n - 1]) && (w[n - 2] is 's' or 'S'))
        {
            return 1;
        }

        return 0;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static void SplitHyphens(string text, Span span, List<Span> into)
    {
        var start = span.Start;
        for (var i = span.Start + 1; i < span.End - 1; i++)
        {
            if (text[i] != '-' || !char.IsLetter(text[i + 1]) || !(char.IsLetter(text[i - 1]) || text[i - 1] == '.'))
            {
                continue;
            }

            var left = text.AsSpan(start, i - start);
            if (start == span.Start && Prefixes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(left))
            {
                continue;
            }

            into.Add(new Span(start, i));
            into.Add(new Span(i, i + 1));
            start = i + 1;
        }

        into.Add(new Span(start, span.End));
    }
}
