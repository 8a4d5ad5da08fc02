using Dapper;
using IraqCoalition.Core.Articles;
using IraqCoalition.Core.Events;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Audit;
using IraqCoalition.Data.Editing;
using IraqCoalition.Data.Events;

namespace IraqCoalition.Data.Tests;

/// <summary>
/// What an editor repairs and adds (issue 14): the machine's misses added from a span, statements
/// and events repaired, junk actors deleted, and every change readable in the audit log.
/// </summary>
public sealed class EditorialRecordTests : IAsyncLifetime
{
    // "Reporters" is the junk actor of the brief: a demand aimed at the press, not at anyone.
    private const string Body = "On Sunday, Iraq's parliament voted to expel U.S. troops. Reporters asked the ministry for comment. "
        + "The prime minister said foreign forces must leave soon.";

    private static readonly UserContext Editor = new("eve", Roles.Editor);
    private static readonly UserContext Analyst = new("ann", Roles.Analyst);

    private readonly TempDatabase _db = new();
    private readonly Pipeline _pipeline = new();
    private long _articleId;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _articleId = (await _db.Ingestion(_pipeline).IngestAsync(new Article { Body = Body, Title = "Vote", Published = new DateOnly(2020, 1, 6) })).ArticleId;
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private CorrectionService Corrections => new(_db.Factory, CameoCodebook.Default);

    private AdditionService Additions => new(_db.Factory, CameoCodebook.Default);

    private async Task<long> ActorId(string name)
    {
        await using var c = await _db.Factory.OpenAsync();
        return await c.ExecuteScalarAsync<long>("SELECT id FROM actors WHERE name = @name", new { name });
    }

    private async Task<T> Scalar<T>(string sql, object? p = null)
    {
        await using var c = await _db.Factory.OpenAsync();
        return (await c.ExecuteScalarAsync<T>(sql, p))!;
    }

    private static int At(string words) => Body.IndexOf(words, StringComparison.Ordinal);

    [Fact]
    public async Task The_form_is_prefilled_from_the_sentence_its_dates_and_its_actors()
    {
        var start = At("voted");
        var context = await Additions.ContextAsync(_articleId, start, start + "voted to expel".Length);

        Assert.Equal("On Sunday, Iraq's parliament voted to expel U.S. troops.", context.SentenceText);
        Assert.Equal(new DateOnly(2020, 1, 5), context.SuggestedDate);
        Assert.Equal("Sunday", context.DateText);
        Assert.Equal(["Iraqi parliament", "United States"], context.Actors.Select(a => a.Name).Order().ToArray());
        Assert.False(context.InsideQuotation);
    }

