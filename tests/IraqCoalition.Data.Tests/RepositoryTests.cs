using IraqCoalition.Core.Articles;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Data.Actors;
using IraqCoalition.Data.Articles;
using IraqCoalition.Data.Events;
using IraqCoalition.Data.Statements;

namespace IraqCoalition.Data.Tests;

/// <summary>Repository queries over a small, known set of events stored through the real ingestion path.</summary>
public sealed class RepositoryTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        var ingestion = _db.Ingestion(new ScriptedPipeline());
        await ingestion.IngestAsync(new Article { Title = "One", Body = "Iraq met Russia. U.S. struck Iraq.", Published = new DateOnly(2020, 1, 3) });
        await ingestion.IngestAsync(new Article { Title = "Two", Body = "Russia praised Iraq_ 100% sure.", Published = new DateOnly(2020, 1, 20) });
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private EventRepository Events => new(_db.Factory);

    [Fact]
    public async Task Timeline_is_in_date_order_with_actor_names()
    {
        var page = await Events.QueryTimelineAsync(new TimelineQuery());
        Assert.Equal(4, page.Total);
        Assert.Equal(page.Items.Select(e => e.DateValue).Order(StringComparer.Ordinal), page.Items.Select(e => e.DateValue));
        Assert.Contains(page.Items, e => e.SourceName == "Russia" && e.TargetName == "Iraq" && e.Code == "051");
    }

    [Fact]
    public async Task Dyad_filter_is_unordered_and_excludes_other_pairs()
    {
        var ab = await Events.QueryTimelineAsync(new TimelineQuery { CountryA = "IRQ", CountryB = "RUS" });
        var ba = await Events.QueryTimelineAsync(new TimelineQuery { CountryA = "rus", CountryB = "irq" });
        Assert.Equal(3, ab.Total);
        Assert.Equal(ab.Items.Select(e => e.Id), ba.Items.Select(e => e.Id));
        Assert.DoesNotContain(ab.Items, e => e.SourceCountry == "USA" || e.TargetCountry == "USA");
    }

    [Fact]
    public async Task Date_quad_root_and_text_filters_combine()
    {
        Assert.Equal(1, (await Events.QueryTimelineAsync(new TimelineQuery { From = new DateOnly(2020, 1, 10) })).Total);
        Assert.Equal(1, (await Events.QueryTimelineAsync(new TimelineQuery { QuadClass = 4 })).Total);
        Assert.Equal(2, (await Events.QueryTimelineAsync(new TimelineQuery { Root = "04" })).Total);
        // Free text is full-text search on words and prefixes; symbols typed by the user are not operators.
        Assert.Equal(1, (await Events.QueryTimelineAsync(new TimelineQuery { Text = "100%" })).Total);
        Assert.Equal(1, (await Events.QueryTimelineAsync(new TimelineQuery { Text = "stru" })).Total);
        Assert.Equal(4, (await Events.QueryTimelineAsync(new TimelineQuery { Text = "Iraq_" })).Total);
        Assert.Equal(0, (await Events.QueryTimelineAsync(new TimelineQuery { Text = "Iraq", QuadClass = 2 })).Total);
    }

    [Fact]
    public async Task Actor_and_country_filters_match_either_side_in_date_order_across_pages()
    {
        var iraq = (await new ActorRepository(_db.Factory).SearchAsync(new ActorQuery { Text = "Iraq" })).Items.Single();
        var all = await Events.QueryTimelineAsync(new TimelineQuery { ActorId = iraq.Id });
        Assert.Equal(4, all.Total);
        Assert.All(all.Items, e => Assert.True(e.SourceActorId == iraq.Id || e.TargetActorId == iraq.Id));

        var page = await Events.QueryTimelineAsync(new TimelineQuery { ActorId = iraq.Id, Skip = 1, Take = 2 });
        Assert.Equal(all.Items.Skip(1).Take(2).Select(e => e.Id), page.Items.Select(e => e.Id));
        var newest = await Events.QueryTimelineAsync(new TimelineQuery { ActorId = iraq.Id, Descending = true, Take = 1 });
        Assert.Equal(all.Items[^1].Id, Assert.Single(newest.Items).Id);

        Assert.Equal(1, (await Events.QueryTimelineAsync(new TimelineQuery { CountryA = "USA" })).Total);
        Assert.Equal(1, (await Events.QueryTimelineAsync(new TimelineQuery { ActorId = iraq.Id, CountryB = "usa" })).Total);
    }

    [Fact]
    public async Task Paging_returns_the_total_and_a_slice()
    {
        var page = await Events.QueryTimelineAsync(new TimelineQuery { Skip = 1, Take = 2 });
        Assert.Equal(4, page.Total);
        Assert.Equal(2, page.Items.Count);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task Cursor_paging_gives_the_same_rows_as_offsets(bool descending, bool byActor)
    {
        long? actor = byActor ? (await new ActorRepository(_db.Factory).SearchAsync(new ActorQuery { Text = "Iraq" })).Items.Single().Id : null;
        var query = new TimelineQuery { ActorId = actor, Descending = descending };
        var all = await Events.PageTimelineAsync(query);
        Assert.Equal(4, all.Count);

        var walked = new List<long>();
        TimelineCursor? cursor = null;
        while (await Events.PageTimelineAsync(query with { After = cursor, Take = 1 }) is [var next])
        {
            walked.Add(next.Id);
            cursor = next.Cursor;
        }

        Assert.Equal(all.Select(e => e.Id), walked);
        // Skip counts from the cursor, so a jump past a known row is a short walk.
        Assert.Equal(all[3].Id, Assert.Single(await Events.PageTimelineAsync(query with { After = all[0].Cursor, Skip = 2, Take = 5 })).Id);
        Assert.Equal(4, (await Events.CountTimelineAsync(query with { After = all[2].Cursor })).Total);
    }

    [Fact]
    public async Task Text_only_counts_leave_out_rejected_events()
    {
        var iraq = await Events.PageTimelineAsync(new TimelineQuery { Text = "Iraq" });
        Assert.Equal((4, false), await Events.CountTimelineAsync(new TimelineQuery { Text = "Iraq" }));
        await using (var c = await _db.Factory.OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(c, "UPDATE events SET status = 'rejected' WHERE id = @id", new { id = iraq[0].Id });
        }

        Assert.Equal((3, false), await Events.CountTimelineAsync(new TimelineQuery { Text = "Iraq" }));
        Assert.Equal((4, false), await Events.CountTimelineAsync(new TimelineQuery { Text = "Iraq", IncludeRejected = true }));
        Assert.Equal(3, (await Events.PageTimelineAsync(new TimelineQuery { Text = "Iraq" })).Count);
    }

    [Fact]
    public async Task Dyad_series_buckets_by_monday_weeks_with_mean_goldstein()
    {
        var weeks = await Events.DyadSeriesAsync("IRQ", "RUS");
        Assert.Equal(["2019-12-30", "2020-01-20"], weeks.Select(w => w.WeekStart));
        Assert.Equal(2, weeks[0].Events);
        Assert.Equal(2, weeks[0].VerbalCooperation);
        Assert.Equal(1, weeks[1].Events);
        Assert.Equal(3.4, weeks[1].MeanGoldstein, 2);
    }

    [Fact]
    public async Task Actors_articles_and_statements_are_queryable()
    {
        var actors = await new ActorRepository(_db.Factory).SearchAsync(new ActorQuery { Text = "russ" });
        Assert.Equal("Russia", Assert.Single(actors.Items).Name);

        var articles = await new ArticleRepository(_db.Factory).ListAsync();
        Assert.Equal(2, articles.Total);
        Assert.Equal("Two", articles.Items[0].Title);
        Assert.Equal(1, articles.Items[0].Events);

        var statements = await new StatementRepository(_db.Factory).SearchAsync(new StatementQuery { Text = "praise" });
        Assert.Equal("Russia", Assert.Single(statements.Items).SpeakerName);
    }

    /// <summary>Emits fixed events for the test articles so the queries have known answers.</summary>
    private sealed class ScriptedPipeline : IExtractionPipeline
    {
        public string Version => "scripted";

        public ExtractionResult Extract(Article article, DateOnly? fallbackPublished = null)
        {
            var day = article.Published!.Value.ToString("yyyy-MM-dd");
            ExtractedActor Actor(string id, string name, string iso) => new()
            {
                Id = id, Name = name, Kind = ActorKinds.Country, Country = iso, DictionaryKey = iso,
                Mentions = [new TextSpan { Start = 0, End = Math.Min(name.Length, article.Body.Length), Text = name }],
            };
            ExtractedEvent Event(string code, string root, double g, int quad, string src, string tgt, string ev) => new()
            {
                Code = code, Root = root, Label = code, Goldstein = g, QuadClass = quad, Source = src, Target = tgt,
                Date = new EventDate { Value = day, Start = day, End = day, Precision = "day" },
                Evidence = new TextSpan { Start = 0, End = ev.Length, Text = ev },
            };
            var actors = new[] { Actor("a1", "Iraq", "IRQ"), Actor("a2", "Russia", "RUS"), Actor("a3", "United States", "USA") };
            return article.Title == "One"
                ? new ExtractionResult
                {
                    Article = new ArticleInfo { Published = day, Sentences = 2 },
                    Actors = actors,
                    Events =
                    [
                        Event("040", "04", 1.0, 1, "a1", "a2", "Iraq met Russia."),
                        // Worded apart from the first: the same two sides meeting on one day in the
                        // same words would be one meeting reported twice (ClusterMatcher.SwapRoots).
                        Event("043", "04", 2.8, 1, "a2", "a1", "Moscow hosted an Iraq delegation."),
                        Event("195", "19", -10, 4, "a3", "a1", "U.S. struck Iraq."),
                    ],
                }
                : new ExtractionResult
                {
                    Article = new ArticleInfo { Published = day, Sentences = 1 },
                    Actors = actors,
                    Events = [Event("051", "05", 3.4, 1, "a2", "a1", "Russia praised Iraq_ 100% sure.")],
                    Statements = [new ExtractedStatement { Speaker = "a2", Text = "praised Iraq", Content = new SpanRef(7, 19) }],
                };
        }
    }
}
