using System.IO.Compression;
using System.Text.Json;
using Dapper;
using IraqCoalition.Core.Articles;
using IraqCoalition.Core.Events;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Editing;
using IraqCoalition.Data.Quality;

namespace IraqCoalition.Data.Tests;

/// <summary>
/// An editor's verdicts on a real database become a gold file: what was rejected is gone, what was
/// added or corrected is required as the editor left it, what no one reviewed is optional.
/// </summary>
public sealed class GoldExportTests : IAsyncLifetime
{
    private const string Body = "Lavrov met Zarif. Lavrov praised Iran. Iran threatened the United States. Zarif visited Moscow. Lavrov said talks would go on.";
    private static readonly UserContext Editor = new("eve", Roles.Editor);

    private readonly TempDatabase _db = new();
    private readonly string _out = Path.Combine(Path.GetTempPath(), "iqc-tests", "gold-" + Guid.NewGuid().ToString("N"));
    private long _articleId;
    private long _otherArticleId;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        var ingestion = _db.Ingestion(new ScriptedPipeline());
        _articleId = (await ingestion.IngestAsync(new Article
        {
            Body = Body, Title = "Lavrov and Zarif: talks", Source = "Test Wire", Url = "https://example.org/talks",
            Published = new DateOnly(2020, 1, 4), Origin = "/somewhere/lavrov-zarif-talks.md",
        })).ArticleId;
        _otherArticleId = (await ingestion.IngestAsync(new Article { Body = "Pompeo met nobody.", Title = "Unreviewed", Published = new DateOnly(2020, 1, 5) })).ArticleId;
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }

        return _db.DisposeAsync();
    }

    private CorrectionService Corrections => new(_db.Factory, CameoCodebook.Default);

    private GoldExporter Exporter => new(_db.Factory);

    private async Task<(long Id, int Version)> EventAsync(string code)
    {
        await using var c = await _db.Factory.OpenAsync();
        return await c.QuerySingleAsync<(long, int)>("SELECT id, version FROM events WHERE code = @code", new { code });
    }

    private async Task<long> ActorAsync(string name)
    {
        await using var c = await _db.Factory.OpenAsync();
        return await c.QuerySingleAsync<long>("SELECT id FROM actors WHERE name = @name", new { name });
    }

    /// <summary>Rejects the praise, corrects the meeting to a criticism, adds the missed visit, names Lavrov by a new alias.</summary>
    private async Task<long> ReviewAsync()
    {
        var praise = await EventAsync("051");
        await Corrections.SetEventStatusAsync(Editor, praise.Id, CorrectionService.Rejected, praise.Version);
        var meet = await EventAsync("040");
        await Corrections.UpdateEventAsync(Editor, meet.Id, new EventCorrection { Version = meet.Version, Code = "111" });
        var visited = Body.IndexOf("visited", StringComparison.Ordinal);
        await new ActorEditService(_db.Factory).AddAliasAsync(Editor, await ActorAsync("Sergey Lavrov"), "Russia's top diplomat");
        return await new AdditionService(_db.Factory, CameoCodebook.Default).AddEventAsync(Editor, new NewEvent
        {
            ArticleId = _articleId, Start = visited, End = visited + "visited".Length, Code = "042",
            SourceActorId = await ActorAsync("Javad Zarif"), TargetActorId = await ActorAsync("Russia"), Date = new DateOnly(2020, 1, 3),
        });
    }

    private static JsonElement Item(JsonElement gold, string list, string key) =>
        gold.GetProperty(list).EnumerateArray().Single(e => e.GetProperty("key").GetString() == key);

    private static string[] Strings(JsonElement e, string property) =>
        e.GetProperty(property).EnumerateArray().Select(x => x.GetString()!).ToArray();

    [Fact]
    public async Task Reviewed_article_becomes_a_gold_file_with_the_editors_verdicts()
    {
        var added = await ReviewAsync();
        var meet = await EventAsync("111");
        var threat = await EventAsync("138");

        var counts = await Exporter.WriteDirectoryAsync(Editor, _out);

        // Only the reviewed article, named after the file it came from.
        Assert.Equal(["lavrov-zarif-talks.gold.json", "lavrov-zarif-talks.md"], Directory.GetFiles(_out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal((1, 3, 1), (counts.Articles, counts.Events, counts.Statements));
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_out, "lavrov-zarif-talks.gold.json")));
        var gold = doc.RootElement;
        Assert.Equal("lavrov-zarif-talks.md", gold.GetProperty("article").GetString());
        Assert.Equal("2020-01-04", gold.GetProperty("published").GetString());

        var events = gold.GetProperty("events").EnumerateArray().ToList();
        Assert.DoesNotContain(events, e => e.GetProperty("evidence").GetString()!.Contains("praised", StringComparison.Ordinal));
        Assert.Equal([$"e-{meet.Id}", $"e-{threat.Id}", $"e-{added}"], events.Select(e => e.GetProperty("key").GetString()));

        var visit = Item(gold, "events", $"e-{added}");
        Assert.True(visit.GetProperty("required").GetBoolean());
        Assert.Equal("editor", visit.GetProperty("origin").GetString());
        Assert.Equal(["04"], Strings(visit, "roots"));
        Assert.Equal(["javad-zarif"], Strings(visit, "sources"));
        Assert.Equal(["russia"], Strings(visit, "targets"));
        Assert.Equal(["2020-01-03", "2020-01-03"], Strings(visit, "date"));
        Assert.Equal("Zarif visited Moscow.", visit.GetProperty("evidence").GetString());

        var corrected = Item(gold, "events", $"e-{meet.Id}");
        Assert.True(corrected.GetProperty("required").GetBoolean());
        Assert.Equal(["11"], Strings(corrected, "roots"));
        Assert.Equal("Lavrov met Zarif.", corrected.GetProperty("evidence").GetString());

        // What no editor looked at is the machine's word: kept, but not held against recall.
        var unreviewed = Item(gold, "events", $"e-{threat.Id}");
        Assert.False(unreviewed.GetProperty("required").GetBoolean());
        Assert.Equal("machine", unreviewed.GetProperty("origin").GetString());
        var statement = Assert.Single(gold.GetProperty("statements").EnumerateArray());
        Assert.False(statement.GetProperty("required").GetBoolean());
        Assert.Equal(["sergey-lavrov"], Strings(statement, "speakers"));
        Assert.Equal("talks would go on", statement.GetProperty("text").GetString());

        var actors = gold.GetProperty("actors").EnumerateArray().ToDictionary(a => a.GetProperty("key").GetString()!);
        Assert.Equal(["iran", "javad-zarif", "russia", "sergey-lavrov", "united-states"], actors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Sergey Lavrov", "Lavrov", "Russia's top diplomat"], Strings(actors["sergey-lavrov"], "names"));
        Assert.Equal(["Russia", "Moscow"], Strings(actors["russia"], "names"));
        Assert.Equal(["United States", "the United States"], Strings(actors["united-states"], "names"));
        Assert.Equal(("person", "IRN"), (actors["javad-zarif"].GetProperty("kind").GetString(), actors["javad-zarif"].GetProperty("country").GetString()));
        // Required: named by a reviewed item. Iran is only in the rejected praise and the unreviewed threat.
        Assert.Equal(
            ["javad-zarif", "russia", "sergey-lavrov"],
            actors.Where(a => a.Value.GetProperty("required").GetBoolean()).Select(a => a.Key).Order(StringComparer.Ordinal));

        // IRN-RUS: the criticism (-2) and the visit (+1.9); the rejected praise (+3.4) would have made it cooperative.
        var dyads = gold.GetProperty("dyads").EnumerateArray()
            .Select(d => (string.Join("-", Strings(d, "pair")), d.GetProperty("expect").GetString())).ToList();
        Assert.Equal([("IRN-RUS", "conflictual"), ("IRN-USA", "conflictual")], dyads);
    }

    [Fact]
    public async Task Exported_markdown_reads_back_as_the_stored_article()
    {
        await ReviewAsync();
        await Exporter.WriteDirectoryAsync(Editor, _out);

        var article = ArticleReader.ReadFile(Path.Combine(_out, "lavrov-zarif-talks.md"));

        Assert.Equal(Body, article.Body);
        Assert.Equal("Lavrov and Zarif: talks", article.Title);
        Assert.Equal("Test Wire", article.Source);
        Assert.Equal("https://example.org/talks", article.Url);
        Assert.Equal(new DateOnly(2020, 1, 4), article.Published);
        Assert.Empty(article.Warnings);
    }

    [Theory]
    [InlineData("\"Quoted\" headline\"")]
    [InlineData("  padded  ")]
    [InlineData("'single'")]
    public void Front_matter_values_the_reader_would_change_are_quoted(string title)
    {
        var article = FrontMatter.Parse(GoldExporter.Markdown(title, null, null, "2020-01-04", "---\nBody that starts with a fence.\n"));

        Assert.Equal(title, article.Title);
        Assert.Equal("---\nBody that starts with a fence.\n", article.Body);
    }

    [Fact]
    public async Task Named_articles_are_exported_even_unreviewed_and_the_zip_holds_the_same_files_on_every_run()
    {
        await ReviewAsync();
        await Exporter.WriteDirectoryAsync(Editor, _out, [_otherArticleId]);
        using var unreviewed = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_out, "unreviewed.gold.json")));
        Assert.Equal(["pompeo"], unreviewed.RootElement.GetProperty("actors").EnumerateArray().Select(a => a.GetProperty("key").GetString()));
        Assert.False(Assert.Single(unreviewed.RootElement.GetProperty("actors").EnumerateArray()).GetProperty("required").GetBoolean());

        async Task<Dictionary<string, string>> ZipAsync()
        {
            using var buffer = new MemoryStream();
            await Exporter.WriteZipAsync(Editor, buffer);
            buffer.Position = 0;
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
            return zip.Entries.ToDictionary(e => e.FullName, e => new StreamReader(e.Open()).ReadToEnd());
        }

        var first = await ZipAsync();
        var second = await ZipAsync();
        Assert.Equal(["lavrov-zarif-talks.md", "lavrov-zarif-talks.gold.json"], first.Keys);
        Assert.Equal(first, second);
        await Exporter.WriteDirectoryAsync(Editor, _out);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(_out, "lavrov-zarif-talks.gold.json")), first["lavrov-zarif-talks.gold.json"]);
    }

    [Fact]
    public async Task Analysts_and_anonymous_callers_may_not_export_and_an_unknown_article_is_named()
    {
        await ReviewAsync();
        foreach (var user in new[] { new UserContext("ann", Roles.Analyst), UserContext.Anonymous })
        {
            var ex = await Assert.ThrowsAsync<ForbiddenException>(() => Exporter.WriteDirectoryAsync(user, _out));
            Assert.Contains("export gold files", ex.Message, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(_out));
        var missing = await Assert.ThrowsAsync<KeyNotFoundException>(() => Exporter.WriteDirectoryAsync(Editor, _out, [9999]));
        Assert.Equal("No article 9999.", missing.Message);
    }

    [Theory]
    [InlineData("2020-01-03", false, "2020-01-03")]
    [InlineData("2020-02", true, "2020-02-29")]
    [InlineData("2020-02", false, "2020-02-01")]
    [InlineData("2019", true, "2019-12-31")]
    public void Months_and_years_are_widened_to_days(string value, bool last, string expected) =>
        Assert.Equal(expected, GoldExporter.Day(value, last));

    /// <summary>Five actors, four events and a statement at offsets found in the text, so the test reads as the article does.</summary>
    private sealed class ScriptedPipeline : IExtractionPipeline
    {
        public string Version => "gold-scripted";

        public ExtractionResult Extract(Article article, DateOnly? fallbackPublished = null)
        {
            var text = article.Body;
            var day = article.Published!.Value.ToString("yyyy-MM-dd");
            var date = new EventDate { Value = day, Start = day, End = day, Precision = "day" };
            TextSpan At(string s, int from = 0)
            {
                var i = text.IndexOf(s, from, StringComparison.Ordinal);
                return new TextSpan { Start = i, End = i + s.Length, Text = s };
            }

            List<TextSpan> All(string s)
            {
                var spans = new List<TextSpan>();
                for (var i = text.IndexOf(s, StringComparison.Ordinal); i >= 0; i = text.IndexOf(s, i + 1, StringComparison.Ordinal))
                {
                    spans.Add(new TextSpan { Start = i, End = i + s.Length, Text = s });
                }

                return spans;
            }

            ExtractedActor Actor(string id, string name, string kind, string country, string surface) => new()
            {
                Id = id, Name = name, Kind = kind, Country = country, Aliases = [surface], Mentions = All(surface),
            };

            if (!text.StartsWith("Lavrov", StringComparison.Ordinal))
            {
                return new ExtractionResult
                {
                    Article = new ArticleInfo { Published = day, Sentences = 1 },
                    Actors = [Actor("a1", "Pompeo", ActorKinds.Person, "USA", "Pompeo")],
                };
            }

            ExtractedEvent Event(string code, string source, string target, string evidence)
            {
                var c = CameoCodebook.Default[code];
                return new ExtractedEvent
                {
                    Code = c.Code, Root = c.Root, Label = c.Label, Goldstein = c.Goldstein, QuadClass = c.QuadClass,
                    Source = source, Target = target, Date = date, Evidence = At(evidence),
                };
            }

            var said = At("talks would go on");
            return new ExtractionResult
            {
                Article = new ArticleInfo { Published = day, Sentences = 5 },
                Actors =
                [
                    Actor("lav", "Sergey Lavrov", ActorKinds.Person, "RUS", "Lavrov"),
                    Actor("zar", "Javad Zarif", ActorKinds.Person, "IRN", "Zarif"),
                    Actor("irn", "Iran", ActorKinds.Country, "IRN", "Iran"),
                    Actor("usa", "United States", ActorKinds.Country, "USA", "the United States"),
                    Actor("rus", "Russia", ActorKinds.Country, "RUS", "Moscow"),
                ],
                Statements = [new ExtractedStatement { Speaker = "lav", Text = said.Text, Cue = "said", Content = new SpanRef(said.Start, said.End) }],
                Events =
                [
                    Event("040", "lav", "zar", "Lavrov met Zarif."),
                    Event("051", "lav", "irn", "Lavrov praised Iran."),
                    Event("138", "irn", "usa", "Iran threatened the United States."),
                ],
            };
        }
    }
}
