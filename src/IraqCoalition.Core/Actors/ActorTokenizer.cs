namespace IraqCoalition.Core.Actors;

[Flags]
internal enum TokenFlags
{
    None = 0,
    Word = 1,
    Capitalized = 2,
    AllCaps = 4,
    Punct = 8,
    SpaceBefore = 16,
    Number = 32,
    Possessive = 64,
    Hyphen = 128,
}

/// <summary>A token with its exact span; <see cref="Lower"/> is the lookup key (lower case, straight apostrophes).</summary>
internal readonly record struct Token(int Start, int End, string Lower, TokenFlags Flags)
{
    public bool Is(TokenFlags f) => (Flags & f) != 0;

    public bool IsWord => (Flags & TokenFlags.Word) != 0;

    public bool IsCap => (Flags & TokenFlags.Capitalized) != 0;
}

/// <summary>
/// Splits text into the tokens the actor lexicon is keyed on. Names and dictionary aliases go through the
/// same tokenizer, so "Al-Ghanimi", "U.S.-led" and "Iraq’s" match however they are spaced or quoted:
/// hyphens and possessives are tokens of their own, dotted acronyms and title abbreviations keep their dots.
/// </summary>
internal static class ActorTokenizer
{
    private static readonly HashSet<string> DottedAbbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "brig", "cmdr",
        "gov", "sen", "rep", "rev", "st", "sr", "jr", "pres", "amb", "sec", "messrs", "hon", "cpl", "pvt", "pfc", "spc", "vice",
    };

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5);
        var i = 0;
        var n = text.Length;
        var space = true;
        while (i < n)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                space = true;
                i++;
                continue;
            }

            var spaceFlag = space ? TokenFlags.SpaceBefore : TokenFlags.None;
            space = false;
            if (char.IsLetterOrDigit(c))
            {
                i = ReadWord(text, i, spaceFlag, tokens);
                continue;
            }

            if (IsApostrophe(c) && i + 1 < n && text[i + 1] is 's' or 'S' && (i + 2 >= n || !char.IsLetter(text[i + 2]))
                && tokens.Count > 0 && tokens[^1].End == i && tokens[^1].IsWord)
            {
                tokens.Add(new Token(i, i + 2, "'s", TokenFlags.Possessive | spaceFlag));
                i += 2;
                continue;
            }

            if (c is '-' or '\u2010' or '\u2011')
            {
                tokens.Add(new Token(i, i + 1, "-", TokenFlags.Hyphen | TokenFlags.Punct | spaceFlag));
                i++;
                continue;
            }

            tokens.Add(new Token(i, i + 1, IsApostrophe(c) ? "'" : c.ToString(), TokenFlags.Punct | spaceFlag));
            i++;
        }

        return tokens;
    }

    private static int ReadWord(string text, int start, TokenFlags spaceFlag, List<Token> into)
    {
        var n = text.Length;
        var i = start;

        // Dotted acronyms: U.S., U.N., U.K. are one token, final dot included.
        if (char.IsLetter(text[i]) && i + 3 < n && text[i + 1] == '.' && char.IsLetter(text[i + 2]) && text[i + 3] == '.')
        {
            while (i + 1 < n && char.IsLetter(text[i]) && text[i + 1] == '.')
            {
                i += 2;
            }

            into.Add(Make(text, start, i, spaceFlag));
            return i;
        }

        while (i < n)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                i++;
                continue;
            }

            // An apostrophe inside a word ("Shi'ite") stays; a possessive "'s" becomes its own token.
            if (IsApostrophe(c) && i + 1 < n && char.IsLetter(text[i + 1])
                && !(text[i + 1] is 's' or 'S' && (i + 2 >= n || !char.IsLetter(text[i + 2]))))
            {
                i++;
                continue;
            }

            if (c is '.' or ',' && i + 1 < n && char.IsDigit(text[i + 1]) && char.IsDigit(text[i - 1]))
            {
                i++;
                continue;
            }

            break;
        }

        var end = i;
        if (i < n && text[i] == '.')
        {
            var len = end - start;
            if ((len == 1 && char.IsUpper(text[start])) || DottedAbbreviations.Contains(text.AsSpan(start, len).ToString()))
            {
                end++;
                i++;
            }
        }

        into.Add(Make(text, start, end, spaceFlag));
        return i;
    }

    private static Token Make(string text, int start, int end, TokenFlags spaceFlag)
    {
        var span = text.AsSpan(start, end - start);
        var flags = TokenFlags.Word | spaceFlag;
        if (char.IsDigit(span[0]))
        {
            flags |= TokenFlags.Number;
        }
        else if (char.IsUpper(span[0]))
        {
            flags |= TokenFlags.Capitalized;
            var letters = 0;
            var upper = true;
            foreach (var ch in span)
            {
                if (char.IsLetter(ch))
                {
                    letters++;
                    upper &= char.IsUpper(ch);
                }
            }

            if (upper && letters >= 2)
            {
                flags |= TokenFlags.AllCaps;
            }
        }

        return new Token(start, end, Lower(span), flags);
    }

    private static string Lower(ReadOnlySpan<char> s)
    {
        Span<char> buf = s.Length <= 64 ? stackalloc char[s.Length] : new char[s.Length];
        for (var k = 0; k < s.Length; k++)
        {
            var ch = s[k];
            buf[k] = IsApostrophe(ch) ? '\'' : char.ToLowerInvariant(ch);
        }

        return new string(buf);
    }

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '`';
}
