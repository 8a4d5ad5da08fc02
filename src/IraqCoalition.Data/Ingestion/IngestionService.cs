using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using IraqCoalition.Core.Articles;
using IraqCoalition.Core.Clustering;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Actors;
using IraqCoalition.Data.Audit;
using IraqCoalition.Data.Clusters;
using IraqCoalition.Data.Storage;
using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IraqCoalition.Data.Ingestion;

public sealed record IngestionResult
{
    public long ArticleId { get; init; }
    public bool Duplicate { get; init; }
    public string? Title { get; init; }
    public string? Origin { get; init; }
    public int Actors { get; init; }
    public int Statements { get; init; }
    public int Events { get; init; }
    public TimeSpan Elapsed { get; init; }

    /// <summary>The part of <see cref="Elapsed"/> spent matching the new reports to stored events, which grows with the record (bench-ingest).</summary>
    public TimeSpan Clustering { get; init; }

    /// <summary>What the reader ignored in the file (<see cref="Article.Warnings"/>), for the person ingesting.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>Extraction of one article ran past <see cref="IngestionService.ExtractionBudget"/>; nothing was stored.</summary>
public sealed class ExtractionTimeoutException(string? origin, TimeSpan budget)
    : Exception($"{origin ?? "the article"}: extraction took longer than {budget.TotalSeconds:0.##} s, so it was not stored")
{
    public string? Origin { get; } = origin;
}

/// <summary>Progress of a multi-file ingestion: how far along, and the outcome of the last file.</summary>
public sealed record IngestionProgress(int Done, int Total, string Origin, IngestionResult? Result, string? Error);

/// <summary>
/// Stores an article and everything the extraction pipeline reads from it, in one transaction: a
/// failure anywhere leaves the database as it was. An article already stored (same content hash) is
/// reported as a duplicate and not stored again.
/// </summary>
public sealed class IngestionService(
    ConnectionFactory factory,
    IExtractionPipeline pipeline,
    ILogger<IngestionService>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<IngestionService>.Instance;

    /// <summary>
    /// The longest one article's extraction may take before ingestion gives up on it. Extraction is
    /// linear in the text (run-on sentences are cut), about 4 s for a 1 MB article here, so this only
    /// catches what nobody foresaw, and keeps a request or a batch from waiting on it for ever.
    /// </summary>
    public TimeSpan ExtractionBudget { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Decides which stored event each new report belongs to (docs/event-clusters.md).</summary>
    public ClusterMatcher Matcher { get; init; } = new();

    public static readonly IReadOnlyList<string> ArticleExtensions = [".md", ".txt", ".markdown", ".html", ".htm"];

    /// <summary>Hash of the normalised body: the same story saved with other line endings or trailing blanks is the same article.</summary>
    public static string ContentHash(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var normalized = article.Body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    public Task<IngestionResult> IngestAsync(Article article, CancellationToken ct = default) => IngestAsync(article, null, ct);

    /// <param name="userName">Who asked for the ingestion (recorded on the article); null for the system.</param>
    public async Task<IngestionResult> IngestAsync(Article article, string? userName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        var sw = Stopwatch.StartNew();
        var hash = ContentHash(article);
        await using var connection = await factory.OpenAsync(ct);

        var existing = await connection.QuerySingleOrDefaultAsync<(long Id, string? Title)?>(
            "SELECT id, title FROM articles WHERE content_hash = @hash", new { hash });
        if (existing is { } dup)
        {
            _logger.LogInformation("Article {Origin} is a duplicate of article {ArticleId}; not stored again", article.Origin, dup.Id);
            return new IngestionResult { ArticleId = dup.Id, Duplicate = true, Title = dup.Title, Origin = article.Origin, Elapsed = sw.Elapsed, Warnings = article.Warnings };
        }

        // Extraction runs outside the transaction: it is pure CPU work and must not hold the write lock.
        var extraction = await ExtractAsync(article, ct);

        await using var tx = (DbTransaction)await connection.BeginTransactionAsync(ct);
        long articleId;
        var clustering = TimeSpan.Zero;
        try
        {
            articleId = await InsertArticleAsync(connection, tx, article, hash, extraction, userName);
            var actorIds = await ActorStore.ResolveAsync(connection, tx, articleId, extraction.Actors);
            await InsertStatementsAsync(connection, tx, articleId, extraction, actorIds);
            await InsertEventsAsync(connection, tx, articleId, extraction, actorIds);
            var clusteringStarted = sw.Elapsed;
            await ClusterStore.AssignAsync(connection, tx, articleId, Matcher);
            clustering = sw.Elapsed - clusteringStarted;
            await InsertTimexesAsync(connection, tx, articleId, extraction);
            await AuditLog.WriteAsync(connection, tx, Who(userName), "article.ingest", "article", articleId, null, new
            {
                title = article.Title, source = article.Source, origin = article.Origin, published = extraction.Article.Published,
                actors = extraction.Actors.Count, statements = extraction.Statements.Count, events = extraction.Events.Count,
            });
            await tx.CommitAsync(ct);
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex, "content_hash"))
        {
            // Another writer stored the same article between our check and our insert.
            await tx.RollbackAsync(CancellationToken.None);
            var id = await connection.ExecuteScalarAsync<long>("SELECT id FROM articles WHERE content_hash = @hash", new { hash });
            return new IngestionResult { ArticleId = id, Duplicate = true, Title = article.Title, Origin = article.Origin, Elapsed = sw.Elapsed };
        }

        var result = new IngestionResult
        {
            ArticleId = articleId,
            Title = article.Title,
            Origin = article.Origin,
            Actors = extraction.Actors.Count,
            Statements = extraction.Statements.Count,
            Events = extraction.Events.Count,
            Elapsed = sw.Elapsed,
            Clustering = clustering,
            Warnings = article.Warnings,
        };
        _logger.LogInformation(
            "Ingested article {ArticleId} ({Origin}): {Actors} actors, {Statements} statements, {Events} events in {ElapsedMs} ms ({ClusteringMs} ms matching events)",
            articleId, article.Origin, result.Actors, result.Statements, result.Events, (int)sw.Elapsed.TotalMilliseconds, (int)clustering.TotalMilliseconds);
        return result;
    }

    /// <summary>
    /// Runs the current pipeline again on a stored article. Rows an editor touched (corrected,
    /// verified or rejected) stay as they are, and the machine does not re-add an event or statement
    /// at the same place as one of them, so a rejected false event does not come back.
    /// </summary>
    public Task<IngestionResult> ReextractAsync(long articleId, CancellationToken ct = default) => ReextractAsync(articleId, null, ct);

    /// <param name="userName">Who asked (recorded in the audit log); null for the system.</param>
    public async Task<IngestionResult> ReextractAsync(long articleId, string? userName, CancellationToken ct = default)
    {
        var sw = Stopwatch.StartNew();
        Article article;
        await using (var c = await factory.OpenAsync(ct))
        {
            var row = await c.QuerySingleOrDefaultAsync<(string Body, string? Title, string? Source, string? Url, string? Published, string Language, string? Origin)?>(
                "SELECT body, title, source, url, published, language, origin FROM articles WHERE id = @articleId", new { articleId })
                ?? throw new KeyNotFoundException($"No article {articleId}.");
            article = new Article
            {
                Body = row.Body, Title = row.Title, Source = row.Source, Url = row.Url,
                Published = Clock.ParseDay(row.Published), Language = row.Language, Origin = row.Origin,
            };
        }

        var extraction = await ExtractAsync(article, ct);
        await factory.InTransactionAsync(async (c, tx) =>
        {
            // The clusters the machine's reports leave are recounted (or dropped) once the new reports are in.
            var oldClusters = await ClusterStore.OfArticleAsync(c, tx, articleId);
            var before = await CountsAsync(c, tx, articleId);
            await c.ExecuteAsync("DELETE FROM events WHERE article_id = @articleId AND edited = 0", new { articleId }, tx);
            await c.ExecuteAsync("DELETE FROM statements WHERE article_id = @articleId AND edited = 0", new { articleId }, tx);
            await c.ExecuteAsync("DELETE FROM mentions WHERE article_id = @articleId", new { articleId }, tx);
            await c.ExecuteAsync("DELETE FROM timexes WHERE article_id = @articleId", new { articleId }, tx);
            // A kept event is recognised by where it was read (evidence and trigger), not by its code, which an editor may have changed.
            var keptEvents = (await c.QueryAsync<(int, int, int)>(
                "SELECT evidence_start, evidence_end, COALESCE(trigger_start, -1) FROM events WHERE article_id = @articleId", new { articleId }, tx)).ToHashSet();
            var keptStatements = (await c.QueryAsync<(int, int)>(
                "SELECT content_start, content_end FROM statements WHERE article_id = @articleId", new { articleId }, tx)).ToHashSet();
            var actorIds = await ActorStore.ResolveAsync(c, tx, articleId, extraction.Actors);
            await InsertStatementsAsync(c, tx, articleId, extraction, actorIds, keptStatements);
            await InsertEventsAsync(c, tx, articleId, extraction, actorIds, keptEvents);
            await ClusterStore.RecountAsync(c, tx, oldClusters);
            await ClusterStore.AssignAsync(c, tx, articleId, Matcher);
            await InsertTimexesAsync(c, tx, articleId, extraction);
            await c.ExecuteAsync("UPDATE articles SET extractor_version = @Version, sentence_count = @Sentences WHERE id = @articleId",
                new { pipeline.Version, extraction.Article.Sentences, articleId }, tx);
            await AuditLog.WriteAsync(c, tx, Who(userName), "article.reextract", "article", articleId, before,
                await CountsAsync(c, tx, articleId));
            return 0;
        }, ct);
        _logger.LogInformation("Re-extracted article {ArticleId}: {Events} events, {Statements} statements", articleId, extraction.Events.Count, extraction.Statements.Count);
        return new IngestionResult
        {
            ArticleId = articleId, Title = article.Title, Origin = article.Origin, Actors = extraction.Actors.Count,
            Statements = extraction.Statements.Count, Events = extraction.Events.Count, Elapsed = sw.Elapsed,
        };
    }

    /// <summary>What an article holds, as the audit log records it before and after a re-extraction.</summary>
    private sealed class ArticleCounts
    {
        public int Events { get; init; }
        public int Statements { get; init; }
        public int EditorKept { get; init; }
        public string Extractor { get; init; } = "";
    }

    private static Task<ArticleCounts> CountsAsync(DbConnection c, DbTransaction tx, long articleId) =>
        c.QuerySingleAsync<ArticleCounts>("""
            SELECT (SELECT count(*) FROM events WHERE article_id = @articleId) AS Events,
                   (SELECT count(*) FROM statements WHERE article_id = @articleId) AS Statements,
                   (SELECT count(*) FROM events WHERE article_id = @articleId AND edited = 1)
                   + (SELECT count(*) FROM statements WHERE article_id = @articleId AND edited = 1) AS EditorKept,
                   extractor_version AS Extractor
            FROM articles WHERE id = @articleId
            """, new { articleId }, tx);

    private static UserContext Who(string? userName) => userName is null ? UserContext.System : new UserContext(userName, null);

    /// <summary>Re-extracts every stored article, reporting progress after each.</summary>
    public Task<int> ReextractAllAsync(IProgress<IngestionProgress>? progress = null, CancellationToken ct = default) =>
        ReextractAllAsync(null, progress, ct);

    /// <param name="userName">Who asked (one audit row per article); null for the system.</param>
    public async Task<int> ReextractAllAsync(string? userName, IProgress<IngestionProgress>? progress = null, CancellationToken ct = default)
    {
        List<long> ids;
        await using (var c = await factory.OpenAsync(ct))
        {
            ids = (await c.QueryAsync<long>("SELECT id FROM articles ORDER BY id")).ToList();
        }

        for (var i = 0; i < ids.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var result = await ReextractAsync(ids[i], userName, ct);
            progress?.Report(new IngestionProgress(i + 1, ids.Count, result.Title ?? $"article {ids[i]}", result, null));
        }

        return ids.Count;
    }

    /// <summary>Every article file under the given files and folders, in a stable order.</summary>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                files.AddRange(Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories)
                    .Where(f => ArticleExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                // Missing files are kept so the caller reports them instead of silently skipping.
                files.Add(p);
            }
        }

        return files;
    }

