namespace IraqCoalition.Core.Text;

/// <summary>
/// Splits an article body into paragraphs (lines, or blocks between blank lines), tokens and sentences,
/// and finds its quotations and dateline. Sentence ends are decided on tokens: newswire abbreviations
/// (U.S., Lt. Gen., Jan. 3, St.) and initials do not end sentences, a closing quote or bracket after the
/// stop belongs to the sentence it closes, and an ellipsis ends a sentence only before a capital.
/// </summary>
public static class TextSegmenter
{
    // Titles and honorifics stand before a name, so their stop never ends a sentence.
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "brig", "cmdr", "cmdt",
        "gov", "sen", "rep", "reps", "rev", "st", "gens", "pres", "amb", "supt", "insp", "hon", "messrs", "cpl", "pvt",
        "lieut", "ft", "mt", "sheikh", "sr", "jr", "fr", "atty", "mme", "mlle",
    };

    // Abbreviations that usually continue the sentence but may end one ("in Jan." is rare, "Inc." is not).
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "no", "nos", "vs", "v", "etc", "approx", "dept", "est", "inc", "ltd", "co", "corp", "fig", "vol", "al", "cf",
        "e.g", "i.e", "gov't", "univ", "assn", "bros", "ave", "blvd", "rd", "mins", "hrs", "pp", "op", "ed",
    };

    // Words that start sentences in news far more often than they follow an abbreviation mid-sentence.
    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "He", "She", "It", "They", "We", "I", "You", "But", "And", "Or", "So", "This", "That",
        "There", "These", "Those", "His", "Her", "Their", "Its", "Our", "My", "Since", "After", "Before", "When", "While",
        "However", "Meanwhile", "Both", "Some", "Many", "Most", "Officials", "Behind", "If", "As", "For", "From", "With",
        "Yet", "Still", "Also", "Then", "Now", "Earlier", "Later", "Last", "Next", "No", "Not", "Under", "During",
        "According", "Asked", "Speaking", "Despite", "Although", "Though", "Neither", "Nor", "Each", "Every", "All",
        "One", "Two", "Three", "What", "Who", "Why", "How", "Where", "Such", "Other", "Another", "Several", "Such",
    };

    /// <summary>
    /// The most tokens one sentence may have. The clause, event and statement rules look at pairs of
    /// positions within a sentence, so a run-on "sentence" of a whole article can cost the square of
    /// its length (issue 12 measured 217 s for 74 KB); cut into pieces of at most this size, it costs
    /// what its length of ordinary sentences would. News sentences stay far below it (under 100 tokens
    /// in every gold set, tested), so real articles are segmented as before.
    /// </summary>
    public const int MaxSentenceTokens = 150;

    // Conjunctions after a comma that start a clause: the best place to cut a run-on sentence.
    private static readonly HashSet<string> ClauseConjunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "but", "or", "while", "whereas", "as", "which", "who", "after", "before", "when", "because", "although", "though", "so",
    };

    public static TextDocument Segment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paragraphs = SplitParagraphs(text);
        var tokens = new List<Token>(text.Length / 5 + 4);
        var sentences = new List<Span>(text.Length / 100 + 2);
        var sentenceFirstToken = new List<int>(text.Length / 100 + 3);
        foreach (var p in paragraphs)
        {
            var first = tokens.Count;
            Tokenizer.Tokenize(text, p, tokens);
            SplitSentences(text, tokens, first, tokens.Count, sentences, sentenceFirstToken);
        }

        sentenceFirstToken.Add(tokens.Count);
        var quotes = QuoteFinder.Find(text, tokens, paragraphs);
        var dateline = paragraphs.Count > 0 ? FindDateline(text, tokens, paragraphs[0]) : null;
        return new TextDocument(text, paragraphs, sentences, tokens, sentenceFirstToken.ToArray(), quotes, dateline);
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

    private static void SplitSentences(string text, List<Token> tokens, int first, int end, List<Span> into, List<int> firstTokens)
    {
        if (first >= end)
        {
            return;
        }

        var startTok = first;
        var i = first;
        while (i < end)
        {
            var tok = tokens[i];
            var terminal = tok.IsPunct && text[tok.Start] is '.' or '!' or '?' or '…';
            var acronym = !terminal && (tok.Flags & TokenFlags.Dotted) != 0;
            if (!terminal && !acronym)
            {
                i++;
                continue;
            }

            // Closing quotes and brackets directly after the stop stay with the sentence they close.
            var last = i;
            while (last + 1 < end && tokens[last + 1].Start == tokens[last].End && IsCloser(text, tokens[last + 1]))
            {
                last++;
            }

            if (last + 1 >= end)
            {
                break;
            }

            if (tokens[last + 1].Start > tokens[last].End && IsBoundary(text, tokens, i, last + 1, acronym))
            {
                AddSentence(text, tokens, startTok, last + 1, into, firstTokens);
                startTok = last + 1;
            }

            i = last + 1;
        }

        AddSentence(text, tokens, startTok, end, into, firstTokens);
    }

    /// <summary>Adds the sentence of tokens [<paramref name="first"/>, <paramref name="end"/>), cut into pieces of at most <see cref="MaxSentenceTokens"/>.</summary>
    private static void AddSentence(string text, List<Token> tokens, int first, int end, List<Span> into, List<int> firstTokens)
    {
        while (end - first > MaxSentenceTokens)
        {
            var cut = CutAfter(text, tokens, first, first + MaxSentenceTokens);
            into.Add(new Span(tokens[first].Start, tokens[cut].End));
            firstTokens.Add(first);
            first = cut + 1;
        }

        into.Add(new Span(tokens[first].Start, tokens[end - 1].End));
        firstTokens.Add(first);
    }

    /// <summary>
    /// Where to end a piece of a run-on sentence that must end before <paramref name="limit"/>: the
    /// last semicolon or colon in its second half, else the last comma before a conjunction, else the
    /// last comma, else (no punctuation at all) the limit itself.
    /// </summary>
    private static int CutAfter(string text, List<Token> tokens, int first, int limit)
    {
        var from = first + (MaxSentenceTokens / 2);
        int comma = -1, clause = -1;
        for (var i = limit - 1; i >= from; i--)
        {
            if (!tokens[i].IsPunct)
            {
                continue;
            }

            var c = text[tokens[i].Start];
            if (c is ';' or ':')
            {
                return i;
            }

            if (c == ',')
            {
                if (clause < 0 && tokens[i + 1].IsWord && ClauseConjunctions.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[i + 1].AsSpan(text)))
                {
                    clause = i;
                }

                comma = comma < 0 ? i : comma;
            }
        }

        return clause >= 0 ? clause : comma >= 0 ? comma : limit - 1;
    }

    private static bool IsCloser(string text, Token t)
    {
        if (!t.IsPunct)
        {
            return false;
        }

        var c = text[t.Start];
        return c is ')' or ']' or '\u201D' or '\u2019' or '"' or '\'' or '\u00BB';
    }

    private static bool IsBoundary(string text, List<Token> tokens, int stop, int next, bool acronym)
    {
        var nt = tokens[next];
        var nc = text[nt.Start];
        var startsSentence = char.IsUpper(nc) || char.IsDigit(nc) || nc is '"' or '\u201C' or '\'' or '\u2018' or '(' or '[';
        if (!startsSentence)
        {
            return false;
        }

        if (acronym)
        {
            // "U.S." ends a sentence only when a typical sentence opener follows.
            return IsOpener(text, tokens, next);
        }

        var stopText = text[tokens[stop].Start];
        if (stopText != '.' || tokens[stop].Length > 1)
        {
            // ! ? … and "..." end the sentence before a capital.
            return true;
        }

        if (stop == 0 || tokens[stop - 1].End != tokens[stop].Start || !tokens[stop - 1].IsWord)
        {
            return true;
        }

        var word = tokens[stop - 1].AsSpan(text);
        var titles = Titles.GetAlternateLookup<ReadOnlySpan<char>>();
        if (titles.Contains(word))
        {
            return false;
        }

        // Initials ("J. Smith") and listed abbreviations continue unless a sentence opener follows;
        // a month abbreviation before a number ("Jan. 3") always continues.
        if ((word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return !char.IsDigit(nc) && IsOpener(text, tokens, next);
        }

        return true;
    }

    private static bool IsOpener(string text, List<Token> tokens, int index)
    {
        var t = tokens[index];
        if (t.IsQuote && index + 1 < tokens.Count)
        {
            return true;
        }

        return t.IsWord && Openers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(t.AsSpan(text));
    }

    private static Dateline? FindDateline(string text, List<Token> tokens, Span para)
    {
        // Place words in capitals (with an optional ", Region"), an optional date, an optional
        // "(AGENCY)", then a dash, all within the first dozen tokens of the first paragraph.
        var i = 0;
        while (i < tokens.Count && tokens[i].Start < para.Start)
        {
            i++;
        }

        var first = i;
        var limit = Math.Min(tokens.Count, first + 14);
        if (first >= limit || !tokens[first].IsAllCaps || !tokens[first].IsWord)
        {
            return null;
        }

        var placeEnd = tokens[first].End;
        i = first + 1;
        while (i < limit && tokens[i].IsWord && (tokens[i].IsAllCaps || (tokens[i].Flags & TokenFlags.Dotted) != 0))
        {
            placeEnd = tokens[i++].End;
        }

        // ", Afghanistan" / ", D.C." / ", Jan. 5"
        while (i + 1 < limit && text[tokens[i].Start] == ',' && (tokens[i + 1].IsCapitalized || tokens[i + 1].IsNumber))
        {
            var j = i + 1;
            var isDate = false;
            while (j < limit && (tokens[j].IsWord || tokens[j].IsNumber || text[tokens[j].Start] == '.') && !tokens[j].IsDash)
            {
                isDate |= tokens[j].IsNumber;
                j++;
            }

            if (!isDate)
            {
                placeEnd = tokens[j - 1].End;
                if (text[tokens[j - 1].Start] == '.' && tokens[j - 1].Length == 1)
                {
                    placeEnd = tokens[j - 2].End;
                }
            }

            i = j;
        }

        Span? agency = null;
        if (i < limit && text[tokens[i].Start] == '(')
        {
            var j = i + 1;
            while (j < limit && text[tokens[j].Start] != ')')
            {
                j++;
            }

            if (j >= limit || j == i + 1)
            {
                return null;
            }

            agency = new Span(tokens[i + 1].Start, tokens[j - 1].End);
            i = j + 1;
        }

        if (i >= limit || !tokens[i].IsDash)
        {
            return null;
        }

        return new Dateline(new Span(tokens[first].Start, tokens[i].End), new Span(tokens[first].Start, placeEnd), agency);
    }
}
