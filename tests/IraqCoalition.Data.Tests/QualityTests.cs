using Dapper;
using IraqCoalition.Core.Articles;
using IraqCoalition.Core.Events;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Editing;
using IraqCoalition.Data.Quality;

namespace IraqCoalition.Data.Tests;

/// <summary>
/// The Quality report over a real database, with verdicts given through the editors' own services:
/// every figure is checked against what the editors did, and the items behind it against the rows.
/// </summary>
public sealed class QualityTests : IAsyncLifetime
{
    private const string Body =
        "Lavrov met Zarif. Lavrov praised Iran. Zarif criticised Moscow. Lavrov criticised Tehran. Zarif visited Moscow. " +
        "Rockets hit the embassy. Nobody was hurt. \"We will respond,\" Zarif said. Lavrov said talks would go on.";

    private const string Meet = "Lavrov met Zarif.";
    private const string Praise = "Lavrov praised Iran.";
    private const string Criticise1 = "Zarif criticised Moscow.";
    private const string Criticise2 = "Lavrov criticised Tehran.";
    private const string Visit = "Zarif visited Moscow.";
    private const string Quote = "We will respond,";
    private const string Reported = "talks would go on";

    private static readonly UserContext Editor = new("eve", Roles.Editor);
    private static readonly DateOnly Day = new(2020, 1, 4);

    private readonly TempDatabase _db = new();
    private long _articleId;
    private readonly Dictionary<string, (long Id, int Version)> _events = [];
    private readonly Dictionary<string, (long Id, int Version)> _statements = [];
    private long _added;

    private CorrectionService Corrections => new(_db.Factory, CameoCodebook.Default);
    private AdditionService Additions => new(_db.Factory, CameoCodebook.Default);
    private QualityService Quality => new(_db.Factory, CameoCodebook.Default);

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _articleId = (await _db.Ingestion(new PatternPipeline()).IngestAsync(new Article { Title = "Talks and rockets", Body = Body, Published = Day })).ArticleId;
        await using (var c = await _db.Factory.OpenAsync())
        {
            foreach (var (id, text, version) in await c.QueryAsync<(long, string, int)>("SELECT id, evidence_text, version FROM events"))
            {
                _events[text] = (id, version);
            }

            foreach (var (id, text, version) in await c.QueryAsync<(long, string, int)>("SELECT id, text, version FROM statements"))
            {
                _statements[text] = (id, version);
            }
        }

        await Corrections.SetEventStatusAsync(Editor, _events[Meet].Id, CorrectionService.Verified, _events[Meet].Version);
        await Corrections.UpdateEventAsync(Editor, _events[Praise].Id, new EventCorrection { Version = _events[Praise].Version, Summary = "Lavrov praised Iran's restraint" });
        await Corrections.SetEventStatusAsync(Editor, _events[Criticise1].Id, CorrectionService.Rejected, _events[Criticise1].Version);
        await Corrections.SetEventStatusAsync(Editor, _events[Criticise2].Id, CorrectionService.Rejected, _events[Criticise2].Version);
        // A verdict taken back is no verdict: the visit ends up unreviewed.
        await Corrections.SetEventStatusAsync(Editor, _events[Visit].Id, CorrectionService.Verified, _events[Visit].Version);
        await Corrections.SetEventStatusAsync(Editor, _events[Visit].Id, CorrectionService.Extracted, _events[Visit].Version + 1);

        var rockets = Body.IndexOf("Rockets hit", StringComparison.Ordinal);
        _added = await Additions.AddEventAsync(Editor, new NewEvent { ArticleId = _articleId, Start = rockets, End = rockets + "Rockets hit".Length, Code = "190", Date = Day });
        // An addition the editors withdrew again is no miss of the machine's.
        var nobody = Body.IndexOf("Nobody was hurt", StringComparison.Ordinal);
        var withdrawn = await Additions.AddEventAsync(Editor, new NewEvent { ArticleId = _articleId, Start = nobody, End = nobody + 6, Code = "190", Date = Day });
        await Corrections.SetEventStatusAsync(Editor, withdrawn, CorrectionService.Rejected, 1);

        await Corrections.SetStatementStatusAsync(Editor, _statements[Quote].Id, CorrectionService.Verified, _statements[Quote].Version);
        await Corrections.SetStatementStatusAsync(Editor, _statements[Reported].Id, CorrectionService.Rejected, _statements[Reported].Version);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    /// <summary>The month the reviews above were made in, as stored (not the test's clock, which may have turned since).</summary>
    private async Task<string> ReviewMonthAsync()
    {
        await using var c = await _db.Factory.OpenAsync();
        return (await c.ExecuteScalarAsync<string>("SELECT reviewed_at FROM events WHERE id = @id", new { id = _events[Criticise1].Id }))![..7];
    }

    private async Task BackdateMeetingReviewAsync()
    {
        await using var c = await _db.Factory.OpenAsync();
        await c.ExecuteAsync("UPDATE events SET reviewed_at = '2024-03-15T10:00:00.000Z' WHERE id = @id", new { id = _events[Meet].Id });
    }

