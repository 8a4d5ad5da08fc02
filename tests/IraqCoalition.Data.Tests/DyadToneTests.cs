using IraqCoalition.Core.Articles;
using IraqCoalition.Core.Dyads;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Data.Events;

namespace IraqCoalition.Data.Tests;

/// <summary>The weekly dyad series counts tones as <see cref="Tones.Of"/> reads them, on a real SQLite file.</summary>
public sealed class DyadToneTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await _db.Ingestion(new ScriptedPipeline()).IngestAsync(new Article { Title = "Statements", Body = "Iraq spoke. U.S. praised Iraq. Iraq criticised U.S.", Published = new DateOnly(2020, 1, 3) });
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_statement_of_goldstein_zero_is_neutral_not_verbal_cooperation()
    {
        var events = new EventRepository(_db.Factory);

        var week = Assert.Single(await events.DyadSeriesAsync("IRQ", "USA"));

        Assert.Equal((3, 1, 0, 1, 0, 1), (week.Events, week.VerbalCooperation, week.MaterialCooperation, week.VerbalConflict, week.MaterialConflict, week.Neutral));
        // The SQL's split agrees with the one rule applied to the stored events themselves.
        var stored = (await events.QueryTimelineAsync(new TimelineQuery { CountryA = "IRQ", CountryB = "USA" })).Items;
        Assert.Equal(3, stored.Count);
        Assert.Equal(stored.Count(e => Tones.Of(e.QuadClass, e.Goldstein) == Tone.Neutral), week.Neutral);
        Assert.Equal(stored.Count(e => Tones.Of(e.QuadClass, e.Goldstein) == Tone.VerbalCooperation), week.VerbalCooperation);
        Assert.Equal((3.4 - 2.0) / 3, week.MeanGoldstein, 2);
    }

    private sealed class ScriptedPipeline : IExtractionPipeline
    {
        public string Version => "scripted";

        public ExtractionResult Extract(Article article, DateOnly? fallbackPublished = null)
        {
            var day = article.Published!.Value.ToString("yyyy-MM-dd");
            ExtractedActor Actor(string id, string name, string iso) => new()
            {
                Id = id, Name = name, Kind = ActorKinds.Country, Country = iso, DictionaryKey = iso,
                Mentions = [new TextSpan { Start = 0, End = 4, Text = article.Body[..4] }],
            };
            ExtractedEvent Event(string code, double g, int quad, string src, string tgt, int start, int end) => new()
            {
                Code = code, Root = code[..2], Label = code, Goldstein = g, QuadClass = quad, Source = src, Target = tgt,
                Date = new EventDate { Value = day, Start = day, End = day, Precision = "day" },
                Evidence = new TextSpan { Start = start, End = end, Text = article.Body[start..end] },
            };
            return new ExtractionResult
            {
                Article = new ArticleInfo { Published = day, Sentences = 3 },
                Actors = [Actor("a1", "Iraq", "IRQ"), Actor("a2", "United States", "USA")],
                Events =
                [
                    // CAMEO 010 "make statement": quad class 1 by its root, Goldstein 0.
                    Event("010", 0.0, 1, "a1", "a2", 0, 11),
                    Event("051", 3.4, 1, "a2", "a1", 12, 30),
                    Event("111", -2.0, 3, "a1", "a2", 31, 51),
                ],
            };
        }
    }
}
