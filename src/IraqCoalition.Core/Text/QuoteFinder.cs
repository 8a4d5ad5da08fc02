namespace IraqCoalition.Core.Text;

/// <summary>
/// Finds quoted passages from the quote tokens of each paragraph. Curly marks say which way they
/// face; a straight mark opens when it follows a space or a bracket and closes otherwise. A single
/// mark is only a quotation mark when it is not an apostrophe: "Iran’s" and "’90s" are words.
/// </summary>
public static class QuoteFinder
{
    /// <summary>At most this many word tokens, one a speech verb, between two passages of one quotation (an attribution).</summary>
    private const int MaxAttributionWords = 8;

    private static readonly HashSet<string> SpeechVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "say", "added", "adds", "told", "tells", "asked", "asks", "wrote", "writes", "stated", "insisted", "warned",
        "continued", "explained", "declared", "noted", "argued", "replied", "according", "acknowledged", "stressed", "recalled",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechVerbLookup = SpeechVerbs.GetAlternateLookup<ReadOnlySpan<char>>();

    public static List<Quote> Find(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Span> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(paragraphs);
        var quotes = new List<Quote>();
        var group = -1;
        var t = 0;
        var carryOpen = false;
        foreach (var para in paragraphs)
        {
            while (t < tokens.Count && tokens[t].Start < para.Start)
            {
                t++;
            }

            int openDouble = -1, openSingle = -1;
            var lastQuoteEnd = -1;
            var wordsSinceQuote = 0;
            var speechSinceQuote = false;
            for (; t < tokens.Count && tokens[t].Start < para.End; t++)
            {
                var tok = tokens[t];
                if (!tok.IsQuote)
                {
                    if (tok.IsWord || tok.IsNumber)
                    {
                        wordsSinceQuote++;
                        speechSinceQuote |= lastQuoteEnd >= 0 && tok.IsWord && SpeechVerbLookup.Contains(tok.AsSpan(text));
                    }

                    continue;
                }

                var c = text[tok.Start];
                var isSingle = c is '\'' or '\u2018' or '\u2019';
                var opening = IsOpening(text, tok, para);
                if (!isSingle)
                {
                    if (openDouble < 0 && opening)
                    {
                        openDouble = tok.Start;
                        // A new passage continues the previous quotation when only a short attribution
                        // separates them, or when the previous paragraph's quotation was left open.
                        var continues = (carryOpen && lastQuoteEnd < 0 && wordsSinceQuote == 0)
                            || (lastQuoteEnd >= 0 && wordsSinceQuote <= MaxAttributionWords && speechSinceQuote && group >= 0);
                        if (!continues)
                        {
                            group++;
                        }

                        carryOpen = false;
                    }
                    else if (openDouble >= 0 && !opening)
                    {
                        quotes.Add(new Quote(new Span(openDouble, tok.End), new Span(openDouble + 1, tok.Start), group, true, false));
                        openDouble = -1;
                        openSingle = -1;
                        lastQuoteEnd = tok.End;
                        wordsSinceQuote = 0;
                        speechSinceQuote = false;
                    }

                    continue;
                }

                if (opening && openSingle < 0)
                {
                    openSingle = tok.Start;
                }
                else if (!opening && openSingle >= 0)
                {
                    quotes.Add(new Quote(new Span(openSingle, tok.End), new Span(openSingle + 1, tok.Start), openDouble >= 0 ? group : ++group, true, true));
                    openSingle = -1;
                }
            }

            if (openDouble >= 0)
            {
                var end = para.End;
                quotes.Add(new Quote(new Span(openDouble, end), new Span(openDouble + 1, end), group, false, false));
                carryOpen = true;
            }
            else
            {
                carryOpen = false;
            }
        }

        quotes.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return quotes;
    }

    private static bool IsOpening(string text, Token tok, Span para)
    {
        var c = text[tok.Start];
        var before = tok.Start > para.Start ? text[tok.Start - 1] : ' ';
        var after = tok.End < para.End ? text[tok.End] : ' ';
        switch (c)
        {
            case '\u201C' or '\u2018' or '\u00AB' or '\u201E':
                return true;
            case '\u201D' or '\u00BB':
                return false;
            case '\u2019' or '\'':
                // An apostrophe between letters or before a digit is part of a word; the tokenizer keeps the
                // former inside the word, so here a mark after a letter closes and one after a space opens.
                if (char.IsWhiteSpace(before) || before is '(' or '[' or '\u201C' or '"' or '\u2014')
                {
                    return !char.IsDigit(after) && !char.IsWhiteSpace(after);
                }

                return false;
            default:
                return (char.IsWhiteSpace(before) || before is '(' or '[' or '\u2014' or '\u2013' or '\u2018' or '\'')
                    && !char.IsWhiteSpace(after);
        }
    }
}
