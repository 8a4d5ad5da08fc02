using System.Text;
using IraqCoalition.Core.Temporal;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Tests.Temporal;

/// <summary>Random sequences of temporal words, numbers and punctuation must never throw or produce bad spans.</summary>
public class RobustnessTests
{
    private static readonly string[] Vocabulary =
    [
        "Jan.", "March", "May", "Sept.", "Wed.", "Sunday", "Monday,", "3", "31", "29", "2020", "1999", "1990s", "3rd", "3-5", "2020-02-30",
        "13/45/2020", "1/3/20", "10:30", "25:99", "a.m.", "p.m.", "midnight", "noon", "today", "yesterday", "tonight", "now", "recently",
        "the", "this", "last", "next", "past", "coming", "previous", "following", "same", "that", "recent", "early", "mid-", "late",
        "earlier", "later", "week", "weeks", "month", "year", "years", "decade", "century", "quarter", "half", "weekend", "day", "days",
        "hours", "morning", "night", "summer", "winter", "two", "a", "an", "few", "several", "dozen", "1000000000", "999999", "ago",
        "after", "before", "since", "until", "following", "in", "of", "on", "for", "every", "each", "once", "daily", "more", "than",
        "about", "at", "least", "six-year", "twenty-five-day", "U.S.", "Gen.", "said", "will", "was", "has", "had", "“", "”", "\"", "'",
        "’", ",", ".", "...", "?", "—", "(AP)", "BAGHDAD", "\n", "\n\n", "then", "end", "beginning", "the day before", "the day after", "hours after", "two days after", "a day before",
    ];

    [Fact]
    public void Random_text_never_throws_and_spans_stay_exact()
    {
        var rng = new Random(20200103);
        var published = new DateOnly(2020, 1, 8);
        for (var round = 0; round < 400; round++)
        {
            var sb = new StringBuilder();
            var n = rng.Next(1, 60);
            for (var i = 0; i < n; i++)
            {
                sb.Append(Vocabulary[rng.Next(Vocabulary.Length)]);
                sb.Append(rng.Next(4) == 0 ? "" : " ");
            }

            var body = sb.ToString();
            var doc = TextSegmenter.Segment(body);
            Assert.All(doc.Tokens, t => Assert.InRange(t.Start, 0, body.Length));
            var timexes = TemporalTagger.Tag(doc, published);
            foreach (var t in timexes)
            {
                Assert.Equal(t.Text, t.Span.Slice(body));
                Assert.False(string.IsNullOrEmpty(t.Value));
                if (t.Start is { } s && t.End is { } e)
                {
                    Assert.True(s <= e, $"{t.Text}: {s} > {e} in '{body}'");
                }
            }

            var dater = new EventDater(doc, timexes, published);
            foreach (var tok in doc.Tokens)
            {
                var s = doc.SentenceIndexAt(tok.Start);
                var d = dater.DateFor(doc.Sentences[s], tok.Span, rng.Next(2) == 0);
                Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", d.Value);
                Assert.True(string.CompareOrdinal(d.Start, d.Value) <= 0 && string.CompareOrdinal(d.Value, d.End) <= 0, $"{d} for '{tok.Span.Slice(body)}' in '{body}'");
            }
        }
    }
}
