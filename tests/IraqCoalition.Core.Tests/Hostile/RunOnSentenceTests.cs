using System.Diagnostics;
using IraqCoalition.Core.Articles;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Tests.Hostile;

/// <summary>
/// The clause and event rules compare positions within a sentence, so a whole article as one sentence
/// can cost the square of its length (issue 12 measured 27 s for 37 KB and 217 s for 74 KB).
/// Segmentation cuts run-on sentences, so extraction time grows with the text's length only.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class RunOnSentenceTests
{
    private static readonly ExtractionPipeline Pipeline = new();

    [Theory]
    [InlineData(37 * 1024, false)]
    [InlineData(74 * 1024, false)]
    [InlineData(74 * 1024, true)]
    public void A_run_on_article_extracts_in_under_two_seconds(int bytes, bool openQuote)
    {
        // Dictionaries and JIT warmed on an ordinary article first, so the bound times extraction only.
        Pipeline.Extract(new Article { Body = HostileArticles.Bodies[0] });
        var body = HostileArticles.RunOn(bytes, openQuote);
        Assert.DoesNotContain(". ", body, StringComparison.Ordinal);

        var watch = Stopwatch.StartNew();
        var result = Pipeline.Extract(new Article { Body = body, Published = new DateOnly(2020, 1, 10) });
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"{bytes / 1024} KB run-on took {watch.Elapsed.TotalSeconds:0.00} s");
        Assert.NotEmpty(result.Events);
    }

    [Fact]
    public void A_long_sentence_is_cut_after_commas_into_pieces_of_at_most_the_limit_and_nothing_is_lost()
    {
        var clause = "the ministry said that the talks in Baghdad would go on for another week";
        var text = string.Join(", and ", Enumerable.Repeat(clause, 40)) + ".";

        var doc = TextSegmenter.Segment(text);

        Assert.True(doc.Sentences.Count > 1);
        var covered = 0;
        for (var i = 0; i < doc.Sentences.Count; i++)
        {
            var (first, end) = doc.SentenceTokens(i);
            Assert.InRange(end - first, 1, TextSegmenter.MaxSentenceTokens);
            Assert.Equal(covered, first);
            covered = end;
            if (i < doc.Sentences.Count - 1)
            {
                // Each piece but the last ends on the comma before "and".
                Assert.Equal(",", doc.Sentences[i].Slice(text)[^1..]);
            }
        }

        Assert.Equal(doc.Tokens.Count, covered);
    }

    [Fact]
    public void Text_without_any_punctuation_is_cut_at_the_limit()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", (TextSegmenter.MaxSentenceTokens * 3) + 7));

        var doc = TextSegmenter.Segment(text);

        Assert.Equal([TextSegmenter.MaxSentenceTokens, TextSegmenter.MaxSentenceTokens, TextSegmenter.MaxSentenceTokens, 7],
            Enumerable.Range(0, doc.Sentences.Count).Select(i => doc.SentenceTokens(i).End - doc.SentenceTokens(i).Start));
    }

    [Fact]
    public void No_real_sentence_of_the_gold_sets_comes_near_the_limit()
    {
        // The cut must never touch real news: it is a bound on hostile input, not a segmentation rule.
        var longest = HostileArticles.Bodies
            .Select(TextSegmenter.Segment)
            .SelectMany(doc => Enumerable.Range(0, doc.Sentences.Count).Select(i => doc.SentenceTokens(i).End - doc.SentenceTokens(i).Start))
            .Max();

        Assert.InRange(longest, 1, TextSegmenter.MaxSentenceTokens * 2 / 3);
    }
}
