using System.Text.Json;
using IraqCoalition.Core.Articles;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Core.Tests.Actors;
using Xunit.Abstractions;

namespace IraqCoalition.Core.Tests.Pipeline;

/// <summary>Runs the whole pipeline over the annotated articles and holds it to issue 3's thresholds.</summary>
public sealed class GoldPipelineTests(ITestOutputHelper output)
{
    private static readonly ExtractionPipeline Pipeline = new();

    private GoldScore.Totals ScoreSet(string set)
    {
        var totals = new GoldScore.Totals();
        foreach (var goldFile in Directory.GetFiles(GoldActorScore.GoldDirectory(set), "*.gold.json").Order(StringComparer.Ordinal))
        {
            var article = ArticleReader.ReadFile(goldFile.Replace(".gold.json", ".md", StringComparison.Ordinal));
            var result = Pipeline.Extract(article);
            using var gold = JsonDocument.Parse(File.ReadAllText(goldFile));
            var before = totals.Missed.Count;
            GoldScore.Score(gold.RootElement, result, totals);
            output.WriteLine($"{Path.GetFileName(goldFile)}: missed [{string.Join(", ", totals.Missed.Skip(before))}]");
        }

        output.WriteLine($"{set}: {totals}");
        return totals;
    }

    [Fact]
    public void Seed_statements_events_and_dyads_meet_the_issue_thresholds()
    {
        var t = ScoreSet("seed");
        Assert.True(t.StatementRecall >= 0.85, $"seed statements recall {t.StatementRecall:F2} < 0.85; {t}");
        Assert.True(t.StatementPrecision >= 0.8, $"seed statements precision {t.StatementPrecision:F2} < 0.8");
        Assert.True(t.EventRecall >= 0.8, $"seed events recall {t.EventRecall:F2} < 0.8; {t}");
        Assert.True(t.EventPrecision >= 0.7, $"seed events precision {t.EventPrecision:F2} < 0.7");
        Assert.Equal(1.0, t.DyadAccuracy);
    }

    [Fact]
    public void Dev_statements_and_events_meet_the_issue_thresholds()
    {
        var t = ScoreSet("dev");
        Assert.True(t.StatementRecall >= 0.75, $"dev statements recall {t.StatementRecall:F2} < 0.75; {t}");
        Assert.True(t.StatementPrecision >= 0.7, $"dev statements precision {t.StatementPrecision:F2} < 0.7");
        Assert.True(t.EventRecall >= 0.6, $"dev events recall {t.EventRecall:F2} < 0.6; {t}");
        Assert.True(t.EventPrecision >= 0.7, $"dev events precision {t.EventPrecision:F2} < 0.7");
    }

    [Theory]
    [InlineData("seed", 0.9)]
    [InlineData("dev", 0.8)]
    public void Event_dates_meet_the_issue_thresholds(string set, double min)
    {
        var t = ScoreSet(set);
        Assert.True(t.DateAccuracy >= min, $"{set} dates {t.DateAccuracy:F2} < {min}");
    }

    [Fact]
    public void Pipeline_is_thread_safe_and_deterministic()
    {
        var article = ArticleReader.ReadFile(Path.Combine(GoldActorScore.GoldDirectory("seed"), "iraq-russia-military-ties.md"));
        var expected = JsonSerializer.Serialize(Pipeline.Extract(article));
        var results = new string[8];
        Parallel.For(0, results.Length, i => results[i] = JsonSerializer.Serialize(Pipeline.Extract(article)));
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Every_span_indexes_the_body_exactly()
    {
        foreach (var set in new[] { "seed", "dev" })
        {
            foreach (var md in Directory.GetFiles(GoldActorScore.GoldDirectory(set), "*.md"))
            {
                var article = ArticleReader.ReadFile(md);
                var r = Pipeline.Extract(article);
                var body = article.Body;
                Assert.All(r.Statements, s => Assert.Equal(s.Text, body[s.Content.Start..s.Content.End]));
                Assert.All(r.Events, e => Assert.Equal(e.Evidence.Text, body[e.Evidence.Start..e.Evidence.End]));
                Assert.All(r.Events, e => Assert.StartsWith(e.Root, e.Code, StringComparison.Ordinal));
                Assert.All(r.Actors.SelectMany(a => a.Mentions), m => Assert.Equal(m.Text, body[m.Start..m.End]));
            }
        }
    }

    [Fact]
    public void Version_names_the_rules_and_their_data()
    {
        Assert.Matches(@"^\d+\.\d+\+[0-9a-f]{8}$", Pipeline.Version);
    }
}