    [Fact]
    public async Task A_missed_event_added_from_a_span_is_the_editors_on_the_timeline_and_survives_re_extraction()
    {
        var start = At("voted");
        var id = await Additions.AddEventAsync(Editor, new NewEvent
        {
            ArticleId = _articleId, Start = start, End = start + "voted to expel".Length, Code = "174",
            SourceActorId = await ActorId("Iraqi parliament"), TargetActorId = await ActorId("United States"),
            Date = new DateOnly(2020, 1, 5), Location = "Baghdad",
        });

        var timeline = (await new EventRepository(_db.Factory).QueryTimelineAsync(new TimelineQuery())).Items;
        var added = Assert.Single(timeline, e => e.Id == id);
        Assert.Equal("2020-01-05", added.DateValue);
        Assert.Equal("verified", added.Status);
        Assert.Equal("On Sunday, Iraq's parliament voted to expel U.S. troops.", added.EvidenceText);
        Assert.NotNull(await Scalar<long?>("SELECT cluster_id FROM events WHERE id = @id", new { id }));

        await _db.Ingestion(_pipeline).ReextractAsync(_articleId);

        Assert.Equal("editor|Baghdad", await Scalar<string>("SELECT origin || '|' || location FROM events WHERE id = @id", new { id }));
        var entry = Assert.Single((await new AuditLog(_db.Factory).QueryAsync(new AuditQuery { Action = "event.add" })).Items);
        Assert.Contains("Iraqi parliament", entry.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missed_reported_statement_is_added_with_its_speaker_and_kept_on_re_extraction()
    {
        var start = At("foreign forces");
        var id = await Additions.AddStatementAsync(Editor, new NewStatement
        {
            ArticleId = _articleId, Start = start, End = start + "foreign forces must leave soon".Length,
            SpeakerActorId = await ActorId("Adel Abdul Mahdi"), Cue = "said", Direct = false,
        });

        await _db.Ingestion(_pipeline).ReextractAsync(_articleId);

        Assert.Equal("foreign forces must leave soon|said|2020-01-06|editor",
            await Scalar<string>("SELECT text || '|' || cue || '|' || date_value || '|' || origin FROM statements WHERE id = @id", new { id }));
        // The speaker's mention nearest the statement is its speaker span, for the reader's highlight.
        Assert.Equal(At("The prime minister"), await Scalar<int>("SELECT speaker_start FROM statements WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task Analysts_cannot_add_and_bad_spans_or_codes_are_refused_with_a_message()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => Additions.AddEventAsync(Analyst, new NewEvent { ArticleId = _articleId, Start = 0, End = 5, Code = "040", Date = new DateOnly(2020, 1, 1) }));
        await Assert.ThrowsAsync<ForbiddenException>(() => Additions.AddStatementAsync(UserContext.Anonymous, new NewStatement { ArticleId = _articleId, Start = 0, End = 5 }));
        var outside = await Assert.ThrowsAsync<ArgumentException>(() => Additions.AddStatementAsync(Editor, new NewStatement { ArticleId = _articleId, Start = 10, End = Body.Length + 5 }));
        Assert.Contains("not inside the article", outside.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => Additions.AddEventAsync(Editor, new NewEvent { ArticleId = _articleId, Start = 0, End = 5, Code = "999", Date = new DateOnly(2020, 1, 1) }));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Additions.AddEventAsync(Editor, new NewEvent { ArticleId = 999, Start = 0, End = 5, Code = "040", Date = new DateOnly(2020, 1, 1) }));
        Assert.Equal(0, await Scalar<int>("SELECT count(*) FROM events WHERE origin = 'editor'"));
    }

    [Fact]
    public async Task A_statement_that_lost_its_end_is_repaired_from_the_article_and_a_stale_edit_conflicts()
    {
        var (id, version) = await FirstStatement();
        var start = At("foreign forces");
        var end = start + "foreign forces must leave soon".Length;

        await Corrections.UpdateStatementAsync(Editor, id, new StatementCorrection { Version = version, ContentStart = start, ContentEnd = end, Cue = "insisted", Direct = true, Date = new DateOnly(2020, 1, 5) });

        Assert.Equal("foreign forces must leave soon|insisted|1|2020-01-05|1",
            await Scalar<string>("SELECT text || '|' || cue || '|' || direct || '|' || date_value || '|' || corrected FROM statements WHERE id = @id", new { id }));
        var ex = await Assert.ThrowsAsync<ConcurrencyException>(() => Corrections.UpdateStatementAsync(new UserContext("bob", Roles.Editor), id, new StatementCorrection { Version = version, Cue = "said" }));
        Assert.Contains("eve", ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ForbiddenException>(() => Corrections.UpdateStatementAsync(Analyst, id, new StatementCorrection { Version = version + 1, Cue = "said" }));

        // The audit row holds the changed fields only.
        var entry = Assert.Single((await new AuditLog(_db.Factory).QueryAsync(new AuditQuery { Action = "statement.update" })).Items);
        Assert.Contains("\"Cue\":\"insisted\"", entry.AfterJson, StringComparison.Ordinal);
        Assert.DoesNotContain("ArticleId", entry.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Event_summary_and_location_are_corrected_and_the_diff_names_actors_not_ids()
    {
        var ev = Assert.Single((await new EventRepository(_db.Factory).QueryTimelineAsync(new TimelineQuery())).Items);
        await Corrections.UpdateEventAsync(Editor, ev.Id, new EventCorrection
        {
            Version = ev.Version, Summary = "Parliament votes to expel U.S. troops", Location = "Baghdad", TargetActorId = await ActorId("United States"),
        });

        Assert.Equal("Parliament votes to expel U.S. troops|Baghdad", await Scalar<string>("SELECT summary || '|' || location FROM events WHERE id = @id", new { id = ev.Id }));
        var entry = Assert.Single((await new AuditLog(_db.Factory).QueryAsync(new AuditQuery { EntityType = "event", EntityId = ev.Id })).Items);
        Assert.Contains("\"Target\":\"United States\"", entry.AfterJson, StringComparison.Ordinal);
        Assert.Contains("\"Target\":\"Reporters\"", entry.BeforeJson, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Code\"", entry.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_junk_actor_removes_its_mentions_flags_its_items_and_keeps_it_from_coming_back()
    {
        var reporters = await ActorId("Reporters");
        var version = await Scalar<int>("SELECT version FROM actors WHERE id = @reporters", new { reporters });
        await Assert.ThrowsAsync<ConcurrencyException>(() => new ActorEditService(_db.Factory).DeleteAsync(Editor, reporters, version + 1));

        await new ActorEditService(_db.Factory).DeleteAsync(Editor, reporters, version);

        Assert.Equal(0, await Scalar<int>("SELECT count(*) FROM actors WHERE name = 'Reporters'"));
        Assert.Equal(0, await Scalar<int>("SELECT count(*) FROM mentions WHERE actor_id = @reporters", new { reporters }));
        Assert.Contains("Reporters", await Scalar<string>("SELECT review_note FROM events WHERE target_actor_id IS NULL"), StringComparison.Ordinal);

        await _db.Ingestion(_pipeline).ReextractAsync(_articleId);
        await _db.Ingestion(_pipeline).IngestAsync(new Article { Body = "Reporters asked again.", Published = new DateOnly(2020, 1, 7) });

        Assert.Equal(0, await Scalar<int>("SELECT count(*) FROM actors WHERE name = 'Reporters'"));
        Assert.Equal(1, await Scalar<int>("SELECT count(*) FROM events WHERE target_actor_id IS NULL"));
        var entry = Assert.Single((await new AuditLog(_db.Factory).QueryAsync(new AuditQuery { Action = "actor.delete" })).Items);
        Assert.Contains("\"eventsAsTarget\":1", entry.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_failures_and_lockouts_are_audited_as_the_name_typed()
    {
        var users = new UserService(_db.Factory);
        await users.CreateAsync(UserContext.System, "nadia", Roles.Editor, "right-password-1");
        await users.SignInAsync("nobody", "whatever-123");
        for (var i = 0; i < UserService.MaxFailedLogins; i++)
        {
            await users.SignInAsync("nadia", "wrong-password-1");
        }

        var log = new AuditLog(_db.Factory);
        var failed = (await log.QueryAsync(new AuditQuery { Action = "user.signin.failed" })).Items;
        Assert.Equal(UserService.MaxFailedLogins, failed.Count);
        Assert.All(failed, e => Assert.Null(e.UserName));
        Assert.Contains(failed, e => e.AfterJson!.Contains("nobody", StringComparison.Ordinal) && e.EntityId is null);
        Assert.Single((await log.QueryAsync(new AuditQuery { Action = "user.lockout" })).Items);
        // "user" finds every user.* action, not just one.
        Assert.Equal(UserService.MaxFailedLogins + 2, (await log.QueryAsync(new AuditQuery { Action = "user" })).Total);
    }

    private async Task<(long Id, int Version)> FirstStatement()
    {
        await using var c = await _db.Factory.OpenAsync();
        return await c.QuerySingleAsync<(long, int)>("SELECT id, version FROM statements ORDER BY id LIMIT 1");
    }

    /// <summary>The machine reads the vote as aimed at "Reporters" and the statement without its end, as in the brief.</summary>
    private sealed class Pipeline : IExtractionPipeline
    {
        public string Version => "editorial-record";

        public ExtractionResult Extract(Article article, DateOnly? fallbackPublished = null)
        {
            var text = article.Body;
            TextSpan Span(string words) => new() { Start = text.IndexOf(words, StringComparison.Ordinal), End = text.IndexOf(words, StringComparison.Ordinal) + words.Length, Text = words };
            ExtractedActor Actor(string id, string name, string kind, string? country, params string[] mentions) => new()
            {
                Id = id, Name = name, Kind = kind, Country = country, Aliases = mentions.Distinct().ToList(),
                Mentions = mentions.Where(m => text.Contains(m, StringComparison.Ordinal)).Select(Span).ToList(),
            };
            var actors = new List<ExtractedActor> { Actor("r", "Reporters", ActorKinds.Media, null, "Reporters") };
            if (!text.Contains("parliament", StringComparison.Ordinal))
            {
                return new ExtractionResult { Article = new ArticleInfo { Published = "2020-01-07", Sentences = 1 }, Actors = actors };
            }

            actors.Add(Actor("p", "Iraqi parliament", ActorKinds.Organization, "IRQ", "Iraq's parliament"));
            actors.Add(Actor("u", "United States", ActorKinds.Country, "USA", "U.S."));
            actors.Add(Actor("m", "Adel Abdul Mahdi", ActorKinds.Person, "IRQ", "The prime minister"));
            var day = new EventDate { Value = "2020-01-05", Start = "2020-01-05", End = "2020-01-05", Precision = "day", Text = "Sunday" };
            var sunday = Span("Sunday");
            var cut = Span("foreign forces must");
            return new ExtractionResult
            {
                Article = new ArticleInfo { Published = "2020-01-06", Sentences = 3 },
                Actors = actors,
                Timexes = [new ExtractedTimex { Start = sunday.Start, End = sunday.End, Text = "Sunday", Type = "DATE", Value = "2020-01-05" }],
                Statements = [new ExtractedStatement { Speaker = "m", Text = cut.Text, Content = new SpanRef(cut.Start, cut.End), Cue = "said" }],
                Events =
                [
                    new ExtractedEvent
                    {
                        Code = "1246", Root = "12", Label = "Reject", Goldstein = -4, QuadClass = 3, Source = "p", Target = "r", Date = day,
                        Evidence = Span("Reporters asked the ministry for comment."), Rule = "ASK",
                    },
                ],
            };
        }
    }
}
