using IraqCoalition.Core.Temporal;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Tests.Temporal;

public class TenseDetectorTests
{
    [Theory]
    [InlineData("Lavrov was due to travel on Tuesday.", "Tuesday", Tense.Future)]
    [InlineData("Lavrov arrived on Tuesday.", "Tuesday", Tense.Past)]
    [InlineData("Lavrov will arrive on Tuesday.", "Tuesday", Tense.Future)]
    [InlineData("He'll arrive on Tuesday.", "Tuesday", Tense.Future)]
    [InlineData("The minister is to visit on Tuesday.", "Tuesday", Tense.Future)]
    [InlineData("The summit is scheduled for Tuesday.", "Tuesday", Tense.Future)]
    [InlineData("On Tuesday, the minister met envoys.", "Tuesday", Tense.Past)]
    [InlineData("The minister is in Baghdad on Tuesday.", "Tuesday", Tense.Present)]
    [InlineData("On Tuesday the armed forces", "Tuesday", Tense.Unknown)]
    [InlineData("Officials said the vote would be held on Tuesday.", "Tuesday", Tense.Future)]
    [InlineData("The vote was held on Tuesday.", "Tuesday", Tense.Past)]
    public void Nearest_cue_decides(string sentence, string word, Tense expected)
    {
        var doc = TextSegmenter.Segment(sentence);
        var at = doc.TokenIndexAt(sentence.IndexOf(word, StringComparison.Ordinal));
        var (s0, s1) = doc.SentenceTokens(0);
        Assert.Equal(expected, TenseDetector.At(doc, s0, s1, at, at + 1));
    }
}
