using System.Globalization;
using Dapper;
using IraqCoalition.Core.Clustering;
using IraqCoalition.Core.Events;
using IraqCoalition.Core.Text;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Audit;
using IraqCoalition.Data.Clusters;
using IraqCoalition.Data.Storage;
using System.Data.Common;

namespace IraqCoalition.Data.Editing;

/// <summary>An event the machine missed, as an editor reads it from a selected span of an article.</summary>
public sealed record NewEvent
{
    public required long ArticleId { get; init; }

    /// <summary>The selected words (the trigger); the evidence is the sentence or sentences around them.</summary>
    public required int Start { get; init; }
    public required int End { get; init; }
    public required string Code { get; init; }
    public long? SourceActorId { get; init; }
    public long? TargetActorId { get; init; }
    public required DateOnly Date { get; init; }
    public string? Location { get; init; }
    public string? Summary { get; init; }
}

/// <summary>A statement the machine missed: the selected span is what was said.</summary>
public sealed record NewStatement
{
    public required long ArticleId { get; init; }
    public required int Start { get; init; }
    public required int End { get; init; }
    public long? SpeakerActorId { get; init; }
    public string? Cue { get; init; }
    public bool Direct { get; init; }
    public DateOnly? Date { get; init; }
}

/// <summary>An actor named in the sentence of a selection, nearest the selection first.</summary>
public sealed record SpanActor(long Id, string Name, string Kind, string? Country);

/// <summary>What the add-from-selection form prefills: the sentence, its dates and its actors.</summary>
public sealed record SpanContext(
    int SentenceStart, int SentenceEnd, string SentenceText, string SelectedText,
    DateOnly? SuggestedDate, string? DateText, IReadOnlyList<SpanActor> Actors, bool InsideQuotation);

/// <summary>
/// Events and statements an editor adds from a selection in the reader: the machine missed them. They
/// are stored as the editor's (origin 'editor', verified, edited), so re-extraction keeps them and the
/// Quality page counts each as a miss of the machine's.
/// </summary>
public sealed class AdditionService(ConnectionFactory factory, CameoCodebook codebook)
{
    public const string EditorOrigin = "editor";

    /// <summary>The sentence around a selection, the first full date in it (else the article's date) and the actors it names.</summary>
    public async Task<SpanContext> ContextAsync(long articleId, int start, int end, CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        var article = await ArticleAsync(c, null, articleId);
        var selected = CorrectionService.SpanText(article.Body, start, end);
        var doc = TextSegmenter.Segment(article.Body);
        var sentence = SentencesCovering(doc, start, end);
        var timexes = (await c.QueryAsync<(int Start, string Text, string Value)>(new CommandDefinition(
            "SELECT start_offset, text, value FROM timexes WHERE article_id = @articleId AND start_offset >= @Start AND end_offset <= @End ORDER BY start_offset",
            new { articleId, sentence.Start, sentence.End }, cancellationToken: ct))).ToList();
        var dated = timexes.FirstOrDefault(t => Day(t.Value) is not null);
        var actors = (await c.QueryAsync<(long Id, string Name, string Kind, string? Country, int Offset)>(new CommandDefinition("""
            SELECT a.id, a.name, a.kind, a.country, min(abs(m.start_offset - @start)) AS distance
            FROM mentions m JOIN actors a ON a.id = m.actor_id
            WHERE m.article_id = @articleId AND m.start_offset >= @sentenceStart AND m.end_offset <= @sentenceEnd
            GROUP BY a.id ORDER BY distance, a.id
            """, new { articleId, start, sentenceStart = sentence.Start, sentenceEnd = sentence.End }, cancellationToken: ct)))
            .Select(a => new SpanActor(a.Id, a.Name, a.Kind, a.Country)).ToList();
        var quote = doc.QuoteAt(start);
        return new SpanContext(
            sentence.Start, sentence.End, article.Body[sentence.Start..sentence.End].Trim(), selected,
            dated.Value is null ? Day(article.Published) : Day(dated.Value), dated.Text, actors,
            quote is { } q && q.Content.Start <= start && end <= q.Content.End);
    }