    /// <summary>Ingests files one by one; a bad file is reported through progress and does not stop the others.</summary>
    public async Task<IReadOnlyList<IngestionProgress>> IngestFilesAsync(
        IReadOnlyList<string> files, IProgress<IngestionProgress>? progress = null, CancellationToken ct = default)
    {
        var outcomes = new List<IngestionProgress>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            IngestionProgress outcome;
            try
            {
                var article = ArticleReader.ReadFile(files[i]);
                var result = await WhenNotBusyAsync(() => IngestAsync(article, ct));
                outcome = result is null
                    ? new IngestionProgress(i + 1, files.Count, files[i], null, BusyReason)
                    : new IngestionProgress(i + 1, files.Count, files[i], result, null);
            }
            catch (ArticleReadException ex)
            {
                _logger.LogWarning("Skipped {Origin}: {Reason}", ex.Origin, ex.Reason);
                outcome = new IngestionProgress(i + 1, files.Count, files[i], null, ex.Reason);
            }
            catch (ExtractionTimeoutException ex)
            {
                _logger.LogWarning("Skipped {Origin}: {Reason}", ex.Origin, ex.Message);
                outcome = new IngestionProgress(i + 1, files.Count, files[i], null, ex.Message);
            }

            outcomes.Add(outcome);
            progress?.Report(outcome);
        }

