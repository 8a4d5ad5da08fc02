using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Tests.Text;

public class QuoteFinderTests
{
    [Fact]
    public void Finds_curly_quote_content_and_marks()
    {
        const string s = "The official said “Iraq still needs planes. There are countries that help,” adding more.";
        var q = Assert.Single(TextSegmenter.Segment(s).Quotes);
        Assert.Equal("“Iraq still needs planes. There are countries that help,”", q.Span.Slice(s));
        Assert.Equal("Iraq still needs planes. There are countries that help,", q.Content.Slice(s));
        Assert.True(q.Closed);
    }

    [Fact]
    public void Quote_split_by_an_attribution_shares_a_group()
    {
        const string s = "\"We have a base there. It cost billions,\" Trump said. \"We're not leaving.\" Later, officials met. \"Other,\" he said.";
        var quotes = TextSegmenter.Segment(s).Quotes;
        Assert.Equal(3, quotes.Count);
        Assert.Equal(quotes[0].Group, quotes[1].Group);
        Assert.Equal("We're not leaving.", quotes[1].Content.Slice(s));
        Assert.NotEqual(quotes[1].Group, quotes[2].Group);
    }

    [Fact]
    public void Quote_left_open_at_paragraph_end_continues_in_the_next()
    {
        const string s = "“First part of the quote.\n“Second part,” he said.\nUnrelated paragraph with “a new quote.”";
        var quotes = TextSegmenter.Segment(s).Quotes;
        Assert.Equal(3, quotes.Count);
        Assert.False(quotes[0].Closed);
        Assert.Equal("First part of the quote.", quotes[0].Content.Slice(s));
        Assert.Equal(quotes[0].Group, quotes[1].Group);
        Assert.NotEqual(quotes[1].Group, quotes[2].Group);
    }

    [Fact]
    public void Apostrophes_are_not_quotes_but_single_quoted_passages_are()
    {
        const string s = "Iran’s leaders and the Kurds’ region in the ’90s. He called it ‘a mistake’ today.";
        var q = Assert.Single(TextSegmenter.Segment(s).Quotes);
        Assert.Equal("a mistake", q.Content.Slice(s));
        Assert.True(q.SingleMarks);
    }

    [Fact]
    public void QuoteAt_returns_the_enclosing_passage()
    {
        const string s = "He said \"it was 'a draft' sent by mistake\" on Monday.";
        var doc = TextSegmenter.Segment(s);
        var q = doc.QuoteAt(s.IndexOf("draft", StringComparison.Ordinal));
        Assert.NotNull(q);
        Assert.Equal("it was 'a draft' sent by mistake", q.Content.Slice(s));
        Assert.Null(doc.QuoteAt(s.IndexOf("Monday", StringComparison.Ordinal)));
    }

    [Fact]
    public void QuoteAt_prefers_the_outer_passage_over_any_nested_one()
    {
        const string s = "He said \"it was 'a draft' and 'a mistake' today\" on Monday.";
        var doc = TextSegmenter.Segment(s);
        Assert.Equal(3, doc.Quotes.Count);
        Assert.Equal("it was 'a draft' and 'a mistake' today", doc.QuoteAt(s.IndexOf("mistake", StringComparison.Ordinal))?.Content.Slice(s));
        Assert.Equal("a mistake", doc.Quotes[2].Content.Slice(s));
    }
}
