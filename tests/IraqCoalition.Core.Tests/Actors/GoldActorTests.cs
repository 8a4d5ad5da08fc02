using IraqCoalition.Core.Actors;
using IraqCoalition.Core.Articles;
using IraqCoalition.Core.Text;
using Xunit.Abstractions;

namespace IraqCoalition.Core.Tests.Actors;

/// <summary>Runs the recognizer over the annotated articles and holds it to issue 3's actor targets.</summary>
public sealed class GoldActorTests(ITestOutputHelper output)
{
    private static readonly ActorRecognizer Recognizer = new(ActorDictionary.LoadDefault());

    [Theory]
    [InlineData("seed", 0.95, 0.85)]
    [InlineData("dev", 0.85, 0.7)]
    public void Gold_actors_are_found_with_enough_precision(string set, double minRecall, double minPrecision)
    {
        int found = 0, required = 0, right = 0, predicted = 0, countryChecked = 0, countryRight = 0;
        foreach (var goldFile in Directory.GetFiles(GoldActorScore.GoldDirectory(set), "*.gold.json").Order())
        {
            var md = goldFile.Replace(".gold.json", ".md", StringComparison.Ordinal);
            var article = ArticleReader.ReadFile(md);
            var analysis = Recognizer.Recognize(TextSegmenter.Segment(article.Body));
            var r = GoldActorScore.Score(analysis, GoldActorScore.LoadGold(goldFile));
            found += r.RequiredFound;
            required += r.Required;
            right += r.PredictedRight;
            predicted += r.Predicted;
            countryChecked += r.CountryChecked;
            countryRight += r.CountryRight;
            output.WriteLine($"{Path.GetFileName(md)}: {r.RequiredFound}/{r.Required} found, {r.PredictedRight}/{r.Predicted} right; missed [{string.Join(", ", r.Missed)}]; unmatched [{string.Join(", ", r.Wrong)}]");
            foreach (var a in analysis.Actors)
            {
                output.WriteLine($"  {a.Id} {a.Kind} {a.Country} '{a.Name}' title={a.Title} role={a.Role} agent={a.Agent} :: {string.Join(" | ", a.Mentions.Select(m => m.Text + "/" + m.Type))}");
            }
        }

        var recall = (double)found / required;
        var precision = (double)right / predicted;
        var countryAccuracy = (double)countryRight / countryChecked;
        output.WriteLine($"{set}: recall {recall:F2} precision {precision:F2} country accuracy {countryAccuracy:F2}");
        Assert.True(recall >= minRecall, $"recall {recall:F2} < {minRecall}");
        Assert.True(precision >= minPrecision, $"precision {precision:F2} < {minPrecision}");
        // Dyads are built from actor countries, so a wrong country is a wrong relationship.
        Assert.True(countryAccuracy >= 0.9, $"country accuracy {countryAccuracy:F2} < 0.9");
    }
}