    public Task<long> AddEventAsync(UserContext user, NewEvent item, CancellationToken ct = default)
    {
        Authorization.Require(user, Roles.Editor, "add events");
        ArgumentNullException.ThrowIfNull(item);
        var code = codebook.TryGet(item.Code?.Trim() ?? "", out var known) ? known : throw new ArgumentException($"'{item.Code}' is not a CAMEO event code.", nameof(item));
        return factory.InTransactionAsync(async (c, tx) =>
        {
            var article = await ArticleAsync(c, tx, item.ArticleId);
            var (start, end) = CorrectionService.Trimmed(article.Body, item.Start, item.End);
            var trigger = article.Body[start..end];
            var evidence = SentencesCovering(TextSegmenter.Segment(article.Body), start, end);
            var source = await ActorAsync(c, tx, item.SourceActorId);
            var target = await ActorAsync(c, tx, item.TargetActorId);
            var summary = string.IsNullOrWhiteSpace(item.Summary)
                ? $"{source?.Name ?? "Someone"}: {code.Label.ToLowerInvariant()}{(target is null ? "" : $" ({target.Name})")}"
                : CorrectionService.Limited(item.Summary, 1000, "summary");
            var location = string.IsNullOrWhiteSpace(item.Location) ? null : CorrectionService.Limited(item.Location, 200, "location");
            var now = Clock.Now();
            var day = Clock.Day(item.Date);
            var id = await c.ExecuteScalarAsync<long>("""
                INSERT INTO events (article_id, code, root, label, goldstein, quad_class, source_actor_id, target_actor_id,
                                    source_country, target_country, date_value, date_start, date_end, date_precision,
                                    location, summary, evidence_start, evidence_end, evidence_text, trigger_start, trigger_end,
                                    modality, status, edited, origin, reviewed_at, created_at, updated_at)
                VALUES (@ArticleId, @Code, @Root, @Label, @Goldstein, @QuadClass, @SourceId, @TargetId,
                        @SourceCountry, @TargetCountry, @day, @day, @day, 'day',
                        @location, @summary, @EvidenceStart, @EvidenceEnd, @EvidenceText, @Start, @End,
                        'asserted', 'verified', 1, 'editor', @now, @now, @now)
                RETURNING id
                """,
                new
                {
                    item.ArticleId, code.Code, code.Root, code.Label, code.Goldstein, code.QuadClass,
                    SourceId = source?.Id, TargetId = target?.Id, SourceCountry = source?.Country, TargetCountry = target?.Country,
                    day, location, summary,
                    EvidenceStart = evidence.Start, EvidenceEnd = evidence.End, EvidenceText = article.Body[evidence.Start..evidence.End].Trim(),
                    Start = start, End = end, now,
                }, tx);
            // The new report meets the others of its happening as a machine report would.
            await ClusterStore.AssignAsync(c, tx, item.ArticleId, new ClusterMatcher());
            await AuditLog.WriteAsync(c, tx, user, "event.add", "event", id, null, new
            {
                article = article.Title, code = $"{code.Code} {code.Label}", source = source?.Name, target = target?.Name,
                date = day, location, summary, trigger,
            });
            return id;
        }, ct);
    }