    [Fact]
    public async Task Stage_counts_and_ratios_follow_the_verdicts_and_leave_out_unreviewed_items()
    {
        var report = await Quality.ReportAsync(new QualityQuery());

        Assert.Equal([QualityService.Events, QualityService.Statements], report.Stages.Select(s => s.Stage));
        var events = report.Stage(QualityService.Events);
        Assert.Equal(new QualityCounts(Verified: 1, Corrected: 1, Rejected: 2, Added: 1), events);
        Assert.Equal(4, events.Judged);
        Assert.Equal(0.5, events.Precision);
        Assert.Equal(0.25, events.ExactPrecision);
        Assert.Equal(2.0 / 3, events.Recall!.Value, 12);

        var statements = report.Stage(QualityService.Statements);
        Assert.Equal(new QualityCounts(1, 0, 1, 0), statements);
        Assert.Equal(0.5, statements.Precision);
        Assert.Equal(1.0, statements.Recall);
    }

    [Fact]
    public async Task Ratios_of_nothing_are_null_not_zero()
    {
        var none = (await Quality.ReportAsync(new QualityQuery { From = new DateOnly(2001, 1, 1), To = new DateOnly(2001, 12, 31) })).Stage(QualityService.Events);

        Assert.Equal(QualityCounts.None, none);
        Assert.Null(none.Precision);
        Assert.Null(none.ExactPrecision);
        Assert.Null(none.Recall);
        Assert.Null(new QualityCounts(0, 0, 0, 3).Precision);
        Assert.Equal(0.0, new QualityCounts(0, 0, 0, 3).Recall);
    }

    [Fact]
    public async Task Patterns_roots_and_most_rejected_are_counted_per_group()
    {
        var report = await Quality.ReportAsync(new QualityQuery());

        Assert.Equal(
            [
                new RuleQuality("events", "criticise", new(0, 0, 2, 0)),
                new RuleQuality("events", "meet", new(1, 0, 0, 0)),
                new RuleQuality("events", "praise", new(0, 1, 0, 0)),
                new RuleQuality("statements", "direct quotation", new(1, 0, 0, 0)),
                new RuleQuality("statements", "reported: said", new(0, 0, 1, 0)),
            ],
            report.Rules);
        Assert.Equal(
            [
                new RootQuality("04", "Consult", new(1, 0, 0, 0)),
                new RootQuality("05", "Engage in diplomatic cooperation", new(0, 1, 0, 0)),
                new RootQuality("11", "Disapprove", new(0, 0, 2, 0)),
                new RootQuality("19", "Fight", new(0, 0, 0, 1)),
            ],
            report.Roots);
        var worst = Assert.Single(report.MostRejected);
        Assert.Equal(("events", "criticise", 2), (worst.Stage, worst.Rule, worst.Counts.Rejected));
        Assert.Equal(0.0, worst.Counts.Precision);
    }

    [Fact]
    public async Task Months_bucket_by_review_and_the_period_filters_on_it()
    {
        var month = await ReviewMonthAsync();
        await BackdateMeetingReviewAsync();

        var report = await Quality.ReportAsync(new QualityQuery());
        Assert.Equal(
            [
                new MonthQuality("events", "2024-03", new(1, 0, 0, 0)),
                new MonthQuality("events", month, new(0, 1, 2, 1)),
                new MonthQuality("statements", month, new(1, 0, 1, 0)),
            ],
            report.Months);

        var march = await Quality.ReportAsync(new QualityQuery { From = new DateOnly(2024, 3, 15), To = new DateOnly(2024, 3, 15) });
        Assert.Equal(new QualityCounts(1, 0, 0, 0), march.Stage(QualityService.Events));
        Assert.Equal(QualityCounts.None, march.Stage(QualityService.Statements));
        Assert.Empty(march.MostRejected);
        Assert.Equal(QualityCounts.None, (await Quality.ReportAsync(new QualityQuery { From = new DateOnly(2024, 3, 16), To = new DateOnly(2024, 3, 31) })).Stage(QualityService.Events));
    }

