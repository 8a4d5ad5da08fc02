using IraqCoalition.Core.Articles;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Actors;
using IraqCoalition.Data.Editing;
using IraqCoalition.Data.Search;

namespace IraqCoalition.Data.Tests;

public sealed class SearchTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await _db.Ingestion(new OneStatementPipeline()).IngestAsync(new Article
        {
            Title = "Lavrov visits Baghdad",
            Body = "Lavrov said Moscow was ready to help Iraq rebuild its armed forces.",
            Published = new DateOnly(2019, 10, 8),
        });
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private SearchRepository Search => new(_db.Factory);

    [Fact]
    public async Task Finds_articles_statements_and_actors_with_snippets_read_from_their_rows()
    {
        var hits = await Search.SearchAsync("rebuild");
        Assert.Contains(hits.Items, h => h.Kind == "article" && h.Text == "Lavrov said Moscow was ready to help Iraq rebuild its armed forces." && h.Date == "2019-10-08");
        Assert.Contains(hits.Items, h => h.Kind == "statement" && h.Title == "Sergey Lavrov" && h.Text == "reported: Moscow was ready to help Iraq rebuild its armed forces");
        var actor = Assert.Single((await Search.SearchAsync("lavr", kind: "actor")).Items);
        Assert.Equal("person · RUS", actor.Text);
    }

    [Fact]
    public void Sentence_holds_the_first_match_and_a_long_one_is_cut_around_it()
    {
        const string body = "Gen. Frank McKenzie spoke first. Relations with Iraq were in a period of turbulence, he said. Nothing else.";
        Assert.Equal("Relations with Iraq were in a period of turbulence, he said.", SearchTerms.Sentence(body, SearchTerms.Words("turbul")));
        Assert.Equal("Gen. Frank McKenzie spoke first.", SearchTerms.Sentence(body, SearchTerms.Words("zzz")));

        var longSentence = string.Join(' ', Enumerable.Repeat("word", 100)) + " target " + string.Join(' ', Enumerable.Repeat("more", 100)) + ".";
        var cut = SearchTerms.Sentence(longSentence, ["target"], max: 80);
        Assert.StartsWith("\u2026", cut, StringComparison.Ordinal);
        Assert.EndsWith("\u2026", cut, StringComparison.Ordinal);
        Assert.Contains("target", cut, StringComparison.Ordinal);
        Assert.True(cut.Length <= 82, cut);
    }

    [Fact]
    public void Words_match_at_word_starts_ignoring_case_and_accents()
    {
        Assert.Equal([(0, 4), (19, 4)], SearchTerms.Find("Iraq, Iran and the Ir\u0101qi side", ["iraq"]));
        Assert.Empty(SearchTerms.Find("Kraqiraq", ["iraq"]));
        Assert.Equal(["NEAR", "a", "b", "OR", "x"], SearchTerms.Words("NEAR(a b) OR -x"));
    }

    [Fact]
    public async Task Aliases_added_by_editors_are_searchable()
    {
        var lavrov = (await new ActorRepository(_db.Factory).SearchAsync(new ActorQuery { Text = "Lavrov" })).Items.Single();
        await new ActorEditService(_db.Factory).AddAliasAsync(new UserContext("eve", Roles.Editor), lavrov.Id, "Russia's top diplomat");
        Assert.Contains((await Search.SearchAsync("diplomat", kind: "actor")).Items, h => h.RefId == lavrov.Id);
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("NEAR(a b) OR -x AND *")]
    [InlineData("Moscow's")]
    public async Task Fts_syntax_in_user_input_is_searched_for_not_interpreted(string input)
    {
        var page = await Search.SearchAsync(input);
        Assert.True(page.Total >= 0);
    }

    [Fact]
    public async Task Very_common_terms_are_listed_newest_first_instead_of_ranked()
    {
        await using (var c = await _db.Factory.OpenAsync())
        {
            await using var tx = await c.BeginTransactionAsync();
            for (var i = 0; i <= SearchRepository.RankLimit; i++)
            {
                // Rows straight into the index: articles 1000.. that say "ubiquitous", the last one twice.
                await Dapper.SqlMapper.ExecuteAsync(c, "INSERT INTO search_index (rowid, kind, ref_id, article_id, title, body) VALUES (@rowid, 'article', @id, @id, 't', @body)",
                    new { rowid = (1000 + i) * 4, id = 1000 + i, body = i == 0 ? "ubiquitous ubiquitous term" : "ubiquitous term" }, tx);
            }

            await tx.CommitAsync();
        }

        var many = await Search.SearchAsync("ubiquitous");
        Assert.False(many.ByRelevance);
        Assert.Equal(SearchRepository.RankLimit + 1, many.Total);
        Assert.Equal(1000 + SearchRepository.RankLimit, many.Items[0].RefId);

        var few = await Search.SearchAsync("rebuild");
        Assert.True(few.ByRelevance);
    }

    [Fact]
    public void Queries_become_quoted_prefix_terms() =>
        Assert.Equal("\"Moscow\"* \"s\"* \"role\"*", SearchRepository.ToFtsQuery("Moscow's role"));

    private sealed class OneStatementPipeline : IExtractionPipeline
    {
        public string Version => "one";

        public ExtractionResult Extract(Article article, DateOnly? fallbackPublished = null) => new()
        {
            Article = new ArticleInfo { Published = "2019-10-08", Sentences = 1 },
            Actors = [new ExtractedActor { Id = "a1", Name = "Sergey Lavrov", Kind = ActorKinds.Person, Country = "RUS", Mentions = [new TextSpan { Start = 0, End = 6, Text = "Lavrov" }] }],
            Statements = [new ExtractedStatement { Speaker = "a1", Text = "Moscow was ready to help Iraq rebuild its armed forces", Direct = false, Cue = "said", Content = new SpanRef(12, 67) }],
        };
    }
}
