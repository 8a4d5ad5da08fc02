using Dapper;
using IraqCoalition.Core.Articles;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Actors;
using IraqCoalition.Data.Audit;
using IraqCoalition.Data.Editing;
using IraqCoalition.Data.Events;
using IraqCoalition.Data.Tags;

namespace IraqCoalition.Data.Tests;

/// <summary>Editors' operations on a real database: what they change, who may, and what the audit log keeps.</summary>
public sealed class EditingTests : IAsyncLifetime
{
    private static readonly UserContext Editor = new("eve", Roles.Editor);
    private static readonly UserContext Analyst = new("ann", Roles.Analyst);
    private static readonly UserContext Anonymous = UserContext.Anonymous;

    private readonly TempDatabase _db = new();
    private readonly TwoActorPipeline _pipeline = new();
    private long _articleId;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _articleId = (await _db.Ingestion(_pipeline).IngestAsync(new Article { Body = "Lavrov met Zarif. Lavrov praised Iran.", Published = new DateOnly(2020, 1, 4) })).ArticleId;
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private ActorEditService Actors => new(_db.Factory);
    private TagService Tags => new(_db.Factory);

    private CorrectionService Corrections => new(_db.Factory, IraqCoalition.Core.Events.CameoCodebook.Default);

    private async Task<ActorRow> Actor(string name) =>
        (await new ActorRepository(_db.Factory).SearchAsync(new ActorQuery { Text = name, IncludeMerged = true })).Items.Single(a => a.Name == name);

    private async Task<TimelineEvent> OnlyEvent(string code) =>
        (await new EventRepository(_db.Factory).QueryTimelineAsync(new TimelineQuery { IncludeRejected = true })).Items.Single(e => e.Code == code);

    private async Task<IReadOnlyList<AuditEntry>> Audit(string type, long id) =>
        (await new AuditLog(_db.Factory).QueryAsync(new AuditQuery { EntityType = type, EntityId = id })).Items;

    public static TheoryData<string> MutatingOperations() =>
    [
        "actor.update", "actor.alias.add", "actor.alias.remove", "actor.merge", "actor.split",
        "tag.create", "tag.rename", "tag.recolor", "tag.delete", "actor.tag", "actor.untag",
        "event.update", "event.reject", "event.restore", "event.verify", "statement.reject", "statement.speaker",
        "event.add", "statement.add", "statement.update", "statement.verify", "statement.restore", "actor.delete",
        "cluster.move", "cluster.split", "cluster.merge", "cluster.recluster",
        "user.create", "user.role", "user.password.reset",
    ];

    /// <summary>Changes by trusted callers (ingestion, the CLI, the sign-in form itself): audited, with no role to refuse.</summary>
    public static TheoryData<string> TrustedOperations() =>
    [
        "article.ingest", "article.reextract", "briefing.create", "briefing.update", "briefing.delete",
        "user.signin", "user.signin.failed", "user.lockout", "user.signout", "user.password.change",
    ];

