using System.Text;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Data.Search;

/// <summary>
/// The words of a search as the index reads them (letters and digits; each a prefix, case and
/// accents ignored, like FTS5's unicode61 tokenizer with remove_diacritics), and where they occur
/// in a text. The same rules choose the sentence a hit shows and mark the words in it.
/// </summary>
public static class SearchTerms
{
    /// <summary>More words than this are dropped: a pasted paragraph must not become a huge query.</summary>
    public const int MaxWords = 16;

    public static IReadOnlyList<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }

        var word = new StringBuilder();
        foreach (var ch in text.Append(' '))
        {
            if (char.IsLetterOrDigit(ch))
            {
                word.Append(ch);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        return words.Take(MaxWords).ToList();
    }

    /// <summary>Where a word of <paramref name="text"/> starts with one of <paramref name="words"/>: (start, length) of the matching prefix, in order.</summary>
    public static IReadOnlyList<(int Start, int Length)> Find(string text, IReadOnlyList<string> words)
    {
        var found = new List<(int, int)>();
        if (words.Count == 0 || string.IsNullOrEmpty(text))
        {
            return found;
        }

        var folded = words.Select(Fold).Where(w => w.Length > 0).OrderByDescending(w => w.Length).ToList();
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsLetterOrDigit(text[i]) || (i > 0 && char.IsLetterOrDigit(text[i - 1])))
            {
                continue;
            }

            foreach (var w in folded)
            {
                if (StartsWith(text, i, w))
                {
                    found.Add((i, w.Length));
                    break;
                }
            }
        }

        return found;
    }

    private static bool StartsWith(string text, int at, string folded)
    {
        if (at + folded.Length > text.Length)
        {
            return false;
        }

        for (var k = 0; k < folded.Length; k++)
        {
            if (Fold(text[at + k]) != folded[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Lower case without accents, one character for one.</summary>
    internal static string Fold(string s) => string.Concat(s.Select(Fold));

    // One character for one, so offsets in the folded text are offsets in the original. A table, not
    // string.Normalize: the app runs with invariant globalization, where normalization has no data.
    private const string Accented = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżž";
    private const string Plain = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzz";

    private static char Fold(char c)
    {
        var lower = char.ToLowerInvariant(c);
        var i = lower < 0x80 ? -1 : Accented.IndexOf(lower, StringComparison.Ordinal);
        return i < 0 ? lower : Plain[i];
    }

    /// <summary>
    /// The sentence of <paramref name="text"/> holding its first match (the text's first sentence when
    /// none matches), cut to about <paramref name="max"/> characters around the match with "…".
    /// </summary>
    public static string Sentence(string text, IReadOnlyList<string> words, int max = 280)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var matches = Find(text, words);
        var at = matches.Count > 0 ? matches[0].Start : 0;
        // The extraction's own segmenter, so "Gen. Frank McKenzie" or "U.S. troops" do not end a sentence here either.
        var sentences = TextSegmenter.Segment(text).Sentences;
        var span = sentences.Where(x => x.End > at).Select(x => (Span?)x).FirstOrDefault() ?? new Span(0, text.Length);
        var sentence = span.Slice(text);
        var offset = Math.Max(at - span.Start, 0);
        if (sentence.Length <= max)
        {
            return sentence.Trim();
        }

        // A long sentence: a window around the match, cut at spaces.
        var from = Math.Clamp(offset - max / 3, 0, sentence.Length - max);
        var to = Math.Min(from + max, sentence.Length);
        from = from == 0 ? 0 : Math.Max(sentence.IndexOf(' ', from) + 1, from);
        to = to == sentence.Length ? to : Math.Max(sentence.LastIndexOf(' ', to - 1), from + 1);
        return (from > 0 ? "\u2026" : "") + sentence[from..to].Trim() + (to < sentence.Length ? "\u2026" : "");
    }
}