        return outcomes;
    }

    private const string BusyReason = "not stored: another process kept the database locked for writing through three waits; ingest it again later";

    /// <summary>
    /// Another process (the web app's re-extraction, a second CLI run) may hold the write lock longer
    /// than one wait (the connection's Default Timeout): the article is tried three times, as its
    /// transaction left nothing behind, then reported as not stored (null) instead of ending the batch.
    /// </summary>
    private async Task<IngestionResult?> WhenNotBusyAsync(Func<Task<IngestionResult>> ingest)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ingest();
            }
            catch (DbException ex) when (DbErrors.IsBusy(ex))
            {
                _logger.LogWarning("The database was locked by another writer (attempt {Attempt} of 3)", attempt);
                if (attempt == 3)
                {
                    return null;
                }
            }
        }
    }

    /// <summary>
    /// The pipeline is synchronous CPU work without cancellation points, so it runs on the thread pool
    /// and the caller stops waiting when <paramref name="ct"/> is cancelled (an abandoned upload) or
    /// the budget runs out; what it still computes is then thrown away, and nothing is stored.
    /// </summary>
    private async Task<ExtractionResult> ExtractAsync(Article article, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        // A thread of its own: extraction is seconds of CPU on long articles, and on pool threads
        // several of them starve the pool of the thread the cancelled caller needs to return.
        var work = Task.Factory.StartNew(() => pipeline.Extract(article), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            return await work.WaitAsync(ExtractionBudget, ct);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("Extraction of {Origin} ran past its budget of {Budget} s; not stored", article.Origin, ExtractionBudget.TotalSeconds);
            throw new ExtractionTimeoutException(article.Origin, ExtractionBudget);
        }
    }

    private async Task<long> InsertArticleAsync(DbConnection c, DbTransaction tx, Article a, string hash, ExtractionResult x, string? userName)
    {
        return await c.ExecuteScalarAsync<long>("""
            INSERT INTO articles (content_hash, title, source, url, published, language, origin, body,
                                  word_count, sentence_count, extractor_version, ingested_at, ingested_by)
            VALUES (@hash, @Title, @Source, @Url, @Published, @Language, @Origin, @Body,
                    @WordCount, @Sentences, @Version, @Now, @userName)
            RETURNING id
            """,
            new
            {
                // Every caller's readers already refuse unsafe links; this is the one door to storage, so it checks again.
                hash, a.Title, a.Source, Url = ArticleUrl.Safe(a.Url),
                Published = x.Article.Published,
                a.Language, a.Origin, a.Body,
                WordCount = WordCount(a.Body),
                x.Article.Sentences,
                pipeline.Version,
                Now = Clock.Now(),
                userName,
            }, tx);
    }

    private static async Task InsertStatementsAsync(DbConnection c, DbTransaction tx, long articleId, ExtractionResult x, IReadOnlyDictionary<string, long> actorIds, ISet<(int, int)>? keep = null)
    {
        var now = Clock.Now();
        foreach (var s in x.Statements)
        {
            if (keep?.Contains((s.Content.Start, s.Content.End)) == true)
            {
                continue;
            }

            await c.ExecuteAsync("""
                INSERT INTO statements (article_id, speaker_actor_id, text, direct, cue, content_start, content_end,
                                        speaker_start, speaker_end, cue_start, cue_end, evidence_start, evidence_end,
                                        date_value, rule, created_at, updated_at)
                VALUES (@articleId, @Speaker, @Text, @Direct, @Cue, @ContentStart, @ContentEnd,
                        @SpeakerStart, @SpeakerEnd, @CueStart, @CueEnd, @EvidenceStart, @EvidenceEnd,
                        @DateValue, @Rule, @now, @now)
                """,
                new
                {
                    articleId,
                    Speaker = s.Speaker is not null && actorIds.TryGetValue(s.Speaker, out var sid) ? sid : (long?)null,
                    s.Text, s.Direct, s.Cue,
                    ContentStart = s.Content.Start, ContentEnd = s.Content.End,
                    SpeakerStart = s.Source?.Start, SpeakerEnd = s.Source?.End,
                    CueStart = s.CueSpan?.Start, CueEnd = s.CueSpan?.End,
                    EvidenceStart = s.Evidence?.Start, EvidenceEnd = s.Evidence?.End,
                    DateValue = x.Article.Published,
                    Rule = StatementRule(s),
                    now,
                }, tx);
        }
    }

    private static async Task InsertEventsAsync(DbConnection c, DbTransaction tx, long articleId, ExtractionResult x, IReadOnlyDictionary<string, long> actorIds, ISet<(int, int, int)>? keep = null)
    {
        var now = Clock.Now();
        var countries = x.Actors.ToDictionary(a => a.Id, a => a.Country);
        foreach (var e in x.Events)
        {
            if (keep?.Contains((e.Evidence.Start, e.Evidence.End, e.Trigger?.Start ?? -1)) == true)
            {
                continue;
            }

            long? Resolve(string? id) => id is not null && actorIds.TryGetValue(id, out var v) ? v : null;
            string? Country(string? id) => id is not null && countries.TryGetValue(id, out var v) ? v : null;
            await c.ExecuteAsync("""
                INSERT INTO events (article_id, code, root, label, goldstein, quad_class, source_actor_id, target_actor_id,
                                    source_country, target_country, date_value, date_start, date_end, date_precision, date_text,
                                    location, summary, evidence_start, evidence_end, evidence_text, trigger_start, trigger_end,
                                    negated, modality, rule, created_at, updated_at)
                VALUES (@articleId, @Code, @Root, @Label, @Goldstein, @QuadClass, @SourceId, @TargetId,
                        @SourceCountry, @TargetCountry, @DateValue, @DateStart, @DateEnd, @Precision, @DateText,
                        @Location, @Summary, @EvidenceStart, @EvidenceEnd, @EvidenceText, @TriggerStart, @TriggerEnd,
                        @Negated, @Modality, @Rule, @now, @now)
                """,
                new
                {
                    articleId, e.Code, e.Root, e.Label, e.Goldstein, e.QuadClass,
                    SourceId = Resolve(e.Source), TargetId = Resolve(e.Target),
                    SourceCountry = Country(e.Source), TargetCountry = Country(e.Target),
                    DateValue = e.Date.Value, DateStart = e.Date.Start, DateEnd = e.Date.End, e.Date.Precision, DateText = e.Date.Text,
                    e.Location, e.Summary,
                    EvidenceStart = e.Evidence.Start, EvidenceEnd = e.Evidence.End, EvidenceText = e.Evidence.Text,
                    TriggerStart = e.Trigger?.Start, TriggerEnd = e.Trigger?.End,
                    e.Negated, e.Modality, e.Rule, now,
                }, tx);
        }
    }

    /// <summary>
    /// Statements have no pattern lines; the Quality page groups them by how they were read: a
    /// quotation, or reported speech by its cue verb.
    /// </summary>
    internal static string StatementRule(ExtractedStatement s) =>
        s.Direct ? "direct quotation" : $"reported: {s.Cue?.Trim().ToLowerInvariant() ?? "(no cue)"}";

    private static async Task InsertTimexesAsync(DbConnection c, DbTransaction tx, long articleId, ExtractionResult x)
    {
        foreach (var t in x.Timexes)
        {
            await c.ExecuteAsync(
                "INSERT INTO timexes (article_id, start_offset, end_offset, text, type, value) VALUES (@articleId, @Start, @End, @Text, @Type, @Value)",
                new { articleId, t.Start, t.End, t.Text, t.Type, t.Value }, tx);
        }
    }

    public static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var ch in text)
        {
            var letter = char.IsLetterOrDigit(ch);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }
}