    /// <summary>
    /// Every public instance method of the services that change data, by the audit action it writes.
    /// A new mutating method fails <see cref="Every_mutating_service_method_is_listed_and_writes_an_audit_row"/>
    /// until it is added here, run by <see cref="Run"/>, and shown to write its row.
    /// </summary>
    private static readonly Dictionary<string, string[]> AuditedMethods = new(StringComparer.Ordinal)
    {
        ["ActorEditService.UpdateAsync"] = ["actor.update"], ["ActorEditService.AddAliasAsync"] = ["actor.alias.add"],
        ["ActorEditService.RemoveAliasAsync"] = ["actor.alias.remove"], ["ActorEditService.MergeAsync"] = ["actor.merge"],
        ["ActorEditService.SplitAliasAsync"] = ["actor.split"], ["ActorEditService.DeleteAsync"] = ["actor.delete"],
        ["TagService.CreateAsync"] = ["tag.create"], ["TagService.RenameAsync"] = ["tag.rename"], ["TagService.RecolorAsync"] = ["tag.recolor"],
        ["TagService.DeleteAsync"] = ["tag.delete"], ["TagService.AddToActorAsync"] = ["actor.tag"], ["TagService.RemoveFromActorAsync"] = ["actor.untag"],
        ["CorrectionService.UpdateEventAsync"] = ["event.update"], ["CorrectionService.SetEventStatusAsync"] = ["event.reject", "event.verify", "event.restore"],
        ["CorrectionService.SetStatementStatusAsync"] = ["statement.reject", "statement.verify", "statement.restore"],
        ["CorrectionService.ChangeSpeakerAsync"] = ["statement.speaker"], ["CorrectionService.UpdateStatementAsync"] = ["statement.update"],
        ["AdditionService.AddEventAsync"] = ["event.add"], ["AdditionService.AddStatementAsync"] = ["statement.add"],
        ["EventClusterService.MoveAsync"] = ["cluster.move"], ["EventClusterService.SplitAsync"] = ["cluster.split"],
        ["EventClusterService.MergeAsync"] = ["cluster.merge"], ["EventClusterService.ReclusterAllAsync"] = ["cluster.recluster"],
        ["UserService.CreateAsync"] = ["user.create"], ["UserService.SetRoleAsync"] = ["user.role"], ["UserService.ResetPasswordAsync"] = ["user.password.reset"],
        ["UserService.ChangePasswordAsync"] = ["user.password.change"], ["UserService.EndSessionsAsync"] = ["user.signout"],
        ["UserService.SignInAsync"] = ["user.signin", "user.signin.failed", "user.lockout"],
        ["IngestionService.IngestAsync"] = ["article.ingest"], ["IngestionService.IngestFilesAsync"] = ["article.ingest"],
        ["IngestionService.ReextractAsync"] = ["article.reextract"], ["IngestionService.ReextractAllAsync"] = ["article.reextract"],
        ["BriefingRepository.CreateAsync"] = ["briefing.create"], ["BriefingRepository.UpdateAsync"] = ["briefing.update"],
        ["BriefingRepository.DeleteAsync"] = ["briefing.delete"],
    };

    /// <summary>Reads: named as such, they change nothing.</summary>
    private static readonly string[] ReadPrefixes = ["Get", "List", "Search", "Query", "Find", "Count", "For", "Stats", "Reports", "Context", "Aliases", "StatementsById", "TagNames"];

