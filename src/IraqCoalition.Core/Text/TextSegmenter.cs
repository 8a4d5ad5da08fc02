namespace IraqCoalition.Core.Text;

/// <summary>
/// Splits text into paragraphs (non-blank lines or blank-line-separated blocks) and sentences.
/// Newswire abbreviations (U.S., Lt. Gen., Jan.) and initials must not end sentences, and a closing
/// quote after the full stop belongs to the sentence it closes.
/// </summary>
public static class TextSegmenter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "brig", "cmdr", "cmdt",
        "gov", "sen", "rep", "rev", "st", "sr", "jr", "gens", "pres", "amb", "supt", "insp", "hon", "messrs",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "no", "nos", "vs", "etc", "approx", "dept", "est", "inc", "ltd", "co", "corp", "fig", "vol", "ft", "mt",
    };

    public static TextDocument Segment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paragraphs = SplitParagraphs(text);
        var sentences = new List<Span>();
        foreach (var p in paragraphs)
        {
            SplitSentences(text, p, sentences);
        }

        return new TextDocument(text, paragraphs, sentences);
    }

    private static List<Span> SplitParagraphs(string text)
    {
        // News bodies use one line per paragraph or blank lines between paragraphs; both end a paragraph.
        var result = new List<Span>();
        var pos = 0;
        while (pos < text.Length)
        {
            var end = text.IndexOf('\n', pos);
            if (end < 0)
            {
                end = text.Length;
            }

            var s = pos;
            var e = end;
            while (s < e && char.IsWhiteSpace(text[s]))
            {
                s++;
            }

            while (e > s && char.IsWhiteSpace(text[e - 1]))
            {
                e--;
            }

            if (e > s)
            {
                result.Add(new Span(s, e));
            }

            pos = end + 1;
        }

        return result;
    }

    private static void SplitSentences(string text, Span paragraph, List<Span> into)
    {
        var start = paragraph.Start;
        var i = paragraph.Start;
        while (i < paragraph.End)
        {
            var c = text[i];
            if (c is '.' or '!' or '?' or '…')
            {
                var end = i + 1;
                // Runs of terminal punctuation ("?!", "...") and closing quotes/brackets stay with the sentence.
                while (end < paragraph.End && text[end] is '.' or '!' or '?' or '…')
                {
                    end++;
                }

                while (end < paragraph.End && text[end] is '"' or '\'' or '\u201D' or '\u2019' or ')' or ']')
                {
                    end++;
                }

                if (end >= paragraph.End)
                {
                    break;
                }

                if (char.IsWhiteSpace(text[end]) && IsBoundary(text, i, end, paragraph.End))
                {
                    into.Add(new Span(start, end));
                    var next = end;
                    while (next < paragraph.End && char.IsWhiteSpace(text[next]))
                    {
                        next++;
                    }

                    start = next;
                    i = next;
                    continue;
                }

                i = end;
                continue;
            }

            i++;
        }

        if (paragraph.End > start)
        {
            into.Add(new Span(start, paragraph.End));
        }
    }

    private static bool IsBoundary(string text, int punct, int after, int limit)
    {
        var next = after;
        while (next < limit && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        if (next >= limit)
        {
            return true;
        }

        var nc = text[next];
        // A sentence starts with a capital, a digit or an opening quote; anything else continues the sentence.
        var startsSentence = char.IsUpper(nc) || char.IsDigit(nc) || nc is '"' or '\u201C' or '\'' or '\u2018' or '(' or '[';
        if (!startsSentence)
        {
            return false;
        }

        if (text[punct] != '.')
        {
            return true;
        }

        // Ellipsis followed by a capital still ends a sentence.
        if (after - punct > 1 && text[punct + 1] == '.')
        {
            return true;
        }

        var w = punct;
        while (w > 0 && (char.IsLetter(text[w - 1]) || text[w - 1] == '.'))
        {
            w--;
        }

        var word = text[w..punct];
        if (word.Length == 0)
        {
            return true;
        }

        // Initials and dotted acronyms ("U.S.", "J.") rarely end a sentence before a capitalised word in news,
        // except "U.S." at the very end of a clause; a following function word signals a new sentence.
        if (word.Contains('.') || (word.Length == 1 && char.IsUpper(word[0])))
        {
            return IsSentenceOpener(text, next, limit);
        }

        return !Abbreviations.Contains(word);
    }

    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "He", "She", "It", "They", "We", "I", "But", "And", "This", "That",
        "There", "These", "Those", "His", "Her", "Their", "Its", "Since", "After", "Before", "When", "While",
        "However", "Meanwhile", "Both", "Some", "Many", "Most", "Officials", "Behind",
    };

    private static bool IsSentenceOpener(string text, int pos, int limit)
    {
        var e = pos;
        while (e < limit && char.IsLetter(text[e]))
        {
            e++;
        }

        return Openers.Contains(text[pos..e]);
    }
}
