using Dapper;
using IraqCoalition.Core.Actors;
using IraqCoalition.Core.Articles;
using IraqCoalition.Core.Events;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Actors;
using IraqCoalition.Data.Editing;
using IraqCoalition.Data.Ingestion;

namespace IraqCoalition.Data.Tests;

/// <summary>Editors' confirmations reach the extraction dictionary, so later articles use them.</summary>
public sealed class DictionaryLearningTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private readonly ActorDictionary _dictionary = ActorDictionary.LoadDefault();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private IngestionService Ingestion() =>
        new(_db.Factory, new ExtractionPipeline(new ActorRecognizer(_dictionary), TriggerLexicon.Default, CameoCodebook.Default));

    [Fact]
    public async Task An_alias_an_editor_adds_is_recognised_in_later_articles_as_the_same_actor()
    {
        await Ingestion().IngestAsync(ArticleReader.ReadFile(TempDatabase.RepoFile("data", "articles", "iraq-russia-military-ties.md")));
        var muhandis = (await new ActorRepository(_db.Factory).SearchAsync(new ActorQuery { Text = "Muhandis" })).Items.First(a => a.Kind == ActorKinds.Person);

        var edits = new ActorEditService(_db.Factory, new DictionaryLearning(_db.Factory, _dictionary));
        await edits.AddAliasAsync(new UserContext("eve", Roles.Editor), muhandis.Id, "Jamal Jaafar Ibrahimi");

        var later = await Ingestion().IngestAsync(new Article
        {
            Body = "Militia commanders gathered in Basra on Friday. Jamal Jaafar Ibrahimi had led the Kataib Hezbollah militia for years, officials said.",
            Published = new DateOnly(2020, 1, 10),
        });

        await using var c = await _db.Factory.OpenAsync();
        var actorOfMention = await c.QuerySingleOrDefaultAsync<long?>(
            "SELECT actor_id FROM mentions WHERE article_id = @id AND text = 'Jamal Jaafar Ibrahimi'", new { id = later.ArticleId });
        Assert.Equal(muhandis.Id, actorOfMention);
    }

    [Fact]
    public async Task Learn_all_loads_confirmed_actors_that_are_not_in_the_dictionary()
    {
        // The actor as a machine might have stored it (unverified, no country); the editor confirms it.
        await new IngestionService(_db.Factory, new OneActor()).IngestAsync(new Article { Body = "Kamal Yilmaz said the road was closed.", Published = new DateOnly(2020, 1, 10) });
        var kamal = (await new ActorRepository(_db.Factory).SearchAsync(new ActorQuery { Text = "Yilmaz" })).Items.Single();
        await new ActorEditService(_db.Factory).UpdateAsync(new UserContext("eve", Roles.Editor), kamal.Id,
            new ActorChanges { Version = kamal.Version, Name = "Kamal Yilmaz", Kind = ActorKinds.Person, Country = "TUR", Verified = true });

        var fresh = ActorDictionary.LoadDefault();
        Assert.True(await new DictionaryLearning(_db.Factory, fresh).LearnAllAsync() >= 1);

        var doc = Core.Text.TextSegmenter.Segment("Yilmaz spoke. Kamal Yilmaz left.");
        var found = new ActorRecognizer(fresh).Recognize(doc).Actors.Single(a => a.Name == "Kamal Yilmaz");
        Assert.Equal("TUR", found.Country);
        Assert.Equal(DictionaryLearning.DatabaseKeyPrefix + kamal.Id, found.DictionaryKey);
    }

    private sealed class OneActor : IExtractionPipeline
    {
        public string Version => "one";

        public ExtractionResult Extract(Article article, DateOnly? fallbackPublished = null) => new()
        {
            Article = new ArticleInfo { Published = "2020-01-10", Sentences = 1 },
            Actors = [new ExtractedActor { Id = "a1", Name = "Kamal Yilmaz", Kind = ActorKinds.Person, Mentions = [new TextSpan { Start = 0, End = 12, Text = "Kamal Yilmaz" }] }],
        };
    }
}
