using IraqCoalition.Core.Articles;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Data.Actors;
using IraqCoalition.Data.Articles;
using IraqCoalition.Data.Briefings;
using IraqCoalition.Data.Events;
using IraqCoalition.Data.Ingestion;
using IraqCoalition.Data.Storage;
using IraqCoalition.Data.Statements;
using IraqCoalition.Reporting.Composition;
using Microsoft.Data.Sqlite;

namespace IraqCoalition.Reporting.Tests;

/// <summary>
/// A real SQLite file holding a few known articles, stored through the real ingestion service with a
/// scripted pipeline so every event, statement and actor is known to the tests.
/// </summary>
public sealed class BriefingDatabase(IExtractionPipeline? pipeline = null) : IAsyncLifetime, IAsyncDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "iqc-reporting-tests", Guid.NewGuid().ToString("N"));

    public ConnectionFactory Factory { get; private set; } = null!;

    public static readonly DateTimeOffset Now = new(2020, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public Task InitializeAsync() => InitializeAsync(ScriptedPipeline.Articles);

    public async Task InitializeAsync(IEnumerable<Article> articles)
    {
        Directory.CreateDirectory(_dir);
        Factory = new ConnectionFactory($"Data Source={Path.Combine(_dir, "briefings.db")}");
        await new DatabaseMigrator(Factory).MigrateAsync();
        var ingestion = new IngestionService(Factory, pipeline ?? new ScriptedPipeline());
        foreach (var a in articles)
        {
            await ingestion.IngestAsync(a);
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    public static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IraqCoalition.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine([dir?.FullName ?? throw new InvalidOperationException("repository root not found"), .. parts]);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }

        return Task.CompletedTask;
    }

    public BriefingRepository Briefings => new(Factory);

    public BriefingComposer Composer(ReportingOptions? options = null) =>
        new(new EventRepository(Factory), new StatementRepository(Factory), new ActorRepository(Factory), new ArticleRepository(Factory),
            Briefings, options ?? new ReportingOptions(), new FixedClock(Now));

    /// <summary>Id of the event whose summary starts with <paramref name="summary"/>.</summary>
    public async Task<long> EventIdAsync(string summary)
    {
        var page = await new EventRepository(Factory).QueryTimelineAsync(new TimelineQuery { Text = summary, Take = 10 });
        return Assert.Single(page.Items).Id;
    }

    public async Task<long> StatementIdAsync(string text)
    {
        var page = await new StatementRepository(Factory).SearchAsync(new StatementQuery { Text = text });
        return Assert.Single(page.Items).Id;
    }

    public async Task<long> ActorIdAsync(string name)
    {
        var page = await new ActorRepository(Factory).SearchAsync(new ActorQuery { Text = name });
        return page.Items.First(a => a.Name == name).Id;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>
    /// Emits fixed actors, events and statements per article title. Offsets point into each body
    /// (the bodies are written so the evidence sentences are in them).
    /// </summary>
    internal sealed class ScriptedPipeline : IExtractionPipeline
    {
        public const string Strike = "US drone strike kills Qasem Soleimani at Baghdad airport";
        public const string Condemn = "Iraq condemns the strike as a violation of sovereignty";
        public const string Vote = "Iraqi parliament votes to expel US troops";
        public const string Lavrov = "Lavrov meets Iraqi leaders in Baghdad";
        public const string Arms = "Russia offers Iraq air-defence systems";
        public const string Iran = "Iran fires missiles at Ain al-Asad air base";
        public const string December = "US strikes Kataib Hezbollah sites in Iraq";
        public const string MahdiQuote = "The assassination of an Iraqi military commander is an aggression on Iraq";
        public const string LavrovQuote = "Russia stands ready to help Iraq defend its sovereignty";
        public const string ParliamentReported = "foreign troops must leave Iraqi soil";

        public static readonly IReadOnlyList<Article> Articles =
        [
            new() { Title = "Strike at Baghdad airport kills Soleimani", Source = "Reuters", Url = "https://example.org/reuters/strike", Published = new DateOnly(2020, 1, 3),
                    Body = $"{Strike}. {Condemn}. Prime Minister Adel Abdul Mahdi said: \"{MahdiQuote}.\"" },
            new() { Title = "Parliament votes on foreign troops", Source = "Al Jazeera", Url = "https://example.org/aj/vote", Published = new DateOnly(2020, 1, 5),
                    Body = $"{Vote}. The parliament said {ParliamentReported}." },
            new() { Title = "Iran retaliates", Source = "Reuters", Url = "https://example.org/reuters/iran", Published = new DateOnly(2020, 1, 8),
                    Body = $"{Iran}." },
            new() { Title = "Lavrov in Baghdad", Source = "TASS", Url = "https://example.org/tass/lavrov", Published = new DateOnly(2020, 1, 20),
                    Body = $"{Lavrov}. {Arms}. Sergey Lavrov said: \"{LavrovQuote}.\"" },
            new() { Title = "December strikes", Source = "AP", Url = "https://example.org/ap/december", Published = new DateOnly(2019, 12, 29),
                    Body = $"{December}." },
        ];

        public string Version => "scripted-briefings";

        public ExtractionResult Extract(Article article, DateOnly? fallbackPublished = null)
        {
            var body = article.Body;
            var day = article.Published!.Value.ToString("yyyy-MM-dd");
            ExtractedActor Actor(string id, string name, string kind, string iso, params string[] aliases) => new()
            {
                Id = id, Name = name, Kind = kind, Country = iso, Aliases = aliases,
                Title = kind == ActorKinds.Person ? (name.Contains("Lavrov", StringComparison.Ordinal) ? "Foreign Minister" : "Prime Minister") : null,
                Mentions = [new TextSpan { Start = 0, End = 1, Text = name }],
            };
            ExtractedEvent Event(string code, string root, double g, int quad, string src, string tgt, string sentence) => new()
            {
                Code = code, Root = root, Label = Labels[code], Goldstein = g, QuadClass = quad, Source = src, Target = tgt, Summary = sentence,
                Date = new EventDate { Value = day, Start = day, End = day, Precision = "day" },
                Evidence = new TextSpan { Start = body.IndexOf(sentence, StringComparison.Ordinal), End = body.IndexOf(sentence, StringComparison.Ordinal) + sentence.Length, Text = sentence + "." },
            };
            ExtractedStatement Said(string speaker, string text, bool direct) => new()
            {
                Speaker = speaker, Text = text, Direct = direct, Cue = "said",
                Content = new SpanRef(body.IndexOf(text, StringComparison.Ordinal), body.IndexOf(text, StringComparison.Ordinal) + text.Length),
            };
            var usa = Actor("usa", "United States", ActorKinds.Country, "USA", "U.S.", "Washington");
            var irq = Actor("irq", "Iraq", ActorKinds.Country, "IRQ", "Baghdad", "العراق");
            var rus = Actor("rus", "Russia", ActorKinds.Country, "RUS", "Moscow");
            var irn = Actor("irn", "Iran", ActorKinds.Country, "IRN", "Tehran");
            var mahdi = Actor("mahdi", "Adel Abdul Mahdi", ActorKinds.Person, "IRQ", "عادل عبد المهدي");
            var lavrov = Actor("lavrov", "Sergey Lavrov", ActorKinds.Person, "RUS");
            var parliament = Actor("cor", "Council of Representatives", ActorKinds.Organization, "IRQ", "Iraqi parliament");
            var info = new ArticleInfo { Title = article.Title, Source = article.Source, Published = day, Sentences = 3 };
            return article.Title switch
            {
                "Strike at Baghdad airport kills Soleimani" => new ExtractionResult
                {
                    Article = info, Actors = [usa, irq, mahdi],
                    Events = [Event("195", "19", -10, 4, "usa", "irq", Strike), Event("111", "11", -2, 3, "irq", "usa", Condemn)],
                    Statements = [Said("mahdi", MahdiQuote, direct: true)],
                },
                "Parliament votes on foreign troops" => new ExtractionResult
                {
                    Article = info, Actors = [usa, irq, parliament],
                    Events = [Event("123", "12", -4, 3, "cor", "usa", Vote)],
                    Statements = [Said("cor", ParliamentReported, direct: false)],
                },
                "Iran retaliates" => new ExtractionResult
                {
                    Article = info, Actors = [irn, irq],
                    Events = [Event("195", "19", -10, 4, "irn", "irq", Iran)],
                },
                "Lavrov in Baghdad" => new ExtractionResult
                {
                    Article = info, Actors = [rus, irq, lavrov],
                    Events = [Event("040", "04", 1, 1, "lavrov", "irq", Lavrov), Event("0331", "03", 5.2, 1, "rus", "irq", Arms)],
                    Statements = [Said("lavrov", LavrovQuote, direct: true)],
                },
                _ => new ExtractionResult
                {
                    Article = info, Actors = [usa, irq],
                    Events = [Event("195", "19", -10, 4, "usa", "irq", December)],
                },
            };
        }

        private static readonly Dictionary<string, string> Labels = new()
        {
            ["195"] = "Employ aerial weapons", ["111"] = "Criticize or denounce", ["123"] = "Reject request or demand for material aid",
            ["040"] = "Consult", ["0331"] = "Express intent to provide military aid",
        };
    }
}
