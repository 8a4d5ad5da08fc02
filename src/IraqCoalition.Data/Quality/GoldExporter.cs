using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Articles;
using IraqCoalition.Data.Storage;
using System.Data.Common;

namespace IraqCoalition.Data.Quality;

/// <summary>One exported article: its text as a Markdown file and the editors' record of it as a gold file.</summary>
public sealed record GoldArticle(long ArticleId, string Slug, string Markdown, string GoldJson, GoldCounts Counts)
{
    public string MarkdownFile => Slug + ".md";

    public string GoldFile => Slug + ".gold.json";
}

/// <summary>What went into one article's gold file, or into a whole export.</summary>
public sealed record GoldCounts(int Articles, int Actors, int Statements, int Events, int Required, int Dyads, int Skipped)
{
    public static GoldCounts Zero { get; } = new(0, 0, 0, 0, 0, 0, 0);

    public GoldCounts Add(GoldCounts o) => new(
        Articles + o.Articles, Actors + o.Actors, Statements + o.Statements, Events + o.Events,
        Required + o.Required, Dyads + o.Dyads, Skipped + o.Skipped);
}

/// <summary>
/// Turns the articles editors reviewed into test data for the extraction (docs/gold-format.md): what an
/// editor verified, corrected or added is required, what the machine found and no editor looked at is
/// optional, and what an editor rejected is left out, so the scorer counts finding it again as wrong.
/// </summary>
public sealed class GoldExporter(ConnectionFactory factory)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        // Curly quotes and dashes stay as they are in the article, so the files read like the corpus's.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Every article with at least one event or statement an editor reviewed, oldest first.</summary>
    public async Task<IReadOnlyList<long>> ReviewedArticlesAsync(CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        return (await c.QueryAsync<long>(new CommandDefinition("""
            SELECT article_id FROM events WHERE reviewed_at IS NOT NULL
            UNION
            SELECT article_id FROM statements WHERE reviewed_at IS NOT NULL
            ORDER BY 1
            """, cancellationToken: ct))).ToList();
    }

    /// <summary>The articles given (default: every reviewed one), one database read each.</summary>
    public async IAsyncEnumerable<GoldArticle> ExportAsync(UserContext user, IReadOnlyList<long>? articleIds = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        Require(user);
        var ids = articleIds is { Count: > 0 } ? articleIds.Distinct().ToList() : await ReviewedArticlesAsync(ct);
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            yield return await ArticleAsync(id, slugs, ct);
        }
    }

    /// <summary>Writes each article's two files into <paramref name="directory"/>, each through a temporary file so none is ever half written.</summary>
    public async Task<GoldCounts> WriteDirectoryAsync(UserContext user, string directory, IReadOnlyList<long>? articleIds = null, CancellationToken ct = default)
    {
        Require(user);
        Directory.CreateDirectory(directory);
        var total = GoldCounts.Zero;
        await foreach (var article in ExportAsync(user, articleIds, ct))
        {
            await WriteFileAsync(Path.Combine(directory, article.MarkdownFile), article.Markdown, ct);
            await WriteFileAsync(Path.Combine(directory, article.GoldFile), article.GoldJson, ct);
            total = total.Add(article.Counts);
        }

        return total;
    }

    /// <summary>The same files as <see cref="WriteDirectoryAsync"/>, as one zip.</summary>
    public async Task<GoldCounts> WriteZipAsync(UserContext user, Stream output, IReadOnlyList<long>? articleIds = null, CancellationToken ct = default)
    {
        Require(user);
        var total = GoldCounts.Zero;
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        await foreach (var article in ExportAsync(user, articleIds, ct))
        {
            foreach (var (name, text) in new[] { (article.MarkdownFile, article.Markdown), (article.GoldFile, article.GoldJson) })
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                await using var stream = entry.Open();
                await stream.WriteAsync(Utf8.GetBytes(text), ct);
            }

            total = total.Add(article.Counts);
        }

        return total;
    }

    // The articles are what the editors saw; analysts may read them, but the export is an editor's tool.
    private static void Require(UserContext user) => Authorization.Require(user, Roles.Editor, "export gold files");

    private static async Task WriteFileAsync(string path, string text, CancellationToken ct)
    {
        var tmp = path + ".tmp";
        await File.WriteAllTextAsync(tmp, text, Utf8, ct);
        File.Move(tmp, path, overwrite: true);
    }

    // Classes rather than positional records: Dapper maps SQLite's integers onto bool and long? properties, not onto constructor parameters.
    private sealed class EventRow
    {
        public long Id { get; init; }
        public string Root { get; init; } = "";
        public double Goldstein { get; init; }
        public long? SourceId { get; init; }
        public long? TargetId { get; init; }
        public string? SourceCountry { get; init; }
        public string? TargetCountry { get; init; }
        public string DateStart { get; init; } = "";
        public string DateEnd { get; init; } = "";
        public string EvidenceText { get; init; } = "";
        public string Origin { get; init; } = "";
        public bool Reviewed { get; init; }
    }

    private sealed class StatementRow
    {
        public long Id { get; init; }
        public long? SpeakerId { get; init; }
        public string Text { get; init; } = "";
        public bool Direct { get; init; }
        public string Origin { get; init; } = "";
        public bool Reviewed { get; init; }
    }

    private sealed class ActorRow
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Kind { get; init; } = "";
        public string? Country { get; init; }
    }

    private sealed class NameRow
    {
        public long ActorId { get; init; }
        public string Name { get; init; } = "";
    }

    private async Task<GoldArticle> ArticleAsync(long articleId, HashSet<string> slugs, CancellationToken ct)
    {
        await using var c = await factory.OpenAsync(ct);
        // One snapshot of the article, so an editor's change mid-export cannot pair a new event with old actors.
        await using var tx = await Transactions.BeginSnapshotAsync(c, ct);
        var article = await c.QuerySingleOrDefaultAsync<ArticleDetail>(new CommandDefinition(
            "SELECT id, title, source, url, published, origin, body FROM articles WHERE id = @articleId",
            new { articleId }, tx, cancellationToken: ct)) ?? throw new KeyNotFoundException($"No article {articleId}.");
        var events = await EventsAsync(c, tx, articleId, ct);
        var statements = await StatementsAsync(c, tx, articleId, ct);
        var actors = await ActorsAsync(c, tx, articleId, ct);
        var names = await NamesAsync(c, tx, articleId, actors.Select(a => a.Id).ToList(), ct);

        var keys = ActorKeys(actors);
        // A speakerless statement matches nothing in the scorer: as gold it could only be missed.
        var kept = statements.Where(s => s.SpeakerId is not null).ToList();
        var reviewedActors = events.Where(e => e.Reviewed).SelectMany(e => new[] { e.SourceId, e.TargetId })
            .Concat(kept.Where(s => s.Reviewed).Select(s => s.SpeakerId))
            .OfType<long>().ToHashSet();

        var goldActors = actors
            .Select(a => new GoldActor(keys[a.Id], reviewedActors.Contains(a.Id), a.Kind, a.Country, Names(a, names)))
            .OrderBy(a => a.Key, StringComparer.Ordinal).ToList();
        var goldStatements = kept
            .Select(s => new GoldStatement($"s-{s.Id}", s.Reviewed, [keys[s.SpeakerId!.Value]], s.Direct, s.Text, s.Origin))
            .ToList();
        var goldEvents = events.Select(e => new GoldEvent(
            $"e-{e.Id}", e.Reviewed, [e.Root], KeysOf(keys, e.SourceId), KeysOf(keys, e.TargetId),
            [Day(e.DateStart, last: false), Day(e.DateEnd, last: true)], e.EvidenceText, e.Origin)).ToList();
        var dyads = Dyads(events);

        var gold = new GoldFile(
            Slug(article, slugs) + ".md", article.Published,
            "Exported from the editors' record: reviewed items (verified, corrected, added) are required, items no editor reviewed are the machine's and optional, rejected ones are left out.",
            goldActors, goldStatements, goldEvents, dyads);
        var slug = gold.Article[..^3];
        var counts = new GoldCounts(
            1, goldActors.Count, goldStatements.Count, goldEvents.Count,
            goldActors.Count(a => a.Required) + goldStatements.Count(s => s.Required) + goldEvents.Count(e => e.Required),
            dyads.Count, statements.Count - kept.Count);
        return new GoldArticle(articleId, slug, Markdown(article), JsonSerializer.Serialize(gold, Json) + "\n", counts);
    }

    private static async Task<List<EventRow>> EventsAsync(DbConnection c, DbTransaction tx, long articleId, CancellationToken ct) =>
        (await c.QueryAsync<EventRow>(new CommandDefinition("""
            SELECT e.id, e.root, e.goldstein,
                   COALESCE(s.merged_into_id, s.id) AS source_id, COALESCE(t.merged_into_id, t.id) AS target_id,
                   e.source_country, e.target_country, e.date_start, e.date_end, e.evidence_text, e.origin,
                   e.reviewed_at IS NOT NULL AS reviewed
            FROM events e
            LEFT JOIN actors s ON s.id = e.source_actor_id
            LEFT JOIN actors t ON t.id = e.target_actor_id
            WHERE e.article_id = @articleId AND e.status <> 'rejected'
            ORDER BY e.evidence_start, e.id
            """, new { articleId }, tx, cancellationToken: ct))).ToList();

    private static async Task<List<StatementRow>> StatementsAsync(DbConnection c, DbTransaction tx, long articleId, CancellationToken ct) =>
        (await c.QueryAsync<StatementRow>(new CommandDefinition("""
            SELECT st.id, COALESCE(a.merged_into_id, a.id) AS speaker_id, st.text, st.direct, st.origin,
                   st.reviewed_at IS NOT NULL AS reviewed
            FROM statements st
            LEFT JOIN actors a ON a.id = st.speaker_actor_id
            WHERE st.article_id = @articleId AND st.status <> 'rejected'
            ORDER BY st.content_start, st.id
            """, new { articleId }, tx, cancellationToken: ct))).ToList();

    /// <summary>The actors the article's kept items name or its text mentions, each as its merge survivor.</summary>
    private static async Task<List<ActorRow>> ActorsAsync(DbConnection c, DbTransaction tx, long articleId, CancellationToken ct) =>
        (await c.QueryAsync<ActorRow>(new CommandDefinition("""
            WITH named(id) AS (
                SELECT actor_id FROM mentions WHERE article_id = @articleId
                UNION SELECT source_actor_id FROM events WHERE article_id = @articleId AND status <> 'rejected'
                UNION SELECT target_actor_id FROM events WHERE article_id = @articleId AND status <> 'rejected'
                UNION SELECT speaker_actor_id FROM statements WHERE article_id = @articleId AND status <> 'rejected'
            )
            SELECT DISTINCT a.id, a.name, a.kind, a.country
            FROM named n
            JOIN actors m ON m.id = n.id
            JOIN actors a ON a.id = COALESCE(m.merged_into_id, m.id)
            ORDER BY a.id
            """, new { articleId }, tx, cancellationToken: ct))).ToList();

    /// <summary>Every alias of the actors, and the texts of their mentions in this article.</summary>
    private static async Task<List<NameRow>> NamesAsync(DbConnection c, DbTransaction tx, long articleId, List<long> actorIds, CancellationToken ct) =>
        (await c.QueryAsync<NameRow>(new CommandDefinition($"""
            SELECT actor_id, alias AS name FROM actor_aliases WHERE {SqlDialect.Of(c).In("actor_id", "@actorIds")}
            UNION
            SELECT COALESCE(a.merged_into_id, a.id) AS actor_id, m.text AS name
            FROM mentions m JOIN actors a ON a.id = m.actor_id
            WHERE m.article_id = @articleId
            """, new { articleId, actorIds }, tx, cancellationToken: ct))).ToList();

    /// <summary>The name first (it is what people call the actor), then every other form once, in a stable order.</summary>
    private static List<string> Names(ActorRow actor, List<NameRow> names) =>
        [actor.Name, .. names.Where(n => n.ActorId == actor.Id && n.Name != actor.Name && !string.IsNullOrWhiteSpace(n.Name))
            .Select(n => n.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Readable keys from the names; two actors with one name both get their id, so neither key depends on the other's order.</summary>
    private static Dictionary<long, string> ActorKeys(List<ActorRow> actors)
    {
        var bySlug = actors.GroupBy(a => Slugify(a.Name, "actor"));
        var keys = new Dictionary<long, string>();
        foreach (var group in bySlug)
        {
            foreach (var a in group)
            {
                keys[a.Id] = group.Count() == 1 ? group.Key : string.Create(CultureInfo.InvariantCulture, $"{group.Key}-{a.Id}");
            }
        }

        return keys;
    }

    private static List<string> KeysOf(Dictionary<long, string> keys, long? id) => id is { } v ? [keys[v]] : [];

    private static List<GoldDyad> Dyads(List<EventRow> events) =>
        events
            .Where(e => e.SourceCountry is not null && e.TargetCountry is not null && e.SourceCountry != e.TargetCountry)
            .GroupBy(e => string.CompareOrdinal(e.SourceCountry, e.TargetCountry) < 0 ? (e.SourceCountry!, e.TargetCountry!) : (e.TargetCountry!, e.SourceCountry!))
            .Select(g => (Pair: g.Key, Mean: g.Average(e => e.Goldstein)))
            // A mean of exactly 0 is neither, and the scorer would count either answer wrong.
            .Where(d => d.Mean != 0)
            .OrderBy(d => d.Pair.Item1, StringComparer.Ordinal).ThenBy(d => d.Pair.Item2, StringComparer.Ordinal)
            .Select(d => new GoldDyad([d.Pair.Item1, d.Pair.Item2], d.Mean < 0 ? "conflictual" : "cooperative"))
            .ToList();

    /// <summary>The scorer compares days as text: a month or a year is widened to its first or last day.</summary>
    internal static string Day(string value, bool last)
    {
        if (value.Length >= 10)
        {
            return value[..10];
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return Clock.Day(last ? month.AddMonths(1).AddDays(-1) : month);
        }

        return value.Length == 4 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? value + (last ? "-12-31" : "-01-01")
            : value;
    }

    /// <summary>The file it came from when it came from a file, else its title, else its id; unique within one export.</summary>
    private static string Slug(ArticleDetail article, HashSet<string> taken)
    {
        var fallback = string.Create(CultureInfo.InvariantCulture, $"article-{article.Id}");
        var fromFile = article.Origin is { } o && Path.GetExtension(o).ToLowerInvariant() is ".md" or ".txt" or ".html" or ".htm"
            ? Path.GetFileNameWithoutExtension(o)
            : null;
        var slug = Slugify(fromFile ?? article.Title ?? "", fallback);
        if (!taken.Add(slug))
        {
            slug = string.Create(CultureInfo.InvariantCulture, $"{slug}-{article.Id}");
            taken.Add(slug);
        }

        return slug;
    }

    internal static string Slugify(string text, string fallback)
    {
        var sb = new StringBuilder();
        foreach (var ch in text.ToLowerInvariant())
        {
            if (ch is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                sb.Append(ch);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        var slug = sb.ToString().Trim('-');
        slug = slug.Length > 80 ? slug[..80].TrimEnd('-') : slug;
        return slug.Length == 0 ? fallback : slug;
    }

    /// <summary>Front matter as <c>FrontMatter.Parse</c> reads it back, then the stored body untouched, so every offset still holds.</summary>
    internal static string Markdown(string? title, string? source, string? url, string? published, string body)
    {
        var sb = new StringBuilder("---\n");
        foreach (var (key, value) in new[] { ("title", title), ("source", source), ("url", url), ("published", published) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                sb.Append(key).Append(": ").Append(FrontMatterValue(value)).Append('\n');
            }
        }

        return sb.Append("---\n").Append(body).ToString();
    }

    private static string Markdown(ArticleDetail a) => Markdown(a.Title, a.Source, a.Url, a.Published, a.Body);

    /// <summary>
    /// The reader trims a value and strips one pair of enclosing quotes, so a value that would lose
    /// either is quoted; a line break cannot be kept in a one-line field and becomes a space.
    /// </summary>
    private static string FrontMatterValue(string value)
    {
        var line = value.ReplaceLineEndings(" ");
        var changedByReading = line != line.Trim()
            || (line.Length >= 2 && ((line[0] == '"' && line[^1] == '"') || (line[0] == '\'' && line[^1] == '\'')));
        return changedByReading ? $"\"{line}\"" : line;
    }

    private sealed record GoldFile(
        [property: JsonPropertyName("article")] string Article,
        [property: JsonPropertyName("published")] string? Published,
        [property: JsonPropertyName("notes")] string Notes,
        [property: JsonPropertyName("actors")] List<GoldActor> Actors,
        [property: JsonPropertyName("statements")] List<GoldStatement> Statements,
        [property: JsonPropertyName("events")] List<GoldEvent> Events,
        [property: JsonPropertyName("dyads")] List<GoldDyad> Dyads);

    private sealed record GoldActor(
        [property: JsonPropertyName("key")] string Key,
        [property: JsonPropertyName("required")] bool Required,
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("country")] string? Country,
        [property: JsonPropertyName("names")] List<string> Names);

    private sealed record GoldStatement(
        [property: JsonPropertyName("key")] string Key,
        [property: JsonPropertyName("required")] bool Required,
        [property: JsonPropertyName("speakers")] List<string> Speakers,
        [property: JsonPropertyName("direct")] bool Direct,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("origin")] string Origin);

    private sealed record GoldEvent(
        [property: JsonPropertyName("key")] string Key,
        [property: JsonPropertyName("required")] bool Required,
        [property: JsonPropertyName("roots")] List<string> Roots,
        [property: JsonPropertyName("sources")] List<string> Sources,
        [property: JsonPropertyName("targets")] List<string> Targets,
        [property: JsonPropertyName("date")] List<string> Date,
        [property: JsonPropertyName("evidence")] string Evidence,
        [property: JsonPropertyName("origin")] string Origin);

    private sealed record GoldDyad(
        [property: JsonPropertyName("pair")] List<string> Pair,
        [property: JsonPropertyName("expect")] string Expect);
}
