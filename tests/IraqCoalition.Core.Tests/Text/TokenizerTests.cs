using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Tests.Text;

public class TokenizerTests
{
    private static string[] Texts(string s) => [.. Tokenizer.Tokenize(s).Select(t => t.Span.Slice(s))];

    [Fact]
    public void Splits_words_numbers_and_punctuation_with_exact_offsets()
    {
        const string s = "Iraq’s parliament voted 170-0 on Jan. 5, 2020.";
        var tokens = Tokenizer.Tokenize(s);
        Assert.Equal(["Iraq’s", "parliament", "voted", "170-0", "on", "Jan", ".", "5", ",", "2020", "."], tokens.Select(t => t.Span.Slice(s)));
        Assert.All(tokens, t => Assert.Equal(s.Substring(t.Start, t.Length), t.AsSpan(s).ToString()));
        Assert.Equal(TokenKind.Number, tokens[3].Kind);
        Assert.Equal(TokenKind.Punct, tokens[6].Kind);
        Assert.True(tokens[0].IsCapitalized);
        Assert.False(tokens[1].IsCapitalized);
    }

    [Fact]
    public void Dotted_acronyms_keep_their_stop_but_plain_words_do_not()
    {
        Assert.Equal(["the", "U.S.", "-", "led", "coalition"], Texts("the U.S.-led coalition"));
        Assert.Equal(["at", "3", "p.m.", "in", "Iraq", "."], Texts("at 3 p.m. in Iraq."));
        var us = Tokenizer.Tokenize("U.S.")[0];
        Assert.True((us.Flags & TokenFlags.Dotted) != 0);
        Assert.True(us.IsAllCaps);
    }

    [Fact]
    public void Hyphenated_names_and_numbers_stay_whole()
    {
        Assert.Equal(["Adel", "Abdul-Mahdi", "and", "al-Muhandis", "on", "2020-01-03", "at", "10:30", "cost", "1,000.5"],
            Texts("Adel Abdul-Mahdi and al-Muhandis on 2020-01-03 at 10:30 cost 1,000.5"));
        Assert.True((Tokenizer.Tokenize("Abdul-Mahdi")[0].Flags & TokenFlags.Hyphenated) != 0);
    }

    [Fact]
    public void Quotes_dashes_and_ellipses_are_marked()
    {
        const string s = "BAGHDAD — “No,” he said -- then... 'yes'";
        var tokens = Tokenizer.Tokenize(s);
        Assert.True(tokens[1].IsDash);
        Assert.True(tokens[2].IsQuote);
        Assert.True(tokens[5].IsQuote);
        Assert.Contains(tokens, t => t.Span.Slice(s) == "--" && t.IsDash);
        Assert.Contains(tokens, t => t.Span.Slice(s) == "..." && (t.Flags & TokenFlags.Terminal) != 0);
        Assert.Equal(2, tokens.Count(t => t.IsQuote && s[t.Start] == '\''));
    }

    [Fact]
    public void A_hyphen_inside_a_word_is_not_a_dash_but_one_between_spaces_is()
    {
        var tokens = Tokenizer.Tokenize("KABUL - set-up");
        Assert.True(tokens[1].IsDash);
        Assert.Equal("set-up", tokens[2].Span.Slice("KABUL - set-up"));
    }

    [Fact]
    public void Tokenizes_a_range_only()
    {
        const string s = "one two three";
        var list = new List<Token>();
        Tokenizer.Tokenize(s, new Span(4, 13), list);
        Assert.Equal(["two", "three"], list.Select(t => t.Span.Slice(s)));
    }
}
