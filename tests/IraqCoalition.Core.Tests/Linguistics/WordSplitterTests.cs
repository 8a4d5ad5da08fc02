using IraqCoalition.Core.Linguistics;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Tests.Linguistics;

public sealed class WordSplitterTests
{
    [Theory]
    [InlineData("Iran’s parliament", "Iran|’s|parliament")]
    [InlineData("They didn't expect it", "They|did|n't|expect|it")]
    [InlineData("We can't and won't", "We|ca|n't|and|wo|n't")]
    [InlineData("I cannot say", "I|can|not|say")]
    [InlineData("the officials' statement", "the|officials|'|statement")]
    [InlineData("they're sure we've gone and you'll see", "they|'re|sure|we|'ve|gone|and|you|'ll|see")]
    [InlineData("U.S.-led forces", "U.S.|-|led|forces")]
    [InlineData("a long-term deal", "a|long|-|term|deal")]
    [InlineData("pro-Iranian and anti-American militias were re-elected", "pro-Iranian|and|anti-American|militias|were|re-elected")]
    [InlineData("Abdul-Mahdi's government", "Abdul|-|Mahdi|'s|government")]
    [InlineData("O'Neill said", "O'Neill|said")]
    [InlineData("see https://www.state.gov/iraq/, or write to press_office@state.gov.", "see|https://www.state.gov/iraq/|,|or|write|to|press_office@state.gov|.")]
    [InlineData("Really?! Yes!!!", "Really|?!|Yes|!!!")]
    public void Splits_tokens_into_treebank_words(string text, string expected)
    {
        var tokens = Tokenizer.Tokenize(text);
        var words = new List<Span>();
        WordSplitter.Split(text, tokens, 0, tokens.Count, words);
        Assert.Equal(expected, string.Join('|', words.Select(w => w.Slice(text))));
    }

    [Fact]
    public void Words_are_exact_spans_of_the_text_in_order()
    {
        const string text = "Iraq’s prime minister didn't attend the U.S.-Iraqi talks, officials' aides said.";
        var tokens = Tokenizer.Tokenize(text);
        var words = new List<Span>();
        WordSplitter.Split(text, tokens, 0, tokens.Count, words);
        for (var i = 1; i < words.Count; i++)
        {
            Assert.True(words[i].Start >= words[i - 1].End);
        }

        Assert.Equal(tokens.Sum(t => t.Span.Length), words.Sum(w => w.Length));
    }
}
