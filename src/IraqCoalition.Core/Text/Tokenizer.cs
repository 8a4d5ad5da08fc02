namespace IraqCoalition.Core.Text;

/// <summary>
/// Splits text into word, number and punctuation tokens in one pass over the characters, with no
/// regular expressions and no substrings. Words keep internal apostrophes ("Iran’s" stays one token,
/// so possessives can be read off its end) and hyphens ("Abdul-Mahdi"); dotted acronyms and
/// abbreviations keep their full stop ("U.S.", "a.m.") so the stop is not read as a sentence end.
/// </summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<Token>(text.Length / 5 + 4);
        Tokenize(text, new Span(0, text.Length), list);
        return list;
    }

    public static void Tokenize(string text, Span range, List<Token> into)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(into);
        var i = range.Start;
        var end = range.End;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                i = StartsLink(text, i, end) ? ReadLink(text, i, end, into) : ReadWord(text, i, end, into);
                continue;
            }

            // "john_doe@gmail.com": the word read so far is the mailbox of an address.
            if (c == '@' && into.Count > 0 && into[^1].End == i && into[^1].Kind != TokenKind.Punct && i + 1 < end && char.IsLetterOrDigit(text[i + 1]))
            {
                var k = into.Count - 1;
                while (k > 0 && into[k - 1].End == into[k].Start
                    && (into[k - 1].Kind != TokenKind.Punct || (into[k - 1].Span.Length == 1 && text[into[k - 1].Start] is '_' or '.' or '+' or '-')))
                {
                    k--;
                }

                var mailbox = into[k].Start;
                into.RemoveRange(k, into.Count - k);
                i = ReadLink(text, mailbox, end, into);
                continue;
            }

            i = ReadPunct(text, i, end, into);
        }
    }

    private static int ReadWord(string text, int start, int end, List<Token> into)
    {
        var i = start;
        var letters = 0;
        var lower = 0;
        var hyphen = false;
        var digitFirst = char.IsDigit(text[start]);
        while (i < end)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                if (char.IsLetter(c))
                {
                    letters++;
                    if (char.IsLower(c))
                    {
                        lower++;
                    }
                }

                i++;
                continue;
            }

            // Inner joiners: apostrophes and hyphens between letters, and separators inside numbers
            // ("1,000", "3.5", "2020-01-03", "10:30").
            if (i + 1 < end && char.IsLetterOrDigit(text[i + 1]))
            {
                if (c is '\'' or '\u2019' && letters > 0)
                {
                    i++;
                    continue;
                }

                if (c is '-' or '\u2011')
                {
                    hyphen = true;
                    i++;
                    continue;
                }

                if (c is ',' or '.' or ':' or '/' && digitFirst && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]))
                {
                    i++;
                    continue;
                }

                // Dotted acronyms: a single letter, a stop, a letter ("U.S", "a.m").
                if (c == '.' && letters > 0 && i - start >= 1 && IsSingleLetterSegment(text, start, i))
                {
                    i++;
                    continue;
                }
            }

            break;
        }

        var flags = TokenFlags.None;
        // A trailing stop after a dotted acronym belongs to it ("U.S." but not "Iraq.").
        if (i < end && text[i] == '.' && i - start >= 3 && text[i - 2] == '.' && char.IsLetter(text[i - 1]))
        {
            i++;
            flags |= TokenFlags.Dotted;
        }

        if (char.IsUpper(text[start]))
        {
            flags |= TokenFlags.Capitalized;
        }

        if (letters >= 2 && lower == 0)
        {
            flags |= TokenFlags.AllCaps;
        }

        if (hyphen)
        {
            flags |= TokenFlags.Hyphenated;
        }

        into.Add(new Token(new Span(start, i), digitFirst ? TokenKind.Number : TokenKind.Word, flags));
        return i;
    }

    // Web and mail addresses are one token each, as the treebanks have them: cutting them at every
    // dot and slash would hand the sentence splitter and the parser a dozen false words.
    private static bool StartsLink(string text, int i, int end)
    {
        var rest = text.AsSpan(i, end - i);
        return rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && rest.Length > 4 && char.IsLetterOrDigit(rest[4]));
    }

    private static int ReadLink(string text, int start, int end, List<Token> into)
    {
        var i = start;
        while (i < end && !char.IsWhiteSpace(text[i]) && text[i] is not ('<' or '>' or '"' or '\u201C' or '\u201D'))
        {
            i++;
        }

        // Trailing punctuation belongs to the sentence ("see www.un.org.").
        while (i > start + 1 && text[i - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '\'' or '\u2019')
        {
            i--;
        }

        into.Add(new Token(new Span(start, i), TokenKind.Word, TokenFlags.None));
        return i;
    }

    private static bool IsSingleLetterSegment(string text, int start, int dot)
    {
        // True when the characters since the last stop (or the start) are exactly one letter.
        var segStart = dot - 1;
        return segStart >= start && char.IsLetter(text[segStart]) && (segStart == start || text[segStart - 1] == '.');
    }

    private static int ReadPunct(string text, int start, int end, List<Token> into)
    {
        var c = text[start];
        var i = start + 1;
        var flags = TokenFlags.None;
        switch (c)
        {
            case '.':
                while (i < end && text[i] == '.')
                {
                    i++;
                }

                flags = TokenFlags.Terminal;
                break;
            case '-':
                while (i < end && text[i] == '-')
                {
                    i++;
                }

                // "--" and a lone hyphen between spaces are dashes; a hyphen touching a word is not.
                if (i - start >= 2 || ((start == 0 || char.IsWhiteSpace(text[start - 1])) && (i >= end || char.IsWhiteSpace(text[i]))))
                {
                    flags = TokenFlags.Dash;
                }

                break;
            case '\u2014' or '\u2013' or '\u2012' or '\u2015':
                flags = TokenFlags.Dash;
                break;
            case '!' or '?':
                // "!!!" and "?!" are one mark of emphasis, not three sentence ends.
                while (i < end && text[i] is '!' or '?')
                {
                    i++;
                }

                flags = TokenFlags.Terminal;
                break;
            case '…' or ';' or ':':
                flags = TokenFlags.Terminal;
                break;
            case '"' or '\'' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\u00AB' or '\u00BB' or '\u201E':
                flags = TokenFlags.Quote;
                break;
        }

        into.Add(new Token(new Span(start, i), TokenKind.Punct, flags));
        return i;
    }
}