    private async Task Run(string operation, UserContext user)
    {
        var lavrov = await Actor("Sergey Lavrov");
        var zarif = await Actor("Javad Zarif");
        var tag = await Tags.CreateAsync(Editor, "T" + Guid.NewGuid().ToString("N")[..6]);
        var ev = await OnlyEvent("040");
        var alias = (await new ActorRepository(_db.Factory).AliasesAsync(lavrov.Id)).First(a => a.Alias == "Lavrov");
        (long Id, int Version) statement;
        List<(long Id, int Version)> clusters;
        await using (var c = await _db.Factory.OpenAsync())
        {
            statement = await c.QuerySingleAsync<(long Id, int Version)>("SELECT id, version FROM statements LIMIT 1");
            clusters = (await c.QueryAsync<(long Id, int Version)>("SELECT id, version FROM event_clusters ORDER BY id")).ToList();
        }

        var praise = await OnlyEvent("051");
        var users = new UserService(_db.Factory);
        var briefings = new IraqCoalition.Data.Briefings.BriefingRepository(_db.Factory);
        var clusterService = new IraqCoalition.Data.Clusters.EventClusterService(_db.Factory);
        var additions = new AdditionService(_db.Factory, IraqCoalition.Core.Events.CameoCodebook.Default);
        async Task<UserRow> Member() => await users.CreateAsync(UserContext.System, "u" + Guid.NewGuid().ToString("N")[..8], Roles.Analyst, "a-long-password-2");
        Task task = operation switch
        {
            "actor.update" => Actors.UpdateAsync(user, lavrov.Id, new ActorChanges { Version = lavrov.Version, Name = "Sergei Lavrov", Kind = "person", Country = "RUS" }),
            "actor.alias.add" => Actors.AddAliasAsync(user, lavrov.Id, "Russia's top diplomat"),
            "actor.alias.remove" => Actors.RemoveAliasAsync(user, lavrov.Id, alias.Id),
            "actor.merge" => Actors.MergeAsync(user, lavrov.Id, zarif.Id),
            "actor.split" => Actors.SplitAliasAsync(user, lavrov.Id, alias.Id),
            "tag.create" => Tags.CreateAsync(user, "watch"),
            "tag.rename" => Tags.RenameAsync(user, tag.Id, "renamed"),
            "tag.recolor" => Tags.RecolorAsync(user, tag.Id, "#ff0000"),
            "tag.delete" => Tags.DeleteAsync(user, tag.Id),
            "actor.tag" => Tags.AddToActorAsync(user, lavrov.Id, tag.Id),
            "actor.untag" => Tags.AddToActorAsync(Editor, lavrov.Id, tag.Id).ContinueWith(_ => Tags.RemoveFromActorAsync(user, lavrov.Id, tag.Id)).Unwrap(),
            "event.update" => Corrections.UpdateEventAsync(user, ev.Id, new EventCorrection { Version = ev.Version, Code = "111" }),
            "event.reject" => Corrections.SetEventStatusAsync(user, ev.Id, CorrectionService.Rejected, ev.Version),
            "event.restore" => Corrections.SetEventStatusAsync(user, ev.Id, CorrectionService.Extracted, ev.Version),
            "event.verify" => Corrections.SetEventStatusAsync(user, ev.Id, CorrectionService.Verified, ev.Version),
            "statement.reject" => Corrections.SetStatementStatusAsync(user, statement.Id, CorrectionService.Rejected, statement.Version),
            "statement.speaker" => Corrections.ChangeSpeakerAsync(user, statement.Id, zarif.Id, statement.Version),
            "user.create" => new UserService(_db.Factory).CreateAsync(user, "newbie", Roles.Analyst, "a-long-password-1"),
            "user.role" => users.SetRoleAsync(user, (await Member()).Id, Roles.Editor),
            "user.password.reset" => users.ResetPasswordAsync(user, (await Member()).Id),
            "event.add" => additions.AddEventAsync(user, new NewEvent { ArticleId = _articleId, Start = 7, End = 10, Code = "036", SourceActorId = lavrov.Id, TargetActorId = zarif.Id, Date = new DateOnly(2020, 1, 3) }),
            "statement.add" => additions.AddStatementAsync(user, new NewStatement { ArticleId = _articleId, Start = 25, End = 37, SpeakerActorId = lavrov.Id, Cue = "praised" }),
            "statement.update" => Corrections.UpdateStatementAsync(user, statement.Id, new StatementCorrection { Version = statement.Version, ContentStart = 18, ContentEnd = 37, Direct = false }),
            "statement.verify" => Corrections.SetStatementStatusAsync(user, statement.Id, CorrectionService.Verified, statement.Version),
            "statement.restore" => Corrections.SetStatementStatusAsync(user, statement.Id, CorrectionService.Extracted, statement.Version),
            "actor.delete" => Actors.DeleteAsync(user, zarif.Id, zarif.Version),
            "cluster.move" => clusterService.MoveAsync(user, praise.Id, praise.Version, clusters[0].Id),
            "cluster.split" => clusterService.SplitAsync(user, new Dictionary<long, int> { [praise.Id] = praise.Version }),
            "cluster.merge" => clusterService.MergeAsync(user, clusters[0].Id, clusters[0].Version, clusters[1].Id, clusters[1].Version),
            "cluster.recluster" => clusterService.ReclusterAllAsync(user),
            "article.ingest" => _db.Ingestion(_pipeline).IngestAsync(new Article { Body = "Lavrov met Zarif again. Lavrov praised Iran.", Published = new DateOnly(2020, 1, 5) }),
            "article.reextract" => _db.Ingestion(_pipeline).ReextractAsync(_articleId),
            "briefing.create" => briefings.CreateAsync(user, new IraqCoalition.Data.Briefings.Briefing { Title = "Weekly", ActorIds = [lavrov.Id] }),
            "briefing.update" => UpdateBriefing(),
            "briefing.delete" => DeleteBriefing(),
            "user.signin" => users.SignInAsync("root", "root-password-123"),
            "user.signin.failed" => users.SignInAsync("root", "wrong-password-1"),
            "user.lockout" => Lockout(),
            "user.signout" => users.EndSessionsAsync((await users.FindAsync("root"))!.Id),
            "user.password.change" => users.ChangePasswordAsync((await users.FindAsync("root"))!.Id, "root-password-123", "root-password-456"),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
        await task;

        async Task UpdateBriefing()
        {
            var b = await briefings.CreateAsync(UserContext.System, new IraqCoalition.Data.Briefings.Briefing { Title = "Draft" });
            b.Title = "Final";
            await briefings.UpdateAsync(user, b);
        }

        async Task DeleteBriefing()
        {
            var b = await briefings.CreateAsync(UserContext.System, new IraqCoalition.Data.Briefings.Briefing { Title = "Scrap" });
            await briefings.DeleteAsync(user, b.Id, b.Version);
        }

        async Task Lockout()
        {
            for (var i = 0; i < UserService.MaxFailedLogins; i++)
            {
                await users.SignInAsync("root", "wrong-password-1");
            }
        }
    }

    [Theory]
    [MemberData(nameof(MutatingOperations))]
    [MemberData(nameof(TrustedOperations))]
    public async Task Every_change_writes_its_audit_row(string operation)
    {
        await new UserService(_db.Factory).CreateAsync(UserContext.System, "root", Roles.Admin, "root-password-123");
        var admin = new UserContext("root", Roles.Admin);
        await using var c = await _db.Factory.OpenAsync();
        var before = await c.ExecuteScalarAsync<int>("SELECT count(*) FROM audit_log WHERE action = @operation", new { operation });

        await Run(operation, admin);

        Assert.True(await c.ExecuteScalarAsync<int>("SELECT count(*) FROM audit_log WHERE action = @operation", new { operation }) > before,
            $"{operation} wrote no audit row");
    }

    [Fact]
    public void Every_mutating_service_method_is_listed_and_writes_an_audit_row()
    {
        Type[] services =
        [
            typeof(ActorEditService), typeof(TagService), typeof(CorrectionService), typeof(AdditionService), typeof(UserService),
            typeof(IraqCoalition.Data.Clusters.EventClusterService), typeof(IraqCoalition.Data.Ingestion.IngestionService),
            typeof(IraqCoalition.Data.Briefings.BriefingRepository),
        ];
        var mutating = services
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
                .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType) && !ReadPrefixes.Any(p => m.Name.StartsWith(p, StringComparison.Ordinal)))
                .Select(m => $"{t.Name}.{m.Name}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal([], mutating.Where(m => !AuditedMethods.ContainsKey(m)).ToArray());
        // Every action a listed method writes is exercised by the audit theory above.
        var exercised = Enumerable.Concat<object[]>(MutatingOperations(), TrustedOperations()).Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal([], AuditedMethods.Values.SelectMany(a => a).Where(a => !exercised.Contains(a)).ToArray());
        Assert.Equal([], AuditedMethods.Keys.Where(k => !mutating.Contains(k)).ToArray());
    }