    [Fact]
    public async Task Items_behind_a_number_are_exactly_the_rows_counted_with_their_spans()
    {
        var rejected = await Quality.ItemsAsync(new QualityItemQuery { Stage = QualityService.Events, Verdict = QualityService.Rejected });

        Assert.Equal(2, rejected.Total);
        Assert.Equal(new[] { _events[Criticise1].Id, _events[Criticise2].Id }.Order(), rejected.Items.Select(i => i.Id).Order());
        foreach (var item in rejected.Items)
        {
            Assert.Equal(_articleId, item.ArticleId);
            Assert.Equal("Talks and rockets", item.ArticleTitle);
            Assert.Equal(item.Text, Body[item.SpanStart..item.SpanEnd]);
            Assert.Equal(("111", "Criticize or denounce", "criticise", "rejected"), (item.Code, item.Label, item.Rule, item.Verdict));
        }

        var byRule = await Quality.ItemsAsync(new QualityItemQuery { Stage = QualityService.Events, Rule = "criticise" });
        Assert.Equal(rejected.Items.Select(i => i.Id).Order(), byRule.Items.Select(i => i.Id).Order());

        var fight = Assert.Single((await Quality.ItemsAsync(new QualityItemQuery { Root = "19" })).Items);
        Assert.Equal((_added, "added", QualityService.UnrecordedRule), (fight.Id, fight.Verdict, fight.Rule));
        Assert.Equal("Rockets hit the embassy.", fight.Text);

        var statement = Assert.Single((await Quality.ItemsAsync(new QualityItemQuery { Stage = QualityService.Statements, Verdict = QualityService.Rejected })).Items);
        Assert.Equal((_statements[Reported].Id, Reported, Reported), (statement.Id, statement.Text, Body[statement.SpanStart..statement.SpanEnd]));
        Assert.Null(statement.Code);

        // Additions have no pattern, so no pattern's number holds them.
        Assert.Empty((await Quality.ItemsAsync(new QualityItemQuery { Verdict = QualityService.Added, Rule = QualityService.UnrecordedRule })).Items);
        // Everything counted, nothing else: 5 event verdicts and 2 statement verdicts.
        Assert.Equal(7, (await Quality.ItemsAsync(new QualityItemQuery())).Total);
    }

    [Fact]
    public async Task Items_of_a_month_page_on_the_server()
    {
        var month = await ReviewMonthAsync();
        await BackdateMeetingReviewAsync();

        Assert.Equal(_events[Meet].Id, Assert.Single((await Quality.ItemsAsync(new QualityItemQuery { Month = "2024-03" })).Items).Id);
        var all = await Quality.ItemsAsync(new QualityItemQuery { Month = month, Take = 100 });
        Assert.Equal(6, all.Total);
        var pages = new List<long>();
        for (var skip = 0; skip < 6; skip += 4)
        {
            var page = await Quality.ItemsAsync(new QualityItemQuery { Month = month, Skip = skip, Take = 4 });
            Assert.Equal(6, page.Total);
            pages.AddRange(page.Items.Select(i => i.Id * 10 + (i.Stage == QualityService.Events ? 1 : 2)));
        }

        Assert.Equal(all.Items.Select(i => i.Id * 10 + (i.Stage == QualityService.Events ? 1 : 2)), pages);
    }

    [Fact]
    public async Task Unknown_stages_and_verdicts_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Quality.ItemsAsync(new QualityItemQuery { Stage = "actors" }));
        await Assert.ThrowsAsync<ArgumentException>(() => Quality.ItemsAsync(new QualityItemQuery { Verdict = "maybe" }));
    }

    [SqliteFact]
    public async Task The_report_reads_reviewed_rows_through_the_partial_indexes()
    {
        await using var c = await _db.Factory.OpenAsync();
        var plan = string.Join("\n", (await c.QueryAsync<(long, long, long, string Detail)>($"EXPLAIN QUERY PLAN SELECT count(*) {QualityService.Judged}")).Select(r => r.Detail));

        Assert.Contains("USING INDEX ix_events_reviewed", plan, StringComparison.Ordinal);
        Assert.Contains("USING INDEX ix_statements_reviewed", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN events\n", plan + "\n", StringComparison.Ordinal);
    }

    /// <summary>Five coded events with their patterns and two statements, at their real offsets in <see cref="Body"/>.</summary>
    private sealed class PatternPipeline : IExtractionPipeline
    {
        public string Version => "patterns";

        public ExtractionResult Extract(Article article, DateOnly? fallbackPublished = null)
        {
            var day = article.Published!.Value.ToString("yyyy-MM-dd");
            var date = new EventDate { Value = day, Start = day, End = day, Precision = "day" };
            ExtractedEvent Event(string evidence, string code, string rule)
            {
                var cameo = CameoCodebook.Default[code];
                var at = article.Body.IndexOf(evidence, StringComparison.Ordinal);
                return new ExtractedEvent
                {
                    Code = code, Root = cameo.Root, Label = cameo.Label, Goldstein = cameo.Goldstein, QuadClass = cameo.QuadClass, Date = date, Rule = rule,
                    Evidence = new TextSpan { Start = at, End = at + evidence.Length, Text = evidence },
                };
            }

            ExtractedStatement Statement(string text, bool direct)
            {
                var at = article.Body.IndexOf(text, StringComparison.Ordinal);
                return new ExtractedStatement { Text = text, Direct = direct, Cue = "said", Content = new SpanRef(at, at + text.Length) };
            }

            return new ExtractionResult
            {
                Article = new ArticleInfo { Published = day, Sentences = 9 },
                Events =
                [
                    Event(Meet, "040", "meet"), Event(Praise, "051", "praise"),
                    Event(Criticise1, "111", "criticise"), Event(Criticise2, "111", "criticise"), Event(Visit, "042", "visit"),
                ],
                Statements = [Statement(Quote, true), Statement(Reported, false)],
            };
        }
    }
}
