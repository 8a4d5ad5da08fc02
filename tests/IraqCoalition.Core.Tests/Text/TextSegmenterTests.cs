using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Tests.Text;

public class TextSegmenterTests
{
    private static string[] Sentences(string s)
    {
        var doc = TextSegmenter.Segment(s);
        return [.. doc.Sentences.Select(x => x.Slice(s))];
    }

    [Fact]
    public void Titles_and_abbreviations_do_not_end_sentences()
    {
        const string s = "Lt. Gen. Othman Al-Ghanimi met Maj. Gen. John Smith on Jan. 3 in St. Louis. They talked.";
        Assert.Equal(["Lt. Gen. Othman Al-Ghanimi met Maj. Gen. John Smith on Jan. 3 in St. Louis.", "They talked."], Sentences(s));
    }

    [Fact]
    public void Acronym_at_sentence_end_splits_only_before_an_opener()
    {
        Assert.Equal(["Iraq asked the U.S. Army to leave."], Sentences("Iraq asked the U.S. Army to leave."));
        Assert.Equal(["Iraq is angry with the U.S.", "The talks failed."], Sentences("Iraq is angry with the U.S. The talks failed."));
    }

    [Fact]
    public void Initials_stay_with_the_name()
    {
        Assert.Equal(["George W. Bush spoke.", "He left."], Sentences("George W. Bush spoke. He left."));
    }

    [Fact]
    public void Closing_quotes_belong_to_the_sentence_they_close()
    {
        const string s = "He said, “It is over.” Then he left. “Really?” she asked.";
        Assert.Equal(["He said, “It is over.”", "Then he left.", "“Really?” she asked."], Sentences(s));
    }

    [Fact]
    public void Question_mark_before_lowercase_attribution_continues()
    {
        Assert.Equal(["\"Is it over?\" he asked."], Sentences("\"Is it over?\" he asked."));
    }

    [Fact]
    public void Ellipsis_ends_a_sentence_only_before_a_capital()
    {
        Assert.Equal(["He waited... and waited.", "Nothing came."], Sentences("He waited... and waited. Nothing came."));
        Assert.Equal(["The group…", "Officials said more."], Sentences("The group… Officials said more."));
    }

    [Fact]
    public void Paragraphs_are_lines_or_blocks_and_always_end_sentences()
    {
        const string s = "First paragraph without stop\n\nSecond one. Two sentences.\nThird";
        var doc = TextSegmenter.Segment(s);
        Assert.Equal(["First paragraph without stop", "Second one. Two sentences.", "Third"], doc.Paragraphs.Select(p => p.Slice(s)));
        Assert.Equal(4, doc.Sentences.Count);
        Assert.Equal(1, doc.ParagraphIndexAt(s.IndexOf("Two", StringComparison.Ordinal)));
        Assert.Equal(2, doc.SentenceIndexAt(s.IndexOf("Two", StringComparison.Ordinal)));
        Assert.Equal(-1, doc.SentenceIndexAt(s.IndexOf('\n')));
    }

    [Fact]
    public void Sentence_tokens_cover_each_sentence_exactly()
    {
        const string s = "Russia on Friday condemned the strike. Lavrov spoke with Zarif.\nPompeo said Washington was committed.";
        var doc = TextSegmenter.Segment(s);
        Assert.Equal(3, doc.Sentences.Count);
        var total = 0;
        for (var i = 0; i < doc.Sentences.Count; i++)
        {
            var (a, b) = doc.SentenceTokens(i);
            Assert.Equal(doc.Sentences[i].Start, doc.Tokens[a].Start);
            Assert.Equal(doc.Sentences[i].End, doc.Tokens[b - 1].End);
            total += b - a;
        }

        Assert.Equal(doc.Tokens.Count, total);
    }

    [Fact]
    public void Offsets_are_exact_with_curly_quotes_and_non_ascii()
    {
        const string s = "  Iran’s Zarif — “proportionate” — said so.  \r\nAl-Hakim thanked Russia.";
        var doc = TextSegmenter.Segment(s);
        Assert.Equal("Iran’s Zarif — “proportionate” — said so.", doc.Sentences[0].Slice(s));
        Assert.Equal("Al-Hakim thanked Russia.", doc.Sentences[1].Slice(s));
        Assert.All(doc.Tokens, t => Assert.False(char.IsWhiteSpace(s[t.Start])));
    }

    [Fact]
    public void Legacy_constructor_builds_tokens_and_quotes()
    {
        const string s = "He said \"yes\" today.";
        var doc = new TextDocument(s, [new Span(0, s.Length)], [new Span(0, s.Length)]);
        Assert.Equal(7, doc.Tokens.Count);
        Assert.Single(doc.Quotes);
        Assert.Equal((0, 7), doc.SentenceTokens(0));
    }
}