    [Theory]
    [MemberData(nameof(MutatingOperations))]
    public async Task Analysts_and_anonymous_visitors_are_refused_every_change(string operation)
    {
        await new UserService(_db.Factory).CreateAsync(UserContext.System, "root", Roles.Admin, "root-password-123");
        foreach (var user in new[] { Analyst, Anonymous })
        {
            var ex = await Assert.ThrowsAsync<ForbiddenException>(() => Run(operation, user));
            Assert.Contains("needs the", ex.Message, StringComparison.Ordinal);
        }

        // The refused calls wrote nothing: no audit entry is by the analyst or an anonymous caller.
        await using var c = await _db.Factory.OpenAsync();
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM audit_log WHERE user_name IS NULL OR user_name = 'ann'"));
    }

    [Theory]
    [MemberData(nameof(MutatingOperations))]
    public async Task Editors_may_do_every_editing_change_but_not_manage_accounts(string operation)
    {
        await new UserService(_db.Factory).CreateAsync(UserContext.System, "root", Roles.Admin, "root-password-123");
        if (operation.StartsWith("user.", StringComparison.Ordinal))
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => Run(operation, Editor));
            await Run(operation, new UserContext("root", Roles.Admin));
        }
        else
        {
            await Run(operation, Editor);
        }
    }

    [Fact]
    public async Task Second_editor_with_a_stale_version_gets_a_conflict_and_nothing_is_lost()
    {
        var read = await Actor("Sergey Lavrov");
        await Actors.UpdateAsync(new UserContext("first", Roles.Editor), read.Id, new ActorChanges { Version = read.Version, Name = "Sergei Lavrov", Kind = "person", Country = "RUS", Title = "Foreign Minister" });

        var ex = await Assert.ThrowsAsync<ConcurrencyException>(() =>
            Actors.UpdateAsync(new UserContext("second", Roles.Editor), read.Id, new ActorChanges { Version = read.Version, Name = "S. Lavrov", Kind = "person" }));

        Assert.Contains("first", ex.Message, StringComparison.Ordinal);
        var now = await new ActorRepository(_db.Factory).GetAsync(read.Id);
        Assert.Equal("Sergei Lavrov", now!.Name);
        Assert.Equal("Foreign Minister", now.Title);
    }

    [Fact]
    public async Task Update_is_audited_with_before_and_after_values()
    {
        var read = await Actor("Sergey Lavrov");
        await Actors.UpdateAsync(Editor, read.Id, new ActorChanges { Version = read.Version, Name = "Sergei Lavrov", Kind = "person", Country = "RUS" });

        var entry = Assert.Single(await Audit("actor", read.Id));
        Assert.Equal("eve", entry.UserName);
        Assert.Equal("actor.update", entry.Action);
        Assert.Contains("Sergey Lavrov", entry.BeforeJson, StringComparison.Ordinal);
        Assert.Contains("Sergei Lavrov", entry.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_moves_mentions_events_statements_aliases_and_tags_to_the_survivor()
    {
        var lavrov = await Actor("Sergey Lavrov");
        var zarif = await Actor("Javad Zarif");
        var tag = await Tags.CreateAsync(Editor, "iran");
        await Tags.AddToActorAsync(Editor, zarif.Id, tag.Id);

        await Actors.MergeAsync(Editor, lavrov.Id, zarif.Id);

        await using var c = await _db.Factory.OpenAsync();
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM mentions WHERE actor_id = @id", new { id = zarif.Id }));
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM events WHERE source_actor_id = @id OR target_actor_id = @id", new { id = zarif.Id }));
        Assert.Contains("Javad Zarif", (await new ActorRepository(_db.Factory).AliasesAsync(lavrov.Id)).Select(a => a.Alias));
        Assert.Equal("iran", Assert.Single(await Tags.ForActorAsync(lavrov.Id)).Name);
        Assert.Equal(lavrov.Id, (await new ActorRepository(_db.Factory).GetAsync(zarif.Id))!.MergedIntoId);
        Assert.DoesNotContain((await new ActorRepository(_db.Factory).SearchAsync(new ActorQuery())).Items, a => a.Id == zarif.Id);
    }

    [Fact]
    public async Task Split_alias_creates_an_actor_with_its_mentions()
    {
        var lavrov = await Actor("Sergey Lavrov");
        var alias = (await new ActorRepository(_db.Factory).AliasesAsync(lavrov.Id)).First(a => a.Alias == "Lavrov");

        var newId = await Actors.SplitAliasAsync(Editor, lavrov.Id, alias.Id);

        var created = await new ActorRepository(_db.Factory).GetAsync(newId);
        Assert.Equal("Lavrov", created!.Name);
        Assert.Equal(2, created.Mentions);
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await Actors.SplitAliasAsync(Editor, lavrov.Id, (await new ActorRepository(_db.Factory).AliasesAsync(lavrov.Id)).First(a => a.Alias == "Sergey Lavrov").Id));
    }

    [Fact]
    public async Task Corrections_and_rejections_survive_re_extraction()
    {
        var meet = await OnlyEvent("040");
        var praise = await OnlyEvent("051");
        await Corrections.UpdateEventAsync(Editor, meet.Id, new EventCorrection { Version = meet.Version, Code = "111", Date = new DateOnly(2020, 1, 2) });
        await Corrections.SetEventStatusAsync(Editor, praise.Id, CorrectionService.Rejected, praise.Version);

        await _db.Ingestion(_pipeline).ReextractAsync(_articleId);

        var all = (await new EventRepository(_db.Factory).QueryTimelineAsync(new TimelineQuery { IncludeRejected = true })).Items;
        Assert.Equal(2, all.Count);
        var corrected = Assert.Single(all, e => e.Id == meet.Id);
        Assert.Equal("111", corrected.Code);
        Assert.Equal(-2.0, corrected.Goldstein);
        Assert.Equal("2020-01-02", corrected.DateValue);
        Assert.Equal("rejected", Assert.Single(all, e => e.Id == praise.Id).Status);
        // Hidden from the timeline by default.
        Assert.Single((await new EventRepository(_db.Factory).QueryTimelineAsync(new TimelineQuery())).Items);
    }

    [Fact]
    public async Task Unknown_codes_and_bad_dates_are_refused_with_a_message()
    {
        var meet = await OnlyEvent("040");
        Assert.Contains("CAMEO", (await Assert.ThrowsAsync<ArgumentException>(() =>
            Corrections.UpdateEventAsync(Editor, meet.Id, new EventCorrection { Version = meet.Version, Code = "999" }))).Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => Corrections.UpdateEventAsync(Editor, meet.Id,
            new EventCorrection { Version = meet.Version, DateStart = new DateOnly(2020, 2, 1), DateEnd = new DateOnly(2020, 1, 1) }));
    }

    [Fact]
    public async Task Editor_confirmed_alias_steers_later_articles()
    {
        var zarif = await Actor("Javad Zarif");
        await Actors.AddAliasAsync(Editor, zarif.Id, "Mohammad Javad Zarif");
        _pipeline.ExtraActorName = "Mohammad Javad Zarif";

        await _db.Ingestion(_pipeline).IngestAsync(new Article { Body = "Mohammad Javad Zarif spoke.", Published = new DateOnly(2020, 1, 9) });

        await using var c = await _db.Factory.OpenAsync();
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM actors WHERE name = 'Mohammad Javad Zarif'"));
    }

    private sealed class TwoActorPipeline : IExtractionPipeline
    {
        public string? ExtraActorName { get; set; }

        public string Version => "two-actor";

        public ExtractionResult Extract(Article article, DateOnly? fallbackPublished = null)
        {
            var day = article.Published!.Value.ToString("yyyy-MM-dd");
            var date = new EventDate { Value = day, Start = day, End = day, Precision = "day" };
            ExtractedActor Person(string id, string name, string country, params (int S, int E, string T)[] mentions) => new()
            {
                Id = id, Name = name, Kind = ActorKinds.Person, Country = country,
                Aliases = mentions.Select(m => m.T).Distinct().ToList(),
                Mentions = mentions.Select(m => new TextSpan { Start = m.S, End = m.E, Text = m.T }).ToList(),
            };
            if (ExtraActorName is { } extra && article.Body.StartsWith(extra, StringComparison.Ordinal))
            {
                return new ExtractionResult
                {
                    Article = new ArticleInfo { Published = day, Sentences = 1 },
                    Actors = [Person("a1", extra, "IRN", (0, extra.Length, extra))],
                };
            }

            return new ExtractionResult
            {
                Article = new ArticleInfo { Published = day, Sentences = 2 },
                Actors =
                [
                    Person("a1", "Sergey Lavrov", "RUS", (0, 6, "Lavrov"), (18, 24, "Lavrov")),
                    Person("a2", "Javad Zarif", "IRN", (11, 16, "Zarif")),
                    new ExtractedActor { Id = "a3", Name = "Iran", Kind = ActorKinds.Country, Country = "IRN", DictionaryKey = "IRN", Mentions = [new TextSpan { Start = 33, End = 37, Text = "Iran" }] },
                ],
                Statements = [new ExtractedStatement { Speaker = "a1", Text = "praised Iran", Content = new SpanRef(25, 37) }],
                Events =
                [
                    new ExtractedEvent { Code = "040", Root = "04", Label = "Consult", Goldstein = 1, QuadClass = 1, Source = "a1", Target = "a2", Date = date, Evidence = new TextSpan { Start = 0, End = 17, Text = "Lavrov met Zarif." } },
                    new ExtractedEvent { Code = "051", Root = "05", Label = "Praise or endorse", Goldstein = 3.4, QuadClass = 1, Source = "a1", Target = "a3", Date = date, Evidence = new TextSpan { Start = 18, End = 38, Text = "Lavrov praised Iran." } },
                ],
            };
        }
    }
}