    public Task<long> AddStatementAsync(UserContext user, NewStatement item, CancellationToken ct = default)
    {
        Authorization.Require(user, Roles.Editor, "add statements");
        ArgumentNullException.ThrowIfNull(item);
        return factory.InTransactionAsync(async (c, tx) =>
        {
            var article = await ArticleAsync(c, tx, item.ArticleId);
            var (start, end) = CorrectionService.Trimmed(article.Body, item.Start, item.End, quotes: true);
            var text = article.Body[start..end];
            var evidence = SentencesCovering(TextSegmenter.Segment(article.Body), start, end);
            var speaker = await ActorAsync(c, tx, item.SpeakerActorId);
            // The speaker's mention nearest the statement, so the reader can highlight who said it.
            var mention = speaker is null ? null : await c.QueryFirstOrDefaultAsync<(int Start, int End)?>("""
                SELECT start_offset, end_offset FROM mentions WHERE article_id = @ArticleId AND actor_id = @Id
                ORDER BY abs(start_offset - @Start) LIMIT 1
                """, new { item.ArticleId, speaker.Id, Start = start }, tx);
            var cue = string.IsNullOrWhiteSpace(item.Cue) ? null : CorrectionService.Limited(item.Cue, 60, "cue");
            var now = Clock.Now();
            var date = item.Date is { } d ? Clock.Day(d) : article.Published;
            var id = await c.ExecuteScalarAsync<long>("""
                INSERT INTO statements (article_id, speaker_actor_id, text, direct, cue, content_start, content_end,
                                        speaker_start, speaker_end, evidence_start, evidence_end, date_value,
                                        status, edited, origin, reviewed_at, created_at, updated_at)
                VALUES (@ArticleId, @SpeakerId, @text, @Direct, @cue, @Start, @End,
                        @SpeakerStart, @SpeakerEnd, @EvidenceStart, @EvidenceEnd, @date,
                        'verified', 1, 'editor', @now, @now, @now)
                RETURNING id
                """,
                new
                {
                    item.ArticleId, SpeakerId = speaker?.Id, text, item.Direct, cue, Start = start, End = end,
                    SpeakerStart = mention?.Start, SpeakerEnd = mention?.End,
                    EvidenceStart = evidence.Start, EvidenceEnd = evidence.End, date, now,
                }, tx);
            await AuditLog.WriteAsync(c, tx, user, "statement.add", "statement", id, null, new
            {
                article = article.Title, speaker = speaker?.Name, cue, direct = item.Direct, date, text,
            });
            return id;
        }, ct);
    }

    /// <summary>The sentences a span touches, as one span; a span outside every sentence is its own evidence.</summary>
    internal static Span SentencesCovering(TextDocument doc, int start, int end)
    {
        var first = doc.Sentences.FirstOrDefault(s => s.End > start && s.Start <= start);
        var last = doc.Sentences.LastOrDefault(s => s.Start < end && s.End >= end);
        return new Span(
            first == default ? start : Math.Min(first.Start, start),
            last == default ? end : Math.Max(last.End, end));
    }

    private sealed record ArticleRow(string Body, string? Title, string? Published);

    private static async Task<ArticleRow> ArticleAsync(DbConnection c, DbTransaction? tx, long id)
    {
        var row = await c.QuerySingleOrDefaultAsync<(string Body, string? Title, string? Published)?>(
            "SELECT body, title, published FROM articles WHERE id = @id", new { id }, tx)
            ?? throw new KeyNotFoundException($"No article {id}.");
        return new ArticleRow(row.Body, row.Title, row.Published);
    }

    private static async Task<SpanActor?> ActorAsync(DbConnection c, DbTransaction tx, long? id)
    {
        if (id is null)
        {
            return null;
        }

        // A merged actor stands for its survivor, as everywhere else.
        var row = await c.QuerySingleOrDefaultAsync<(long Id, string Name, string Kind, string? Country)?>("""
            SELECT a.id, a.name, a.kind, a.country FROM actors m JOIN actors a ON a.id = COALESCE(m.merged_into_id, m.id) WHERE m.id = @id
            """, new { id }, tx) ?? throw new KeyNotFoundException($"No actor {id}.");
        return new SpanActor(row.Id, row.Name, row.Kind, row.Country);
    }

    private static DateOnly? Day(string? value) =>
        value is { Length: >= 10 } && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
